import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MattersModule } from '@namndrum/matters';
import { MeetingsModule } from '@namndrum/meetings';
import { OrganisationModule } from '@namndrum/organisation';
import { MINUTES_ENTITIES } from './entities';
import { MeetingMinutesController, MinutesController, ParagraphsController, PostingsController } from './minutes.controller';
import { MinutesArchiveService } from './minutes-archive.service';
import { MinutesDocumentService } from './minutes-document.service';
import { MinutesReader } from './minutes-record';
import { MinutesPresenter } from './minutes.presenter';
import { MeetingAnnouncementService } from './meeting-announcement.service';
import { MinutesPageService } from './minutes-page.service';
import { MinutesService } from './minutes.service';
import { ApprovalPageController, NoticeBoardController } from './notice-board.controller';
import { NoticeBoardService } from './notice-board.service';
import { ParagraphService } from './paragraph.service';
import { PostingService } from './posting.service';
import { SecretaryOverviewController } from './secretary-overview.controller';
import { SecretaryOverviewService } from './secretary-overview.service';
import { VerificationService } from './verification.service';

const SERVICES = [MinutesReader, MinutesPresenter, MinutesService, ParagraphService, VerificationService, PostingService, MinutesDocumentService, MinutesArchiveService];

@Module({
  imports: [TypeOrmModule.forFeature(MINUTES_ENTITIES), OrganisationModule, MattersModule, MeetingsModule],
  controllers: [MeetingMinutesController, MinutesController, ParagraphsController, PostingsController, NoticeBoardController, ApprovalPageController, SecretaryOverviewController],
  providers: [...SERVICES, NoticeBoardService, MeetingAnnouncementService, SecretaryOverviewService, MinutesPageService],
  exports: SERVICES,
})
export class MinutesModule {}
