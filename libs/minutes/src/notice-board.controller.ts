import { Controller, Get, Header, Param, ParseUUIDPipe, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@namndrum/core';
import { download } from '@namndrum/matters';
import { APPROVAL_PAGE, APPROVAL_PAGE_SCRIPT } from './approval-page';
import { NoticeBoardService } from './notice-board.service';
import { DOCX_MEDIA_TYPE, PDF_MEDIA_TYPE } from '@namndrum/documents';


/** The published minutes of the public anslagstavla's postings (the board's page is in PublicationModule). */
@ApiExcludeController()
@Controller({ path: 'anslagstavla', version: VERSION_NEUTRAL })
export class NoticeBoardController {
  constructor(private readonly board: NoticeBoardService) {}

  @Get(':code/anslag/:id/protokoll.docx')
  @Public()
  async file(@Param('code') code: string, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const { fileName, content } = await this.board.file(code, id);
    return download(response, content, fileName, DOCX_MEDIA_TYPE);
  }

  @Get(':code/anslag/:id/protokoll.pdf')
  @Public()
  async pdf(@Param('code') code: string, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const { fileName, content } = await this.board.pdf(code, id);
    return download(response, content, fileName, PDF_MEDIA_TYPE);
  }
}

/** The page the review e-mail links to, where the chair and verifiers read and approve the minutes. */
@ApiExcludeController()
@Controller({ path: 'protokoll', version: VERSION_NEUTRAL })
export class ApprovalPageController {
  @Get(':id/justering')
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(@Param('id', ParseUUIDPipe) _id: string) {
    return APPROVAL_PAGE;
  }

  @Get('justering.js')
  @Public()
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  script() {
    return APPROVAL_PAGE_SCRIPT;
  }
}
