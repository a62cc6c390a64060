import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { NoticeBoardFeedController, OrganFeedController } from './feeds/public-feeds.controller';
import { PublicFeedService } from './feeds/public-feed.service';
import { PublicationCacheModule } from './publication-cache.module';
import { PUBLIC_PATH_ROOTS } from './public-urls';
import { PublicRateLimiter } from './rate-limit/public-rate-limiter';
import { PublicRateLimitMiddleware } from './rate-limit/public-rate-limit.middleware';

/**
 * What the public reads without signing in: the municipality's pages, the anslagstavla, feeds and the
 * OParl API. Everything here shows published data only, masked by the same secrecy rules as every other path.
 */
@Module({
  imports: [PublicationCacheModule],
  controllers: [NoticeBoardFeedController, OrganFeedController],
  providers: [PublicFeedService, PublicRateLimiter, PublicRateLimitMiddleware],
})
export class PublicationModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // The same paths the global prefix leaves out (configure-app.ts), so the limit covers every public address, 404s included.
    consumer.apply(PublicRateLimitMiddleware).forRoutes(...PUBLIC_PATH_ROOTS.flatMap((root) => [{ path: root, method: RequestMethod.GET }, { path: `${root}/*path`, method: RequestMethod.GET }]));
  }
}
