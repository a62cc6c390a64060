import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { ApiFileResponse, download } from './download';
import { DraftOfficerReportDto, OfficerReportDto, ReturnOfficerReportDto } from './dto/officer-report.dto';
import { OfficerReportService } from './officer-report.service';
import { DOCX_MEDIA_TYPE } from '@namndrum/documents';


@ApiTags('officer-reports')
@Controller('officer-reports')
export class OfficerReportsController {
  constructor(private readonly reports: OfficerReportService) {}

  @Get(':id')
  @RequirePermission(Permission.MattersRead)
  @ApiOkResponse({ type: OfficerReportDto })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.reports.get(ctx, id);
  }

  @Put(':id')
  @RequirePermission(Permission.OfficerReportsWrite)
  @ApiOkResponse({ type: OfficerReportDto, description: 'Replaces the content of a draft or returned version; a signed or submitted one answers 409' })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DraftOfficerReportDto) {
    return this.reports.update(ctx, id, dto);
  }

  @Post(':id/submission')
  @RequirePermission(Permission.OfficerReportsWrite)
  @ApiCreatedResponse({ type: OfficerReportDto, description: 'Sends the version to the department head for review' })
  submit(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.reports.submit(ctx, id);
  }

  @Post(':id/approval')
  @RequirePermission(Permission.OfficerReportsApprove)
  @ApiCreatedResponse({ type: OfficerReportDto, description: 'The department head approves and signs; the signed DOCX_MEDIA_TYPE is registered in the matter' })
  approve(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.reports.approve(ctx, id);
  }

  @Post(':id/return')
  @RequirePermission(Permission.OfficerReportsApprove)
  @ApiCreatedResponse({ type: OfficerReportDto, description: 'The department head sends it back with a comment' })
  returnReport(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReturnOfficerReportDto) {
    return this.reports.return(ctx, id, dto);
  }

  @Post(':id/revision')
  @RequirePermission(Permission.OfficerReportsWrite)
  @ApiCreatedResponse({ type: OfficerReportDto, description: 'A new draft version of a signed report, to change it' })
  revise(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.reports.revise(ctx, id);
  }

  @Get(':id/docx')
  @RequirePermission(Permission.MattersRead)
  @ApiFileResponse(DOCX_MEDIA_TYPE, 'The tjänsteskrivelse as DOCX: the signed file, or a draft marked UTKAST')
  async docx(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const { fileName, content } = await this.reports.docx(ctx, id);
    return download(response, content, fileName, DOCX_MEDIA_TYPE);
  }
}
