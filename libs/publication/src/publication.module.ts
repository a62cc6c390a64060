import { Module } from '@nestjs/common';
import { PublicationCacheModule } from './publication-cache.module';

/**
 * What the public reads without signing in: the municipality's pages, the anslagstavla, feeds and the
 * OParl API. Everything here shows published data only, masked by the same secrecy rules as every other path.
 */
@Module({
  imports: [PublicationCacheModule],
  controllers: [],
  providers: [],
})
export class PublicationModule {}
