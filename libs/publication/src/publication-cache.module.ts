import { Global, Module } from '@nestjs/common';
import { PublicationChanges } from './publication-changes';
import { PublicResourceInterceptor, PublicResponseCache } from './public-resource';

/**
 * Global, so that a public controller of any context (the anslagstavla in minutes, the meeting page) can use
 * PublicResourceInterceptor without importing the publication context that reads from it.
 */
@Global()
@Module({
  providers: [PublicationChanges, PublicResponseCache, PublicResourceInterceptor],
  exports: [PublicationChanges, PublicResponseCache, PublicResourceInterceptor],
})
export class PublicationCacheModule {}
