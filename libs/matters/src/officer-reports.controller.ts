import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors, Ctx, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { ApiFileResponse, download } from './download';
import { DraftOfficerReportDto, OfficerReportDto, ReturnOfficerReportDto } from './dto/officer-report.dto';
import { OfficerReportService } from './officer-report.service';
import { DOCX_MEDIA_TYPE, PDF_MEDIA_TYPE } from '@namndrum/documents';


@ApiTags('officer-reports')
@Controller('officer-reports')
export class OfficerReportsController {
  constructor(private readonly reports: OfficerReportService) {}

  @Get(':id')
  @RequirePermission(Permission.MattersRead)
  @ApiOperation({ summary: 'Get an officer report version' })
  @ApiOkResponse({ type: OfficerReportDto })
  @ApiErrors(400, 404)
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.reports.get(ctx, id);
  }

  @Put(':id')
  @RequirePermission(Permission.OfficerReportsWrite)
  @ApiOperation({ summary: 'Replace the content of an officer report version' })
  @ApiOkResponse({ type: OfficerReportDto, description: 'Replaces the content of a draft or returned version; a signed or submitted one answers 409' })
  @ApiErrors(400, 404, 409, 413)
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DraftOfficerReportDto) {
    return this.reports.update(ctx, id, dto);
  }

  @Post(':id/submission')
  @RequirePermission(Permission.OfficerReportsWrite)
  @ApiOperation({ summary: 'Submit an officer report for approval' })
  @ApiCreatedResponse({ type: OfficerReportDto, description: 'Sends the version to the department head for review' })
  @ApiErrors(400, 404, 409)
  submit(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.reports.submit(ctx, id);
  }

  @Post(':id/approval')
  @RequirePermission(Permission.OfficerReportsApprove)
  @ApiOperation({ summary: 'Approve and sign an officer report' })
  @ApiCreatedResponse({ type: OfficerReportDto, description: 'The department head approves and signs; the signed DOCX is registered in the matter' })
  @ApiErrors(400, 404, 409)
  approve(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.reports.approve(ctx, id);
  }

  @Post(':id/return')
  @RequirePermission(Permission.OfficerReportsApprove)
  @ApiOperation({ summary: 'Return an officer report with a comment' })
  @ApiCreatedResponse({ type: OfficerReportDto, description: 'The department head sends it back with a comment' })
  @ApiErrors(400, 404, 409, 413)
  returnReport(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReturnOfficerReportDto) {
    return this.reports.return(ctx, id, dto);
  }

  @Post(':id/revision')
  @RequirePermission(Permission.OfficerReportsWrite)
  @ApiOperation({ summary: 'Start a new version of a signed officer report' })
  @ApiCreatedResponse({ type: OfficerReportDto, description: 'A new draft version of a signed report, to change it' })
  @ApiErrors(400, 404, 409)
  revise(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.reports.revise(ctx, id);
  }

  @Get(':id/docx')
  @RequirePermission(Permission.MattersRead)
  @ApiOperation({ summary: 'Download an officer report as DOCX' })
  @ApiFileResponse(DOCX_MEDIA_TYPE, 'The tjänsteskrivelse as DOCX: the signed file, or a draft marked UTKAST')
  @ApiErrors(400, 404)
  async docx(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const { fileName, content } = await this.reports.docx(ctx, id);
    return download(response, content, fileName, DOCX_MEDIA_TYPE);
  }

  @Get(':id/archival-pdf')
  @RequirePermission(Permission.MattersRead)
  @ApiOperation({ summary: 'Download the archival PDF/A of a signed officer report', description: 'PDF/A-2b with the signing record (who, when, the sha256 of the signed content) printed at the end and in its metadata. Made by the worker after signing: 409 until then, and for a version that is not signed.' })
  @ApiFileResponse(PDF_MEDIA_TYPE, 'The signed tjänsteskrivelse as PDF/A-2b')
  @ApiErrors(400, 404, 409)
  async archivalPdf(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const { fileName, content } = await this.reports.archivalPdf(ctx, id);
    return download(response, content, fileName, PDF_MEDIA_TYPE);
  }
}
