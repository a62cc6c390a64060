import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { DocumentService } from './document.service';
import { ApiFileResponse, download } from './download';
import { DocumentDto, MarkSecrecyDto } from './dto/document.dto';

@ApiTags('documents')
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentService) {}

  @Get(':id')
  @RequirePermission(Permission.MattersRead)
  @ApiOkResponse({ type: DocumentDto })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.get(ctx, id);
  }

  @Get(':id/content')
  @RequirePermission(Permission.MattersRead)
  @ApiFileResponse('*/*', 'The file, with its own media type and file name')
  async content(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const { document, content } = await this.documents.content(ctx, id);
    return download(response, content, document.fileName, document.mediaType);
  }

  @Post(':id/secrecy')
  @RequirePermission(Permission.MattersRegister)
  @ApiCreatedResponse({ type: DocumentDto, description: 'Sets or lifts the secrecy marking' })
  markSecrecy(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: MarkSecrecyDto) {
    return this.documents.markSecrecy(ctx, id, dto);
  }
}
