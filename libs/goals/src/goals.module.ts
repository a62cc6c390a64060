import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MattersModule } from '@namndrum/matters';
import { OrganisationModule } from '@namndrum/organisation';
import { GOALS_ENTITIES } from './entities';
import { GoalFrameworkService } from './goal-framework.service';
import { GoalLinkService } from './goal-link.service';
import { GoalQueryService } from './goal-query.service';
import { GoalReportService } from './goal-report.service';
import { GoalsController } from './goals.controller';
import { KoladaImportService } from './kolada-import.service';

const SERVICES = [GoalFrameworkService, GoalQueryService, GoalLinkService, GoalReportService, KoladaImportService];

@Module({
  imports: [TypeOrmModule.forFeature(GOALS_ENTITIES), OrganisationModule, MattersModule],
  controllers: [GoalsController],
  providers: SERVICES,
  exports: SERVICES,
})
export class GoalsModule {}
