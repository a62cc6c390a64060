import { Controller, Get, Param, Query, UseInterceptors, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@namndrum/core';
import { PublicResource, PublicResourceInterceptor } from '../public-resource';
import { NoticeBoardPageService } from './notice-board-page.service';

/** The public anslagstavla, outside the versioned API: /anslagstavla/{kommunkod} and its archive. */
@ApiExcludeController()
@Controller({ path: 'anslagstavla', version: VERSION_NEUTRAL })
@UseInterceptors(PublicResourceInterceptor)
export class NoticeBoardPageController {
  constructor(private readonly board: NoticeBoardPageService) {}

  @Get(':code')
  @Public()
  page(@Param('code') code: string): Promise<PublicResource> {
    return this.board.page(code);
  }

  @Get(':code/arkiv')
  @Public()
  archive(@Param('code') code: string, @Query('sida') page?: string): Promise<PublicResource> {
    const number = typeof page === 'string' && /^\d{1,4}$/.test(page) && Number(page) >= 1 ? Number(page) : 1;
    return this.board.archive(code, number);
  }
}
