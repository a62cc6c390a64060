import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { memoryStorage } from 'multer';
import { AppConfig } from '@namndrum/core';
import { MattersModule } from '@namndrum/matters';
import { OrganisationModule } from '@namndrum/organisation';
import { GOALS_ENTITIES } from './entities';
import { GoalFrameworkService } from './goal-framework.service';
import { GoalLinkService } from './goal-link.service';
import { GoalQueryService } from './goal-query.service';
import { GoalReportService } from './goal-report.service';
import { GoalWorkbookService } from './goal-workbook.service';
import { GoalsController } from './goals.controller';
import { KoladaImportService } from './kolada-import.service';

const SERVICES = [GoalFrameworkService, GoalQueryService, GoalLinkService, GoalReportService, KoladaImportService, GoalWorkbookService];

@Module({
  imports: [
    TypeOrmModule.forFeature(GOALS_ENTITIES),
    OrganisationModule,
    MattersModule,
    // Workbook uploads: in memory up to the same limit as documents, read whole before anything is stored.
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ storage: memoryStorage(), defParamCharset: 'utf8', limits: { fileSize: config.UPLOAD_MAX_BYTES, files: 1, fields: 20 } }),
    }),
  ],
  controllers: [GoalsController],
  providers: SERVICES,
  exports: SERVICES,
})
export class GoalsModule {}
