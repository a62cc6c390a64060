import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { MattersModule } from '@namndrum/matters';
import { MeetingsModule } from '@namndrum/meetings';
import { OrganisationModule } from '@namndrum/organisation';
import { NoticeBoardFeedController, OrganFeedController } from './feeds/public-feeds.controller';
import { PublicFeedService } from './feeds/public-feed.service';
import { PublicFilesController } from './files/public-files.controller';
import { PublicFilesService } from './files/public-files.service';
import { OparlController } from './oparl/oparl.controller';
import { OparlService } from './oparl/oparl.service';
import { PublicMeetingController } from './pages/meeting-page.controller';
import { PublicMeetingService } from './pages/meeting-page.service';
import { MunicipalityPagesController } from './pages/municipality-pages.controller';
import { MunicipalityPagesService } from './pages/municipality-pages.service';
import { NoticeBoardPageController } from './pages/notice-board-page.controller';
import { NoticeBoardPageService } from './pages/notice-board-page.service';
import { PUBLIC_ERROR_PAGES, PublicErrorPages } from './pages/public-error-pages';
import { PublishedDecisionsService } from './pages/published-decisions.service';
import { PublicationCacheModule } from './publication-cache.module';
import { PUBLIC_PATH_ROOTS } from './public-urls';
import { PublicRateLimiter } from './rate-limit/public-rate-limiter';
import { PublicRateLimitMiddleware } from './rate-limit/public-rate-limit.middleware';

/**
 * What the public reads without signing in: the municipality's pages, the anslagstavla, feeds and the
 * OParl API. Everything here shows published data only, masked by the same secrecy rules as every other path.
 */
@Module({
  imports: [PublicationCacheModule, OrganisationModule, MattersModule, MeetingsModule],
  controllers: [PublicFilesController, PublicMeetingController, MunicipalityPagesController, NoticeBoardPageController, OparlController, NoticeBoardFeedController, OrganFeedController],
  providers: [
    PublicFilesService,
    PublishedDecisionsService,
    PublicMeetingService,
    MunicipalityPagesService,
    NoticeBoardPageService,
    OparlService,
    PublicFeedService,
    PublicRateLimiter,
    PublicRateLimitMiddleware,
    PublicErrorPages,
    { provide: PUBLIC_ERROR_PAGES, useExisting: PublicErrorPages },
  ],
  exports: [PublicFilesService, PublishedDecisionsService],
})
export class PublicationModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // The same paths the global prefix leaves out (configure-app.ts), so the limit covers every public address, 404s included.
    consumer.apply(PublicRateLimitMiddleware).forRoutes(...PUBLIC_PATH_ROOTS.flatMap((root) => [{ path: root, method: RequestMethod.GET }, { path: `${root}/*path`, method: RequestMethod.GET }]));
  }
}
