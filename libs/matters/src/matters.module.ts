import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { memoryStorage } from 'multer';
import { AppConfig } from '@namndrum/core';
import { OrganisationModule } from '@namndrum/organisation';
import { DelegatedDecisionService } from './delegated-decision.service';
import { DelegatedDecisionsController } from './delegated-decisions.controller';
import { DiariumService } from './diarium.service';
import { DocumentService } from './document.service';
import { DocumentsController } from './documents.controller';
import { MATTERS_ENTITIES } from './entities';
import { TextExtractor } from './files/text-extractor';
import { MatterService } from './matter.service';
import { MattersController } from './matters.controller';
import { OfficerReportService } from './officer-report.service';
import { OfficerReportsController } from './officer-reports.controller';
import { RegistriesController } from './registries.controller';
import { RegistryService } from './registry.service';
import { SecrecyAccessService } from './secrecy-access.service';
import { MatterSecrecyService } from './matter-secrecy.service';

const SERVICES = [RegistryService, MatterService, DocumentService, OfficerReportService, DelegatedDecisionService, MatterSecrecyService];

@Module({
  imports: [
    TypeOrmModule.forFeature(MATTERS_ENTITIES),
    OrganisationModule,
    // Kept in memory up to the limit: the type is sniffed and the hash taken before anything is stored.
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ storage: memoryStorage(), defParamCharset: 'utf8', limits: { fileSize: config.UPLOAD_MAX_BYTES, files: 1, fields: 20 } }),
    }),
  ],
  controllers: [RegistriesController, MattersController, DocumentsController, OfficerReportsController, DelegatedDecisionsController],
  providers: [...SERVICES, SecrecyAccessService, DiariumService, { provide: TextExtractor, useFactory: () => new TextExtractor() }],
  exports: SERVICES,
})
export class MattersModule {}
