import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors, Ctx, ParseYearPipe, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { ApiFileResponse, DocumentDto, download } from '@namndrum/matters';
import {
  ActivityPlanDto,
  AssessmentDto,
  GoalActivityDto,
  GoalFrameworkDto,
  GoalLinkDto,
  GoalNodeDto,
  ImportResultDto,
  ImportWorkbookFormDto,
  IndicatorDto,
  IndicatorSeriesDto,
  KoladaImportDto,
  KoladaImportStatusDto,
  LinkMatterDto,
  NodeEvaluationDto,
  RecordAssessmentDto,
  UpdateActivityDto,
} from './dto/goals.dto';
import { GoalFrameworkService } from './goal-framework.service';
import { GoalLinkService } from './goal-link.service';
import { GoalQueryService } from './goal-query.service';
import { GoalReportService } from './goal-report.service';
import { GoalWorkbookService, UploadedWorkbook } from './goal-workbook.service';
import { XLSX_MEDIA_TYPE } from './format/xlsx';
import { KoladaImportService } from './kolada-import.service';

@ApiTags('goals')
@Controller()
export class GoalsController {
  constructor(
    private readonly frameworks: GoalFrameworkService,
    private readonly query: GoalQueryService,
    private readonly links: GoalLinkService,
    private readonly reports: GoalReportService,
    private readonly kolada: KoladaImportService,
    private readonly workbooks: GoalWorkbookService,
  ) {}

  @Get('goal-frameworks')
  @RequirePermission(Permission.GoalsRead)
  @ApiOperation({ summary: 'List goal frameworks' })
  @ApiOkResponse({ type: [GoalFrameworkDto] })
  @ApiErrors(400)
  list(@Ctx() ctx: RequestContext) {
    return this.frameworks.list(ctx);
  }

  @Post('goal-frameworks/import')
  @HttpCode(200)
  @RequirePermission(Permission.GoalsManage)
  @ApiOperation({ summary: 'Import a goal framework' })
  @ApiBody({ description: 'A whole framework in the import format (libs/goals/schema/goal-framework.schema.json)', schema: { type: 'object' } })
  @ApiOkResponse({ type: ImportResultDto, description: 'Imported, or unchanged when the same file was imported before; 400 lists every error with its path and stores nothing; 409 when the file removes a goal, indicator or plan a matter reports on' })
  @ApiErrors(400, 409, 413)
  import(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.frameworks.import(ctx, body);
  }

  // Before goal-frameworks/:id, whose ParseUUIDPipe would refuse "template.xlsx".
  @Get('goal-frameworks/template.xlsx')
  @RequirePermission(Permission.GoalsRead)
  @ApiOperation({ summary: 'Download the goal framework workbook template' })
  @ApiFileResponse(XLSX_MEDIA_TYPE, 'An Excel workbook to fill in: every sheet with its headers, an example and guidance (docs/goal-framework-xlsx.md)')
  @ApiErrors(400)
  async template(@Res({ passthrough: true }) response: Response) {
    return download(response, await this.workbooks.template(), 'styrmodell-mall.xlsx', XLSX_MEDIA_TYPE);
  }

  @Post('goal-frameworks/import.xlsx')
  @HttpCode(200)
  @RequirePermission(Permission.GoalsManage)
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({ summary: 'Import a goal framework from an Excel workbook' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportWorkbookFormDto })
  @ApiOkResponse({ type: ImportResultDto, description: 'Imported as the JSON import does, or unchanged; 400 lists every error at its sheet and cell ("Indikatorer!D14") and stores nothing' })
  @ApiErrors(400, 409, 413)
  importWorkbook(@Ctx() ctx: RequestContext, @UploadedFile() file: UploadedWorkbook | undefined) {
    return this.workbooks.import(ctx, file);
  }

  @Get('goal-frameworks/:id')
  @RequirePermission(Permission.GoalsRead)
  @ApiOperation({ summary: 'Get a goal framework' })
  @ApiOkResponse({ type: GoalFrameworkDto })
  @ApiErrors(400, 404)
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.frameworks.get(ctx, id);
  }

  @Get('goal-frameworks/:id/export')
  @RequirePermission(Permission.GoalsRead)
  @ApiOperation({ summary: 'Export a goal framework in the import format' })
  @ApiOkResponse({ description: 'The framework in the import format', schema: { type: 'object' } })
  @ApiErrors(400, 404)
  export(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.frameworks.export(ctx, id);
  }

  @Get('goal-frameworks/:id/export.xlsx')
  @RequirePermission(Permission.GoalsRead)
  @ApiOperation({ summary: 'Export a goal framework as an Excel workbook' })
  @ApiFileResponse(XLSX_MEDIA_TYPE, 'The framework as a workbook that imports back unchanged, named after its key')
  @ApiErrors(400, 404)
  async exportWorkbook(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const { fileName, content } = await this.workbooks.export(ctx, id);
    return download(response, content, fileName, XLSX_MEDIA_TYPE);
  }

  @Get('goal-frameworks/:id/nodes')
  @RequirePermission(Permission.GoalsRead)
  @ApiOperation({ summary: 'List the goal tree of a framework' })
  @ApiOkResponse({ type: [GoalNodeDto], description: 'The goal tree, in order; parentId links the nodes' })
  @ApiErrors(400, 404)
  nodes(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.query.nodes(ctx, id);
  }

  @Get('goal-frameworks/:id/indicators')
  @RequirePermission(Permission.GoalsRead)
  @ApiOperation({ summary: 'List the indicators of a framework' })
  @ApiOkResponse({ type: [IndicatorDto] })
  @ApiErrors(400, 404)
  indicators(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.query.indicators(ctx, id);
  }

  @Get('goal-frameworks/:id/activity-plans')
  @RequirePermission(Permission.GoalsRead)
  @ApiOperation({ summary: 'List the activity plans of a framework' })
  @ApiOkResponse({ type: [ActivityPlanDto] })
  @ApiErrors(400, 404)
  plans(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.query.plans(ctx, id);
  }

  @Get('activity-plans/:id/activities')
  @RequirePermission(Permission.GoalsRead)
  @ApiOperation({ summary: 'List the activities of an activity plan' })
  @ApiOkResponse({ type: [GoalActivityDto] })
  @ApiErrors(400, 404)
  activities(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.query.activities(ctx, id);
  }

  @Post('goal-frameworks/:id/assessments')
  @RequirePermission(Permission.GoalsManage)
  @ApiOperation({ summary: 'Record an assessment of a goal or indicator' })
  @ApiCreatedResponse({ type: AssessmentDto, description: "Bedömning of a node or indicator for a year on the framework's scale; one per subject and year (a second replaces the first)" })
  @ApiErrors(400, 404, 413)
  assess(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RecordAssessmentDto) {
    return this.frameworks.recordAssessment(ctx, id, dto);
  }

  @Patch('goal-activities/:id')
  @RequirePermission(Permission.GoalsReport)
  @ApiOperation({ summary: 'Follow up an activity' })
  @ApiOkResponse({ type: GoalActivityDto, description: 'Follow-up status and comment of a målaktivitet' })
  @ApiErrors(400, 404, 413)
  updateActivity(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateActivityDto) {
    return this.frameworks.updateActivity(ctx, id, dto);
  }

  @Get('indicators/:id/series')
  @RequirePermission(Permission.GoalsRead)
  @ApiOperation({ summary: 'Get the values and targets of an indicator' })
  @ApiOkResponse({ type: IndicatorSeriesDto, description: 'Chart data: actual values and targets per year, each target evaluated; "Källa: Kolada" where values come from Kolada' })
  @ApiErrors(400, 404)
  series(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.query.series(ctx, id);
  }

  @Get('goal-nodes/:id/evaluation/:year')
  @RequirePermission(Permission.GoalsRead)
  @ApiOperation({ summary: 'Evaluate a goal for a year' })
  @ApiOkResponse({ type: NodeEvaluationDto, description: "The goal's indicators evaluated for the year and rolled up, beside its recorded assessment" })
  @ApiErrors(400, 404)
  evaluateNode(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Param('year', ParseYearPipe) year: number) {
    return this.query.nodeEvaluation(ctx, id, year);
  }

  @Get('goal-nodes/:id/matters')
  @RequirePermission(Permission.GoalsRead)
  @ApiOperation({ summary: 'List the matters that report on a goal' })
  @ApiOkResponse({ type: [GoalLinkDto], description: 'The matters that report on the goal' })
  @ApiErrors(400, 404)
  mattersOfNode(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.links.forTarget(ctx, { nodeId: id });
  }

  @Get('indicators/:id/matters')
  @RequirePermission(Permission.GoalsRead)
  @ApiOperation({ summary: 'List the matters that report on an indicator' })
  @ApiOkResponse({ type: [GoalLinkDto] })
  @ApiErrors(400, 404)
  mattersOfIndicator(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.links.forTarget(ctx, { indicatorId: id });
  }

  @Get('matters/:id/goal-links')
  @RequirePermission(Permission.GoalsRead)
  @ApiOperation({ summary: 'List the goal links of a matter' })
  @ApiOkResponse({ type: [GoalLinkDto], description: 'The goals, indicators and plans the matter reports on' })
  @ApiErrors(400, 404)
  linksOfMatter(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.links.forMatter(ctx, id);
  }

  @Post('matters/:id/goal-links')
  @RequirePermission(Permission.GoalsReport)
  @ApiOperation({ summary: 'Link a matter to a goal, indicator or activity plan' })
  @ApiCreatedResponse({ type: GoalLinkDto })
  @ApiErrors(400, 404, 409, 413)
  link(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: LinkMatterDto) {
    return this.links.link(ctx, id, dto);
  }

  @Delete('goal-links/:id')
  @HttpCode(204)
  @RequirePermission(Permission.GoalsReport)
  @ApiOperation({ summary: 'Remove a goal link' })
  @ApiNoContentResponse()
  @ApiErrors(400, 404)
  unlink(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.links.unlink(ctx, id);
  }

  @Post('matters/:id/goal-reports')
  @RequirePermission(Permission.GoalsReport)
  @ApiOperation({ summary: 'Generate the goal reports of a matter' })
  @ApiCreatedResponse({ type: [DocumentDto], description: 'The goal reports generated from the linked goal data, registered as documents of the matter' })
  @ApiErrors(400, 404, 409)
  generate(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.reports.generate(ctx, id);
  }

  @Post('goal-frameworks/:id/kolada-imports')
  @RequirePermission(Permission.GoalsManage)
  @ApiOperation({ summary: 'Import actual values from Kolada' })
  @ApiCreatedResponse({ type: KoladaImportStatusDto, description: 'Queued; the worker fetches the values' })
  @ApiErrors(400, 404, 413)
  requestKolada(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: KoladaImportDto) {
    return this.kolada.request(ctx, id, dto);
  }

  @Get('kolada-imports/:id')
  @RequirePermission(Permission.GoalsRead)
  @ApiOperation({ summary: 'Get the status of a Kolada import' })
  @ApiOkResponse({ type: KoladaImportStatusDto })
  @ApiErrors(400, 404)
  koladaImport(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.kolada.get(ctx, id);
  }
}
