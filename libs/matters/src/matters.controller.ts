import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Ctx, NotFoundError, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { DiariumService } from './diarium.service';
import { DocumentService, UploadedFile as UploadedFileContent } from './document.service';
import { DiariumOptionsDto, MatterOverviewDto } from './dto/diarium.dto';
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
    private readonly diarium: DiariumService,
  ) {}

  @Get()
  @RequirePermission(Permission.MattersRead)
  @ApiOperation({ summary: 'Search matters' })
  @ApiOkResponse({ type: MatterSearchPageDto })
  @ApiErrors(400)
  list(@Ctx() ctx: RequestContext, @Query() query: MatterQueryDto) {
    return this.matters.list(ctx, query);
  }

  @Get('lookup')
  @RequirePermission(Permission.MattersRead)
  @ApiOperation({ summary: 'Find a matter by case number' })
  @ApiOkResponse({ type: MatterDto, description: 'The matter with the case number (a document number finds its matter)' })
  @ApiErrors(400, 404)
  lookup(@Ctx() ctx: RequestContext, @Query() query: CaseNumberLookupDto) {
    return this.matters.lookup(ctx, query.caseNumber);
  }

  @Get('diarium-options')
  @RequirePermission(Permission.MattersRead)
  @ApiOperation({ summary: 'Get what the diarium filters by and registers with', description: 'Registries, organs, departments and case officers by name, and whether the reader may register: the web app\'s diarium page in one request' })
  @ApiOkResponse({ type: DiariumOptionsDto })
  @ApiErrors(400)
  diariumOptions(@Ctx() ctx: RequestContext) {
    return this.diarium.options(ctx);
  }

  @Post()
  @RequirePermission(Permission.MattersRegister)
  @ApiOperation({ summary: 'Register a matter' })
  @ApiCreatedResponse({ type: MatterDto, description: 'Registered with the next case number of the registry' })
  @ApiErrors(400, 409, 413)
  register(@Ctx() ctx: RequestContext, @Body() dto: RegisterMatterDto) {
    return this.matters.register(ctx, dto);
  }

  @Get(':id')
  @RequirePermission(Permission.MattersRead)
  @ApiOperation({ summary: 'Get a matter' })
  @ApiOkResponse({ type: MatterDto })
  @ApiErrors(400, 404)
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.matters.get(ctx, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.MattersRegister)
  @ApiOperation({ summary: 'Update a matter' })
  @ApiOkResponse({ type: MatterDto })
  @ApiErrors(400, 404, 409, 413)
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateMatterDto) {
    return this.matters.update(ctx, id, dto);
  }

  @Post(':id/status')
  @RequirePermission(Permission.MattersRegister)
  @ApiOperation({ summary: 'Change the status of a matter' })
  @ApiCreatedResponse({ type: MatterDto })
  @ApiErrors(400, 404, 409, 413)
  changeStatus(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ChangeMatterStatusDto) {
    return this.matters.changeStatus(ctx, id, dto);
  }

  @Post(':id/cancellation')
  @RequirePermission(Permission.MattersRegister)
  @ApiOperation({ summary: 'Cancel a matter (makulering)' })
  @ApiCreatedResponse({ type: MatterDto, description: 'Makulering: the matter keeps its number, marked cancelled' })
  @ApiErrors(400, 404, 409, 413)
  cancel(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CancelMatterDto) {
    return this.matters.cancel(ctx, id, dto);
  }

  @Get(':id/overview')
  @RequirePermission(Permission.MattersRead)
  @ApiOperation({ summary: 'Get a matter with its history, documents and officer reports', description: 'The web app\'s matter page in one request; secret documents and reports are left out as in their own lists' })
  @ApiOkResponse({ type: MatterOverviewDto })
  @ApiErrors(400, 404)
  overview(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.diarium.overview(ctx, id);
  }

  @Get(':id/events')
  @RequirePermission(Permission.MattersRead)
  @ApiOperation({ summary: 'List the history of a matter' })
  @ApiOkResponse({ type: [MatterEventDto] })
  @ApiErrors(400, 404)
  events(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.matters.events(ctx, id);
  }

  @Get(':id/documents')
  @RequirePermission(Permission.MattersRead)
  @ApiOperation({ summary: 'List the documents of a matter' })
  @ApiOkResponse({ type: [DocumentDto] })
  @ApiErrors(400, 404)
  documentsOf(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.listForMatter(ctx, id);
  }

  @Post(':id/documents')
  @RequirePermission(Permission.MattersRegister)
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({ summary: 'Register a document in a matter' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: RegisterDocumentFormDto })
  @ApiCreatedResponse({ type: DocumentDto })
  @ApiErrors(400, 404, 409, 413)
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
  @ApiOperation({ summary: 'List the officer report versions of a matter' })
  @ApiOkResponse({ type: [OfficerReportDto] })
  @ApiErrors(400, 404)
  reportsOf(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.reports.listForMatter(ctx, id);
  }

  @Post(':id/officer-reports')
  @RequirePermission(Permission.OfficerReportsWrite)
  @ApiOperation({ summary: 'Draft a new officer report version' })
  @ApiCreatedResponse({ type: OfficerReportDto, description: 'A new draft version of the matter\'s tjänsteskrivelse' })
  @ApiErrors(400, 404, 409, 413)
  draftReport(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DraftOfficerReportDto) {
    return this.reports.draft(ctx, id, dto);
  }

  @Get(':id/officer-reports/signed')
  @RequirePermission(Permission.MattersRead)
  @ApiOperation({ summary: 'Get the latest signed officer report of a matter' })
  @ApiOkResponse({ type: OfficerReportDto, description: 'The latest signed version, the one an agenda may carry' })
  @ApiErrors(400, 404, 409)
  async latestSigned(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    const report = await this.reports.latestSigned(ctx, id);
    if (!report) throw new NotFoundError('En signerad tjänsteskrivelse i ärendet');
    return report;
  }
}
