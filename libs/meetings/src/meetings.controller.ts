import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, PageDto, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { ApiFileResponse, download } from '@namndrum/matters';
import { AbsenceService } from './absence.service';
import { AgendaService } from './agenda.service';
import { DelegationReportService } from './delegation-report.service';
import { AbsenceDto, ExpectedAttendanceDto, ReportAbsenceDto, SubstituteCallDto } from './dto/absence.dto';
import { AddAgendaItemDto, AgendaItemDto, AgendaTemplateDto, ReorderAgendaDto, UpdateAgendaItemDto } from './dto/agenda.dto';
import { CancelMeetingDto, CreateMeetingDto, CreateMeetingPlanDto, MeetingDto, MeetingQueryDto, UpdateMeetingDto } from './dto/meeting.dto';
import { DeliveryQueryDto, DeliveryReportDto, MeetingNoticeDto } from './dto/notice.dto';
import { MeetingService } from './meeting.service';
import { NoticeService } from './notice.service';
import { DOCX_MEDIA_TYPE } from '@namndrum/documents';


@ApiTags('meetings')
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingService,
    private readonly agenda: AgendaService,
    private readonly notices: NoticeService,
    private readonly absences: AbsenceService,
    private readonly delegationReport: DelegationReportService,
  ) {}

  @Get()
  @RequirePermission(Permission.MeetingsRead)
  @ApiOkResponse({ type: PageDto(MeetingDto), description: 'The meeting plan: filter on organ and year' })
  list(@Ctx() ctx: RequestContext, @Query() query: MeetingQueryDto) {
    return this.meetings.list(ctx, query);
  }

  @Post()
  @RequirePermission(Permission.MeetingsManage)
  @ApiCreatedResponse({ type: MeetingDto, description: "Planned, with the organ's standing agenda items" })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateMeetingDto) {
    return this.meetings.create(ctx, dto);
  }

  @Post('plan')
  @RequirePermission(Permission.MeetingsManage)
  @ApiCreatedResponse({ type: [MeetingDto], description: "A year's meetings for an organ, all or none" })
  createPlan(@Ctx() ctx: RequestContext, @Body() dto: CreateMeetingPlanDto) {
    return this.meetings.createPlan(ctx, dto);
  }

  @Get(':id')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOkResponse({ type: MeetingDto })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.meetings.get(ctx, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.MeetingsManage)
  @ApiOkResponse({ type: MeetingDto, description: 'After the notice is out, a change of time or place sends a revised notice' })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateMeetingDto) {
    return this.meetings.update(ctx, id, dto);
  }

  @Post(':id/cancellation')
  @RequirePermission(Permission.MeetingsManage)
  @ApiCreatedResponse({ type: MeetingDto, description: 'Inställt; recipients of a sent notice get a cancellation' })
  cancel(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CancelMeetingDto) {
    return this.meetings.cancel(ctx, id, dto);
  }

  @Post(':id/held')
  @HttpCode(200)
  @RequirePermission(Permission.MeetingsManage)
  @ApiOkResponse({ type: MeetingDto, description: 'The meeting has taken place' })
  held(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.meetings.markHeld(ctx, id);
  }

  @Get(':id/agenda-items')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOkResponse({ type: [AgendaItemDto], description: 'The föredragningslista in order; "Anmälan av delegationsbeslut" lists the decisions it reports' })
  agendaItems(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.delegationReport.agendaItems(ctx, id);
  }

  @Post(':id/agenda-items')
  @RequirePermission(Permission.MeetingsManage)
  @ApiCreatedResponse({ type: AgendaItemDto, description: 'A matter (with a signed tjänsteskrivelse), an information item or a standard item' })
  addAgendaItem(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddAgendaItemDto) {
    return this.agenda.add(ctx, id, dto);
  }

  @Put(':id/agenda-items/order')
  @RequirePermission(Permission.MeetingsManage)
  @ApiOkResponse({ type: [AgendaItemDto] })
  reorder(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReorderAgendaDto) {
    return this.agenda.reorder(ctx, id, dto);
  }

  @Get(':id/notices')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOkResponse({ type: [MeetingNoticeDto], description: 'Every version of the notice' })
  listNotices(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.notices.list(ctx, id);
  }

  @Post(':id/notices')
  @RequirePermission(Permission.MeetingsManage)
  @ApiCreatedResponse({ type: MeetingNoticeDto, description: 'Finalizes the notice (a new version); after dispatch, the added items as a supplementary notice' })
  finalize(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.notices.finalize(ctx, id);
  }

  @Get(':id/absences')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOkResponse({ type: [AbsenceDto] })
  listAbsences(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.absences.list(ctx, id);
  }

  @Post(':id/absences')
  @RequirePermission(Permission.MeetingsRead)
  @ApiCreatedResponse({ type: AbsenceDto, description: "Förhinder: one's own, or anyone's for the secretary; the next substitute is called in" })
  reportAbsence(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReportAbsenceDto) {
    return this.absences.report(ctx, id, dto);
  }

  @Get(':id/substitute-calls')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOkResponse({ type: [SubstituteCallDto] })
  substituteCalls(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.absences.listCalls(ctx, id);
  }

  @Get(':id/expected-attendance')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOkResponse({ type: ExpectedAttendanceDto })
  expectedAttendance(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.absences.expectedAttendance(ctx, id);
  }
}

@ApiTags('meetings')
@Controller()
export class AgendaItemsController {
  constructor(
    private readonly agenda: AgendaService,
    private readonly notices: NoticeService,
    private readonly absences: AbsenceService,
  ) {}

  @Patch('agenda-items/:id')
  @RequirePermission(Permission.MeetingsManage)
  @ApiOkResponse({ type: AgendaItemDto })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateAgendaItemDto) {
    return this.agenda.update(ctx, id, dto);
  }

  @Delete('agenda-items/:id')
  @HttpCode(204)
  @RequirePermission(Permission.MeetingsManage)
  @ApiNoContentResponse({ description: 'Removed; the items after it are renumbered' })
  remove(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.agenda.remove(ctx, id);
  }

  @Get('organs/:organId/agenda-template')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOkResponse({ type: AgendaTemplateDto })
  async template(@Ctx() ctx: RequestContext, @Param('organId', ParseUUIDPipe) organId: string) {
    return { items: await this.agenda.template(ctx, organId) };
  }

  @Put('organs/:organId/agenda-template')
  @RequirePermission(Permission.MeetingsManage)
  @ApiOkResponse({ type: AgendaTemplateDto })
  async setTemplate(@Ctx() ctx: RequestContext, @Param('organId', ParseUUIDPipe) organId: string, @Body() dto: AgendaTemplateDto) {
    return { items: await this.agenda.setTemplate(ctx, organId, dto) };
  }

  @Get('meeting-notices/:id')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOkResponse({ type: MeetingNoticeDto })
  notice(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.notices.get(ctx, id);
  }

  @Get('meeting-notices/:id/docx')
  @RequirePermission(Permission.MeetingsRead)
  @ApiFileResponse(DOCX_MEDIA_TYPE, 'The notice version as DOCX')
  async docx(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const { fileName, content } = await this.notices.docx(ctx, id);
    return download(response, content, fileName, DOCX_MEDIA_TYPE);
  }

  @Get('meeting-notices/:id/deliveries')
  @RequirePermission(Permission.MeetingsManage)
  @ApiOkResponse({ type: DeliveryReportDto, description: 'Who has and has not received the notice version' })
  deliveries(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Query() query: DeliveryQueryDto) {
    return this.notices.deliveryReport(ctx, id, query);
  }

  @Delete('absences/:id')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOkResponse({ type: AbsenceDto, description: 'Withdrawn (kept, marked withdrawn); the substitute called in is released' })
  withdrawAbsence(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.absences.withdraw(ctx, id);
  }
}
