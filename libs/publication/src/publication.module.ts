import { Module } from '@nestjs/common';
import { MattersModule } from '@namndrum/matters';
import { MeetingsModule } from '@namndrum/meetings';
import { OrganisationModule } from '@namndrum/organisation';
import { PublicFilesController } from './files/public-files.controller';
import { PublicFilesService } from './files/public-files.service';
import { PublicMeetingController } from './pages/meeting-page.controller';
import { PublicMeetingService } from './pages/meeting-page.service';
import { MunicipalityPagesController } from './pages/municipality-pages.controller';
import { MunicipalityPagesService } from './pages/municipality-pages.service';
import { NoticeBoardPageController } from './pages/notice-board-page.controller';
import { NoticeBoardPageService } from './pages/notice-board-page.service';
import { PUBLIC_ERROR_PAGES, PublicErrorPages } from './pages/public-error-pages';
import { PublishedDecisionsService } from './pages/published-decisions.service';
import { OparlController } from './oparl/oparl.controller';
import { OparlService } from './oparl/oparl.service';
import { PublicResourceInterceptor } from './public-resource';

/**
 * What the public reads without signing in: the municipality's pages, the anslagstavla, feeds and the
 * OParl API. Everything here shows published data only, masked by the same secrecy rules as every other path.
 */
@Module({
  imports: [OrganisationModule, MattersModule, MeetingsModule],
  controllers: [PublicFilesController, PublicMeetingController, MunicipalityPagesController, NoticeBoardPageController, OparlController],
  providers: [
    PublicResourceInterceptor,
    PublicFilesService,
    PublishedDecisionsService,
    PublicMeetingService,
    MunicipalityPagesService,
    NoticeBoardPageService,
    OparlService,
    PublicErrorPages,
    { provide: PUBLIC_ERROR_PAGES, useExisting: PublicErrorPages },
  ],
  exports: [PublicFilesService, PublishedDecisionsService],
})
export class PublicationModule {}
