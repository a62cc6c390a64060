import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors, Ctx, PageDto, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { ApiFileResponse, download } from '@namndrum/matters';
import { AbsenceService } from './absence.service';
import { AgendaService } from './agenda.service';
import { DelegationReportService } from './delegation-report.service';
import { AbsenceDto, ExpectedAttendanceDto, ReportAbsenceDto, SubstituteCallDto } from './dto/absence.dto';
import { AddAgendaItemDto, AgendaItemDto, AgendaTemplateDto, ReorderAgendaDto, UpdateAgendaItemDto } from './dto/agenda.dto';
import { CancelMeetingDto, CreateMeetingDto, CreateMeetingPlanDto, MeetingDto, MeetingQueryDto, UpdateMeetingDto } from './dto/meeting.dto';
import { BundlePartListDto, DeliveryQueryDto, DeliveryReportDto, MeetingNoticeDto, NoticePlanDto } from './dto/notice.dto';
import { MeetingService } from './meeting.service';
import { NoticeBundleService } from './notice-bundle.service';
import { NoticeService } from './notice.service';
import { DOCX_MEDIA_TYPE, PDF_MEDIA_TYPE } from '@namndrum/documents';


@ApiTags('meetings')
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingService,
    private readonly agenda: AgendaService,
    private readonly notices: NoticeService,
    private readonly absences: AbsenceService,
    private readonly delegationReport: DelegationReportService,
    private readonly bundles: NoticeBundleService,
  ) {}

  @Get()
  @RequirePermission(Permission.MeetingsRead)
  @ApiOperation({ summary: 'List meetings' })
  @ApiOkResponse({ type: PageDto(MeetingDto), description: 'The meeting plan: filter on organ and year' })
  @ApiErrors(400)
  list(@Ctx() ctx: RequestContext, @Query() query: MeetingQueryDto) {
    return this.meetings.list(ctx, query);
  }

  @Post()
  @RequirePermission(Permission.MeetingsManage)
  @ApiOperation({ summary: 'Plan a meeting' })
  @ApiCreatedResponse({ type: MeetingDto, description: "Planned, with the organ's standing agenda items" })
  @ApiErrors(400, 404, 413)
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateMeetingDto) {
    return this.meetings.create(ctx, dto);
  }

  @Post('plan')
  @RequirePermission(Permission.MeetingsManage)
  @ApiOperation({ summary: "Plan a year's meetings of an organ" })
  @ApiCreatedResponse({ type: [MeetingDto], description: "A year's meetings for an organ, all or none" })
  @ApiErrors(400, 404, 413)
  createPlan(@Ctx() ctx: RequestContext, @Body() dto: CreateMeetingPlanDto) {
    return this.meetings.createPlan(ctx, dto);
  }

  @Get(':id')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOperation({ summary: 'Get a meeting' })
  @ApiOkResponse({ type: MeetingDto })
  @ApiErrors(400, 404)
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.meetings.get(ctx, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.MeetingsManage)
  @ApiOperation({ summary: 'Update a meeting' })
  @ApiOkResponse({ type: MeetingDto, description: 'After the notice is out, a change of time or place sends a revised notice' })
  @ApiErrors(400, 404, 409, 413)
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateMeetingDto) {
    return this.meetings.update(ctx, id, dto);
  }

  @Post(':id/cancellation')
  @RequirePermission(Permission.MeetingsManage)
  @ApiOperation({ summary: 'Cancel a meeting' })
  @ApiCreatedResponse({ type: MeetingDto, description: 'Inställt; recipients of a sent notice get a cancellation' })
  @ApiErrors(400, 404, 409, 413)
  cancel(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CancelMeetingDto) {
    return this.meetings.cancel(ctx, id, dto);
  }

  @Post(':id/held')
  @HttpCode(200)
  @RequirePermission(Permission.MeetingsManage)
  @ApiOperation({ summary: 'Mark a meeting as held' })
  @ApiOkResponse({ type: MeetingDto, description: 'The meeting has taken place' })
  @ApiErrors(400, 404, 409)
  held(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.meetings.markHeld(ctx, id);
  }

  @Get(':id/agenda-items')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOperation({ summary: 'List the agenda of a meeting' })
  @ApiOkResponse({ type: [AgendaItemDto], description: 'The föredragningslista in order; "Anmälan av delegationsbeslut" lists the decisions it reports' })
  @ApiErrors(400, 404)
  agendaItems(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.delegationReport.agendaItems(ctx, id);
  }

  @Post(':id/agenda-items')
  @RequirePermission(Permission.MeetingsManage)
  @ApiOperation({ summary: 'Add an item to the agenda of a meeting' })
  @ApiCreatedResponse({ type: AgendaItemDto, description: 'A matter (with a signed tjänsteskrivelse), an information item or a standard item' })
  @ApiErrors(400, 404, 409, 413)
  addAgendaItem(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddAgendaItemDto) {
    return this.agenda.add(ctx, id, dto);
  }

  @Put(':id/agenda-items/order')
  @RequirePermission(Permission.MeetingsManage)
  @ApiOperation({ summary: 'Reorder the agenda of a meeting' })
  @ApiOkResponse({ type: [AgendaItemDto] })
  @ApiErrors(400, 404, 409, 413)
  reorder(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReorderAgendaDto) {
    return this.agenda.reorder(ctx, id, dto);
  }

  @Get(':id/notices')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOperation({ summary: 'List the notice versions of a meeting' })
  @ApiOkResponse({ type: [MeetingNoticeDto], description: 'Every version of the notice' })
  @ApiErrors(400, 404)
  listNotices(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.notices.list(ctx, id);
  }

  @Post(':id/notices')
  @RequirePermission(Permission.MeetingsManage)
  @ApiOperation({ summary: 'Finalize the notice of a meeting' })
  @ApiCreatedResponse({ type: MeetingNoticeDto, description: 'Finalizes the notice (a new version); after dispatch, the added items as a supplementary notice' })
  @ApiErrors(400, 404, 409)
  finalize(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.notices.finalize(ctx, id);
  }

  @Get(':id/notice-plan')
  @RequirePermission(Permission.MeetingsManage)
  @ApiOperation({ summary: 'Get when a notice finalized now would be sent' })
  @ApiOkResponse({ type: NoticePlanDto, description: "The organ's deadline, and whether a notice finalized now goes out at it or at once, late" })
  @ApiErrors(400, 404)
  noticePlan(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.notices.plan(ctx, id);
  }

  @Get(':id/notice-preview')
  @RequirePermission(Permission.MeetingsManage)
  @ApiOperation({ summary: 'Preview the notice of a meeting as DOCX' })
  @ApiFileResponse(DOCX_MEDIA_TYPE, 'The notice rendered from the current agenda; nothing is stored or sent')
  @ApiErrors(400, 404, 409)
  async noticePreview(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const { fileName, content } = await this.notices.preview(ctx, id);
    return download(response, content, fileName, DOCX_MEDIA_TYPE);
  }

  @Get(':id/notice-preview.pdf')
  @RequirePermission(Permission.MeetingsManage)
  @ApiOperation({ summary: 'Preview the notice of a meeting with its handlingar as PDF' })
  @ApiFileResponse(PDF_MEDIA_TYPE, 'The kallelse with every item\'s documents, rendered from the current agenda by the PDF engine; nothing is stored or sent')
  @ApiErrors(400, 404, 409)
  async noticePreviewPdf(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const { fileName, content } = await this.bundles.preview(ctx, id);
    return download(response, content, fileName, PDF_MEDIA_TYPE);
  }

  @Get(':id/handlingar.pdf')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOperation({ summary: "Download the meeting's handlingar as PDF" })
  @ApiFileResponse(PDF_MEDIA_TYPE, 'The latest notice version with all its documents in one PDF, bookmarked per item; masked where the reader lacks access')
  @ApiErrors(400, 404, 409)
  async handlingar(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const { fileName, content } = await this.bundles.latestPdf(ctx, id);
    return download(response, content, fileName, PDF_MEDIA_TYPE);
  }

  @Get(':id/absences')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOperation({ summary: 'List the absences reported for a meeting' })
  @ApiOkResponse({ type: [AbsenceDto] })
  @ApiErrors(400, 404)
  listAbsences(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.absences.list(ctx, id);
  }

  @Post(':id/absences')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOperation({ summary: 'Report an absence from a meeting' })
  @ApiCreatedResponse({ type: AbsenceDto, description: "Förhinder: one's own, or anyone's for the secretary; the next substitute is called in" })
  @ApiErrors(400, 404, 409, 413)
  reportAbsence(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReportAbsenceDto) {
    return this.absences.report(ctx, id, dto);
  }

  @Get(':id/substitute-calls')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOperation({ summary: 'List the substitutes called in to a meeting' })
  @ApiOkResponse({ type: [SubstituteCallDto] })
  @ApiErrors(400, 404)
  substituteCalls(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.absences.listCalls(ctx, id);
  }

  @Get(':id/expected-attendance')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOperation({ summary: 'Get the expected attendance of a meeting' })
  @ApiOkResponse({ type: ExpectedAttendanceDto })
  @ApiErrors(400, 404)
  expectedAttendance(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.absences.expectedAttendance(ctx, id);
  }
}

@ApiTags('meetings')
@Controller()
export class AgendaItemsController {
  constructor(private readonly agenda: AgendaService) {}

  @Patch('agenda-items/:id')
  @RequirePermission(Permission.MeetingsManage)
  @ApiOperation({ summary: 'Update an agenda item' })
  @ApiOkResponse({ type: AgendaItemDto })
  @ApiErrors(400, 404, 409, 413)
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateAgendaItemDto) {
    return this.agenda.update(ctx, id, dto);
  }

  @Delete('agenda-items/:id')
  @HttpCode(204)
  @RequirePermission(Permission.MeetingsManage)
  @ApiOperation({ summary: 'Remove an agenda item' })
  @ApiNoContentResponse({ description: 'Removed; the items after it are renumbered' })
  @ApiErrors(400, 404, 409)
  remove(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.agenda.remove(ctx, id);
  }

}

@ApiTags('meetings')
@Controller()
export class AgendaTemplatesController {
  constructor(private readonly agenda: AgendaService) {}

  @Get('organs/:organId/agenda-template')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOperation({ summary: "Get an organ's standard agenda items" })
  @ApiOkResponse({ type: AgendaTemplateDto })
  @ApiErrors(400, 404)
  async get(@Ctx() ctx: RequestContext, @Param('organId', ParseUUIDPipe) organId: string) {
    return { items: await this.agenda.template(ctx, organId) };
  }

  @Put('organs/:organId/agenda-template')
  @RequirePermission(Permission.MeetingsManage)
  @ApiOperation({ summary: "Replace an organ's standard agenda items" })
  @ApiOkResponse({ type: AgendaTemplateDto })
  @ApiErrors(400, 404, 413)
  async replace(@Ctx() ctx: RequestContext, @Param('organId', ParseUUIDPipe) organId: string, @Body() dto: AgendaTemplateDto) {
    return { items: await this.agenda.setTemplate(ctx, organId, dto) };
  }

}

@ApiTags('meetings')
@Controller()
export class MeetingNoticesController {
  constructor(
    private readonly notices: NoticeService,
    private readonly bundles: NoticeBundleService,
  ) {}

  @Get('meeting-notices/:id')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOperation({ summary: 'Get a notice version' })
  @ApiOkResponse({ type: MeetingNoticeDto })
  @ApiErrors(400, 404)
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.notices.get(ctx, id);
  }

  @Get('meeting-notices/:id/docx')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOperation({ summary: 'Download a notice version as DOCX' })
  @ApiFileResponse(DOCX_MEDIA_TYPE, 'The notice version as DOCX')
  @ApiErrors(400, 404)
  async docx(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const { fileName, content } = await this.notices.docx(ctx, id);
    return download(response, content, fileName, DOCX_MEDIA_TYPE);
  }

  @Get('meeting-notices/:id/pdf')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOperation({ summary: 'Download a notice version with its handlingar as PDF' })
  @ApiFileResponse(PDF_MEDIA_TYPE, 'The kallelse and every item\'s documents in one PDF, bookmarked per item and document; masked where the reader lacks access')
  @ApiErrors(400, 404, 409)
  async pdf(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const { fileName, content } = await this.bundles.pdf(ctx, id);
    return download(response, content, fileName, PDF_MEDIA_TYPE);
  }

  @Get('meeting-notices/:id/parts')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOperation({ summary: "List the documents of a notice version's handlingar" })
  @ApiOkResponse({ type: BundlePartListDto, description: 'The kallelse and each tjänsteskrivelse and bilaga, in bundle order, with their pages' })
  @ApiErrors(400, 404, 409)
  async parts(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return { items: (await this.bundles.parts(ctx, id)).map(({ position, itemId, itemNumber, title, documentId, firstPage, pageCount }) => ({ position, itemId, itemNumber, title, documentId, firstPage, pageCount })) };
  }

  @Get('meeting-notices/:id/parts/:position/pdf')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOperation({ summary: 'Download one document of the handlingar as PDF' })
  @ApiFileResponse(PDF_MEDIA_TYPE, 'The document alone, as it is in the bundle')
  @ApiErrors(400, 404, 409)
  async partPdf(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Param('position', ParseIntPipe) position: number, @Res({ passthrough: true }) response: Response) {
    const { fileName, content } = await this.bundles.partPdf(ctx, id, position);
    return download(response, content, fileName, PDF_MEDIA_TYPE);
  }

  @Post('meeting-notices/:id/bundle')
  @RequirePermission(Permission.MeetingsManage)
  @ApiOperation({ summary: 'Render the handlingar of a held notice version again' })
  @ApiCreatedResponse({ type: MeetingNoticeDto, description: 'The handlingar are rendered again; the notice goes out as soon as they are ready' })
  @ApiErrors(400, 404, 409)
  retryBundle(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.bundles.retry(ctx, id);
  }

  @Get('meeting-notices/:id/deliveries')
  @RequirePermission(Permission.MeetingsManage)
  @ApiOperation({ summary: 'Get the delivery report of a notice version' })
  @ApiOkResponse({ type: DeliveryReportDto, description: 'Who has and has not received the notice version' })
  @ApiErrors(400, 404)
  deliveries(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Query() query: DeliveryQueryDto) {
    return this.notices.deliveryReport(ctx, id, query);
  }

}

@ApiTags('meetings')
@Controller()
export class AbsencesController {
  constructor(private readonly absences: AbsenceService) {}

  @Delete('absences/:id')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOperation({ summary: 'Withdraw an absence' })
  @ApiOkResponse({ type: AbsenceDto, description: 'Withdrawn (kept, marked withdrawn); the substitute called in is released' })
  @ApiErrors(400, 404, 409)
  withdraw(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.absences.withdraw(ctx, id);
  }
}
