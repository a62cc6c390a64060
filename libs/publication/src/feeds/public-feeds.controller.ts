import { Controller, Get, Param, UseInterceptors, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@namndrum/core';
import type { PublicResource } from '../public-resource';
import { PublicResourceInterceptor } from '../public-resource';
import { PublicFeedService } from './public-feed.service';

/** The notice board's feeds: /anslagstavla/<kommunkod>/flode.atom and flode.rss. */
@ApiExcludeController()
@Controller({ path: 'anslagstavla', version: VERSION_NEUTRAL })
@UseInterceptors(PublicResourceInterceptor)
export class NoticeBoardFeedController {
  constructor(private readonly feeds: PublicFeedService) {}

  @Get(':code/flode.atom')
  @Public()
  atom(@Param('code') code: string): Promise<PublicResource> {
    return this.feeds.noticeBoard(code, 'atom');
  }

  @Get(':code/flode.rss')
  @Public()
  rss(@Param('code') code: string): Promise<PublicResource> {
    return this.feeds.noticeBoard(code, 'rss');
  }
}

/** An organ's feeds and calendar: /kommun/<kommunkod>/organ/<id>/flode.atom, flode.rss and kalender.ics. */
@ApiExcludeController()
@Controller({ path: 'kommun', version: VERSION_NEUTRAL })
@UseInterceptors(PublicResourceInterceptor)
export class OrganFeedController {
  constructor(private readonly feeds: PublicFeedService) {}

  @Get(':code/organ/:organId/flode.atom')
  @Public()
  atom(@Param('code') code: string, @Param('organId') organId: string): Promise<PublicResource> {
    return this.feeds.organ(code, organId, 'atom');
  }

  @Get(':code/organ/:organId/flode.rss')
  @Public()
  rss(@Param('code') code: string, @Param('organId') organId: string): Promise<PublicResource> {
    return this.feeds.organ(code, organId, 'rss');
  }

  @Get(':code/organ/:organId/kalender.ics')
  @Public()
  calendar(@Param('code') code: string, @Param('organId') organId: string): Promise<PublicResource> {
    return this.feeds.calendar(code, organId);
  }
}
