import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MattersModule } from '@namndrum/matters';
import { OrganisationModule } from '@namndrum/organisation';
import { AbsenceService } from './absence.service';
import { AgendaService } from './agenda.service';
import { DelegationReportService } from './delegation-report.service';
import { DeliveryService } from './delivery.service';
import { MEETINGS_ENTITIES } from './entities';
import { MeetingService } from './meeting.service';
import { AbsencesController, AgendaItemsController, AgendaTemplatesController, MeetingNoticesController, MeetingsController } from './meetings.controller';
import { NoticeBundleService } from './notice-bundle.service';
import { NoticeService } from './notice.service';

const SERVICES = [MeetingService, AgendaService, NoticeService, AbsenceService, DeliveryService, DelegationReportService, NoticeBundleService];

@Module({
  imports: [TypeOrmModule.forFeature(MEETINGS_ENTITIES), OrganisationModule, MattersModule],
  controllers: [MeetingsController, AgendaItemsController, AgendaTemplatesController, MeetingNoticesController, AbsencesController],
  providers: SERVICES,
  exports: SERVICES,
})
export class MeetingsModule {}
