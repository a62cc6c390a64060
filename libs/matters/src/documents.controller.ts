import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors, Ctx, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { DocumentService, UploadedFile as UploadedFileContent } from './document.service';
import { ApiFileResponse, download } from './download';
import { DocumentDto, MarkSecrecyDto, ReplaceFileFormDto } from './dto/document.dto';

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
    const { document, content } = await this.documents.openContent(ctx, id);
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

  @Put(':id/file')
  @RequirePermission(Permission.MattersRegister)
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({ summary: 'Replace a damaged file with a readable copy of the same document' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ReplaceFileFormDto })
  @ApiOkResponse({ type: DocumentDto, description: 'The document with its new file; the damaged one is kept and the change is in the history' })
  @ApiErrors(400, 404, 409, 413)
  replaceFile(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @UploadedFile() file: UploadedFileContent | undefined) {
    return this.documents.replaceFile(ctx, id, file);
  }
}
