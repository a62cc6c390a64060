import { Controller, Get, Param, ParseUUIDPipe, UseInterceptors, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@namndrum/core';
import { PublicResource, PublicResourceInterceptor } from '../public-resource';
import { PublicMeetingService } from './meeting-page.service';

/** The meeting page the notice e-mail links to: public HTML, outside the versioned API. */
@ApiExcludeController()
@Controller({ path: 'sammantraden', version: VERSION_NEUTRAL })
@UseInterceptors(PublicResourceInterceptor)
export class PublicMeetingController {
  constructor(private readonly meetings: PublicMeetingService) {}

  @Get(':id')
  @Public()
  page(@Param('id', ParseUUIDPipe) id: string): Promise<PublicResource> {
    return this.meetings.page(id);
  }
}
