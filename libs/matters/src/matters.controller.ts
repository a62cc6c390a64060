import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, NotFoundError, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { DocumentService, UploadedFile as UploadedFileContent } from './document.service';
import { DocumentDto, RegisterDocumentDto, RegisterDocumentFormDto } from './dto/document.dto';
import { CancelMatterDto, CaseNumberLookupDto, ChangeMatterStatusDto, MatterDto, MatterEventDto, MatterSearchPageDto, MatterQueryDto, RegisterMatterDto, UpdateMatterDto } from './dto/matter.dto';
import { DraftOfficerReportDto, OfficerReportDto } from './dto/officer-report.dto';
import { MatterService } from './matter.service';
import { OfficerReportService } from './officer-report.service';

@ApiTags('matters')
@Controller('matters')
export class MattersController {
  constructor(
    private readonly matters: MatterService,
    private readonly documents: DocumentService,
    private readonly reports: OfficerReportService,
  ) {}

  @Get()
  @RequirePermission(Permission.MattersRead)
  @ApiOkResponse({ type: MatterSearchPageDto })
  list(@Ctx() ctx: RequestContext, @Query() query: MatterQueryDto) {
    return this.matters.list(ctx, query);
  }

  @Get('lookup')
  @RequirePermission(Permission.MattersRead)
  @ApiOkResponse({ type: MatterDto, description: 'The matter with the case number (a document number finds its matter)' })
  lookup(@Ctx() ctx: RequestContext, @Query() query: CaseNumberLookupDto) {
    return this.matters.lookup(ctx, query.caseNumber);
  }

  @Post()
  @RequirePermission(Permission.MattersRegister)
  @ApiCreatedResponse({ type: MatterDto, description: 'Registered with the next case number of the registry' })
  register(@Ctx() ctx: RequestContext, @Body() dto: RegisterMatterDto) {
    return this.matters.register(ctx, dto);
  }

  @Get(':id')
  @RequirePermission(Permission.MattersRead)
  @ApiOkResponse({ type: MatterDto })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.matters.get(ctx, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.MattersRegister)
  @ApiOkResponse({ type: MatterDto })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateMatterDto) {
    return this.matters.update(ctx, id, dto);
  }

  @Post(':id/status')
  @RequirePermission(Permission.MattersRegister)
  @ApiCreatedResponse({ type: MatterDto })
  changeStatus(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ChangeMatterStatusDto) {
    return this.matters.changeStatus(ctx, id, dto);
  }

  @Post(':id/cancellation')
  @RequirePermission(Permission.MattersRegister)
  @ApiCreatedResponse({ type: MatterDto, description: 'Makulering: the matter keeps its number, marked cancelled' })
  cancel(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CancelMatterDto) {
    return this.matters.cancel(ctx, id, dto);
  }

  @Get(':id/events')
  @RequirePermission(Permission.MattersRead)
  @ApiOkResponse({ type: [MatterEventDto] })
  events(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.matters.events(ctx, id);
  }

  @Get(':id/documents')
  @RequirePermission(Permission.MattersRead)
  @ApiOkResponse({ type: [DocumentDto] })
  documentsOf(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.listForMatter(ctx, id);
  }

  @Post(':id/documents')
  @RequirePermission(Permission.MattersRegister)
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: RegisterDocumentFormDto })
  @ApiCreatedResponse({ type: DocumentDto })
  registerDocument(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: UploadedFileContent | undefined,
    @Body() dto: RegisterDocumentDto,
  ) {
    return this.documents.register(ctx, id, file, dto);
  }

  @Get(':id/officer-reports')
  @RequirePermission(Permission.MattersRead)
  @ApiOkResponse({ type: [OfficerReportDto] })
  reportsOf(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.reports.listForMatter(ctx, id);
  }

  @Post(':id/officer-reports')
  @RequirePermission(Permission.OfficerReportsWrite)
  @ApiCreatedResponse({ type: OfficerReportDto, description: 'A new draft version of the matter\'s tjänsteskrivelse' })
  draftReport(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DraftOfficerReportDto) {
    return this.reports.draft(ctx, id, dto);
  }

  @Get(':id/officer-reports/signed')
  @RequirePermission(Permission.MattersRead)
  @ApiOkResponse({ type: OfficerReportDto, description: 'The latest signed version, the one an agenda may carry' })
  async latestSigned(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    const report = await this.reports.latestSigned(ctx, id);
    if (!report) throw new NotFoundError('En signerad tjänsteskrivelse i ärendet');
    return report;
  }
}
