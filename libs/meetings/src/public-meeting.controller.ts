import { Controller, Get, Header, Param, ParseUUIDPipe, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@namndrum/core';
import { PublicMeetingService } from './public-meeting.service';

/** The meeting page the notice e-mail links to: public HTML, outside the versioned API. */
@ApiExcludeController()
@Controller({ path: 'sammantraden', version: VERSION_NEUTRAL })
export class PublicMeetingController {
  constructor(private readonly meetings: PublicMeetingService) {}

  @Get(':id')
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(@Param('id', ParseUUIDPipe) id: string) {
    return this.meetings.page(id);
  }
}
