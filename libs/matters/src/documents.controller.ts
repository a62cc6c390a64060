import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors, Ctx, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { DocumentService } from './document.service';
import { ApiFileResponse, download } from './download';
import { DocumentDto, MarkSecrecyDto } from './dto/document.dto';

@ApiTags('documents')
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentService) {}

  @Get(':id')
  @RequirePermission(Permission.MattersRead)
  @ApiOperation({ summary: 'Get a document' })
  @ApiOkResponse({ type: DocumentDto })
  @ApiErrors(400, 404)
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.get(ctx, id);
  }

  @Get(':id/content')
  @RequirePermission(Permission.MattersRead)
  @ApiOperation({ summary: 'Download the file of a document' })
  @ApiFileResponse('*/*', 'The file, with its own media type and file name')
  @ApiErrors(400, 404)
  async content(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const { document, content } = await this.documents.content(ctx, id);
    return download(response, content, document.fileName, document.mediaType);
  }

  @Post(':id/secrecy')
  @RequirePermission(Permission.MattersRegister)
  @ApiOperation({ summary: 'Set or lift the secrecy marking of a document' })
  @ApiCreatedResponse({ type: DocumentDto, description: 'Sets or lifts the secrecy marking' })
  @ApiErrors(400, 404, 413)
  markSecrecy(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: MarkSecrecyDto) {
    return this.documents.markSecrecy(ctx, id, dto);
  }
}
