import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, ParseYearPipe, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { DocumentDto } from '@namndrum/matters';
import {
  ActivityPlanDto,
  AssessmentDto,
  GoalActivityDto,
  GoalFrameworkDto,
  GoalLinkDto,
  GoalNodeDto,
  ImportResultDto,
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
  ) {}

  @Get('goal-frameworks')
  @RequirePermission(Permission.GoalsRead)
  @ApiOkResponse({ type: [GoalFrameworkDto] })
  list(@Ctx() ctx: RequestContext) {
    return this.frameworks.list(ctx);
  }

  @Post('goal-frameworks/import')
  @HttpCode(200)
  @RequirePermission(Permission.GoalsManage)
  @ApiBody({ description: 'A whole framework in the import format (libs/goals/schema/goal-framework.schema.json)', schema: { type: 'object' } })
  @ApiOkResponse({ type: ImportResultDto, description: 'Imported, or unchanged when the same file was imported before; 400 lists every error with its path and stores nothing' })
  import(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.frameworks.import(ctx, body);
  }

  @Get('goal-frameworks/:id')
  @RequirePermission(Permission.GoalsRead)
  @ApiOkResponse({ type: GoalFrameworkDto })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.frameworks.get(ctx, id);
  }

  @Get('goal-frameworks/:id/export')
  @RequirePermission(Permission.GoalsRead)
  @ApiOkResponse({ description: 'The framework in the import format', schema: { type: 'object' } })
  export(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.frameworks.export(ctx, id);
  }

  @Get('goal-frameworks/:id/nodes')
  @RequirePermission(Permission.GoalsRead)
  @ApiOkResponse({ type: [GoalNodeDto], description: 'The goal tree, in order; parentId links the nodes' })
  nodes(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.query.nodes(ctx, id);
  }

  @Get('goal-frameworks/:id/indicators')
  @RequirePermission(Permission.GoalsRead)
  @ApiOkResponse({ type: [IndicatorDto] })
  indicators(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.query.indicators(ctx, id);
  }

  @Get('goal-frameworks/:id/activity-plans')
  @RequirePermission(Permission.GoalsRead)
  @ApiOkResponse({ type: [ActivityPlanDto] })
  plans(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.query.plans(ctx, id);
  }

  @Get('activity-plans/:id/activities')
  @RequirePermission(Permission.GoalsRead)
  @ApiOkResponse({ type: [GoalActivityDto] })
  activities(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.query.activities(ctx, id);
  }

  @Post('goal-frameworks/:id/assessments')
  @RequirePermission(Permission.GoalsManage)
  @ApiCreatedResponse({ type: AssessmentDto, description: "Bedömning of a node or indicator for a year on the framework's scale; one per subject and year (a second replaces the first)" })
  assess(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RecordAssessmentDto) {
    return this.frameworks.recordAssessment(ctx, id, dto);
  }

  @Patch('goal-activities/:id')
  @RequirePermission(Permission.GoalsReport)
  @ApiOkResponse({ type: GoalActivityDto, description: 'Follow-up status and comment of a målaktivitet' })
  updateActivity(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateActivityDto) {
    return this.frameworks.updateActivity(ctx, id, dto);
  }

  @Get('indicators/:id/series')
  @RequirePermission(Permission.GoalsRead)
  @ApiOkResponse({ type: IndicatorSeriesDto, description: 'Chart data: actual values and targets per year, each target evaluated; "Källa: Kolada" where values come from Kolada' })
  series(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.query.series(ctx, id);
  }

  @Get('goal-nodes/:id/evaluation/:year')
  @RequirePermission(Permission.GoalsRead)
  @ApiOkResponse({ type: NodeEvaluationDto, description: "The goal's indicators evaluated for the year and rolled up, beside its recorded assessment" })
  evaluateNode(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Param('year', ParseYearPipe) year: number) {
    return this.query.nodeEvaluation(ctx, id, year);
  }

  @Get('goal-nodes/:id/matters')
  @RequirePermission(Permission.GoalsRead)
  @ApiOkResponse({ type: [GoalLinkDto], description: 'The matters that report on the goal' })
  mattersOfNode(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.links.forTarget(ctx, { nodeId: id });
  }

  @Get('indicators/:id/matters')
  @RequirePermission(Permission.GoalsRead)
  @ApiOkResponse({ type: [GoalLinkDto] })
  mattersOfIndicator(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.links.forTarget(ctx, { indicatorId: id });
  }

  @Get('matters/:id/goal-links')
  @RequirePermission(Permission.GoalsRead)
  @ApiOkResponse({ type: [GoalLinkDto], description: 'The goals, indicators and plans the matter reports on' })
  linksOfMatter(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.links.forMatter(ctx, id);
  }

  @Post('matters/:id/goal-links')
  @RequirePermission(Permission.GoalsReport)
  @ApiCreatedResponse({ type: GoalLinkDto })
  link(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: LinkMatterDto) {
    return this.links.link(ctx, id, dto);
  }

  @Delete('goal-links/:id')
  @HttpCode(204)
  @RequirePermission(Permission.GoalsReport)
  @ApiNoContentResponse()
  unlink(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.links.unlink(ctx, id);
  }

  @Post('matters/:id/goal-reports')
  @RequirePermission(Permission.GoalsReport)
  @ApiCreatedResponse({ type: [DocumentDto], description: 'The goal reports generated from the linked goal data, registered as documents of the matter' })
  generate(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.reports.generate(ctx, id);
  }

  @Post('goal-frameworks/:id/kolada-imports')
  @RequirePermission(Permission.GoalsManage)
  @ApiCreatedResponse({ type: KoladaImportStatusDto, description: 'Queued; the worker fetches the values' })
  requestKolada(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: KoladaImportDto) {
    return this.kolada.request(ctx, id, dto);
  }

  @Get('kolada-imports/:id')
  @RequirePermission(Permission.GoalsRead)
  @ApiOkResponse({ type: KoladaImportStatusDto })
  koladaImport(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.kolada.get(ctx, id);
  }
}
