import { Module } from '@nestjs/common';
import { PublicFilesController } from './files/public-files.controller';
import { PublicFilesService } from './files/public-files.service';
import { PublicResourceInterceptor } from './public-resource';

/**
 * What the public reads without signing in: the municipality's pages, the anslagstavla, feeds and the
 * OParl API. Everything here shows published data only, masked by the same secrecy rules as every other path.
 */
@Module({
  imports: [],
  controllers: [PublicFilesController],
  providers: [PublicResourceInterceptor, PublicFilesService],
  exports: [PublicFilesService],
})
export class PublicationModule {}
