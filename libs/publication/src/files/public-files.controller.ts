import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, UseInterceptors, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@namndrum/core';
import { PublicResource, PublicResourceInterceptor } from '../public-resource';
import { PublicFilesService } from './public-files.service';

/** The documents of a meeting's published kallelse med handlingar, one PDF each: publicPaths.meetingFile. */
@ApiExcludeController()
@Controller({ path: 'sammantraden', version: VERSION_NEUTRAL })
@UseInterceptors(PublicResourceInterceptor)
export class PublicFilesController {
  constructor(private readonly files: PublicFilesService) {}

  @Get(':meetingId/handlingar/:fileId')
  @Public()
  async meetingFile(@Param('meetingId', ParseUUIDPipe) meetingId: string, @Param('fileId', ParseUUIDPipe) fileId: string): Promise<PublicResource> {
    const found = await this.files.find(fileId);
    // Only the meeting's handlingar live here; a protokoll is downloaded from the notice board.
    if (!found || found.file.meetingId !== meetingId || !found.file.path.startsWith(`/sammantraden/`)) throw new NotFoundException();
    return { contentType: found.file.mediaType, body: found.content, lastModified: found.file.updatedAt, fileName: found.file.fileName };
  }
}
