import { Module } from '@nestjs/common';
import { PublicResourceInterceptor } from './public-resource';

/**
 * What the public reads without signing in: the municipality's pages, the anslagstavla, feeds and the
 * OParl API. Everything here shows published data only, masked by the same secrecy rules as every other path.
 */
@Module({
  imports: [],
  controllers: [],
  providers: [PublicResourceInterceptor],
})
export class PublicationModule {}
