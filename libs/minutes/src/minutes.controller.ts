import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors, Ctx, PageDto, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { ApiFileResponse, download } from '@namndrum/matters';
import { ApproveDto, MinutesDto, MinutesQueryDto, MinutesSummaryDto, SetAttendanceDto, UpdateMinutesDto } from './dto/minutes.dto';
import {
  AddDisqualificationDto,
  AddDissentDto,
  AddElectionDto,
  AddMinutesNoteDto,
  AddMotionDto,
  AddParagraphDto,
  CastBallotsDto,
  CloseVoteDto,
  CreateVoteDto,
  DecideDto,
  ParagraphDto,
  PropositionDto,
  SetBallotsDto,
  TakeUpExtraMattersDto,
  UpdateDissentDto,
  UpdateMinutesNoteDto,
  UpdateMotionDto,
  UpdateParagraphDto,
} from './dto/paragraph.dto';
import { ExtractDeliveryReportDto, PostingDto, PostingQueryDto } from './dto/posting.dto';
import { MinutesPageDto } from './dto/minutes-page.dto';
import { MinutesArchiveService } from './minutes-archive.service';
import { MinutesDocumentService } from './minutes-document.service';
import { MinutesPageService } from './minutes-page.service';
import { MinutesService } from './minutes.service';
import { ParagraphService } from './paragraph.service';
import { PostingService } from './posting.service';
import { VerificationService } from './verification.service';
import { DOCX_MEDIA_TYPE, PDF_MEDIA_TYPE } from '@namndrum/documents';


@ApiTags('minutes')
@Controller('meetings')
export class MeetingMinutesController {
  constructor(
    private readonly minutes: MinutesService,
    private readonly pageFrame: MinutesPageService,
  ) {}

  @Post(':id/minutes')
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({ summary: 'Open the minutes of a held meeting' })
  @ApiCreatedResponse({ type: MinutesDto, description: 'Opens the minutes of a held meeting: a paragraph per agenda item, numbered on for the organ and year' })
  @ApiErrors(400, 404, 409)
  create(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.minutes.create(ctx, id);
  }

  @Get(':id/minutes')
  @RequirePermission(Permission.MinutesRead)
  @ApiOperation({ summary: 'Get the minutes of a meeting' })
  @ApiOkResponse({ type: MinutesDto })
  @ApiErrors(400, 404, 409)
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.minutes.getForMeeting(ctx, id);
  }

  @Get(':id/minutes-page')
  @RequirePermission(Permission.MinutesRead)
  @ApiOperation({ summary: "Get the frame of a meeting's minutes page" })
  @ApiOkResponse({
    type: MinutesPageDto,
    description: "The meeting, its organ's rules for justering, the members and substitutes on the day, whether minutes exist, their postings and the notice board: what the minutes page shows besides the minutes",
  })
  @ApiErrors(400, 404)
  page(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.pageFrame.forMeeting(ctx, id);
  }
}

@ApiTags('minutes')
@Controller('minutes')
export class MinutesController {
  constructor(
    private readonly minutes: MinutesService,
    private readonly paragraphs: ParagraphService,
    private readonly verification: VerificationService,
    private readonly postings: PostingService,
    private readonly documents: MinutesDocumentService,
    private readonly archive: MinutesArchiveService,
  ) {}

  @Get()
  @RequirePermission(Permission.MinutesRead)
  @ApiOperation({ summary: 'List minutes' })
  @ApiOkResponse({ type: PageDto(MinutesSummaryDto), description: 'Filter on organ and status; overdue=true lists minutes past their verification deadline' })
  @ApiErrors(400)
  list(@Ctx() ctx: RequestContext, @Query() query: MinutesQueryDto) {
    return this.minutes.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.MinutesRead)
  @ApiOperation({ summary: 'Get minutes' })
  @ApiOkResponse({ type: MinutesDto })
  @ApiErrors(400, 404)
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.minutes.get(ctx, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({ summary: 'Update the particulars of minutes' })
  @ApiOkResponse({ type: MinutesDto, description: 'Time, chair, verifiers, the place and time of verification, storage place' })
  @ApiErrors(400, 404, 409, 413)
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateMinutesDto) {
    return this.minutes.update(ctx, id, dto);
  }

  @Put(':id/attendance')
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({ summary: 'Replace the attendance recorded in minutes' })
  @ApiOkResponse({ type: MinutesDto, description: 'Replaces the attendance: capacities, serving substitutes, arrivals and departures by §' })
  @ApiErrors(400, 404, 409, 413)
  setAttendance(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SetAttendanceDto) {
    return this.minutes.setAttendance(ctx, id, dto);
  }

  @Post(':id/paragraphs')
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({ summary: 'Add a paragraph to minutes' })
  @ApiCreatedResponse({ type: ParagraphDto, description: 'An extra paragraph, numbered after the last' })
  @ApiErrors(400, 404, 409, 413)
  addParagraph(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddParagraphDto) {
    return this.paragraphs.add(ctx, id, dto);
  }

  @Post(':id/review-requests')
  @HttpCode(200)
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({ summary: 'Send minutes to the chair and verifiers for justering' })
  @ApiOkResponse({ type: MinutesDto, description: 'E-mails the draft to the chair and verifiers who have not approved it; a reminder follows before the deadline' })
  @ApiErrors(400, 404, 409)
  requestReview(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.verification.requestReview(ctx, id);
  }

  @Post(':id/approvals')
  @RequirePermission(Permission.MinutesRead)
  @ApiOperation({ summary: 'Approve minutes (justering)' })
  @ApiCreatedResponse({ type: MinutesDto, description: "The signed-in chair's or verifier's justering of the content with this sha256; the last one locks the minutes" })
  @ApiErrors(400, 404, 409, 413)
  approve(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ApproveDto) {
    return this.verification.approve(ctx, id, dto);
  }

  @Post(':id/completion')
  @HttpCode(200)
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({ summary: 'Complete meeting notes (minnesanteckningar)' })
  @ApiOkResponse({ type: MinutesDto, description: 'Minnesanteckningar: completed and locked by the secretary' })
  @ApiErrors(400, 404, 409)
  complete(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.verification.complete(ctx, id);
  }

  @Get(':id/docx')
  @RequirePermission(Permission.MinutesRead)
  @ApiOperation({ summary: 'Download minutes as DOCX' })
  @ApiFileResponse(DOCX_MEDIA_TYPE, 'The protokoll as DOCX: the verified file, or the current draft marked UTKAST')
  @ApiErrors(400, 404)
  async docx(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const { fileName, content } = await this.documents.minutesDocx(ctx, id);
    return download(response, content, fileName, DOCX_MEDIA_TYPE);
  }

  @Get(':id/archival-pdf')
  @RequirePermission(Permission.MinutesRead)
  @ApiOperation({
    summary: 'Download the archival PDF/A of verified minutes',
    description: 'PDF/A-2b with the justering (who approved, when, the sha256 of the approved content) printed at the end and in its metadata. Made by the worker after the verification: 409 until then, and for minutes not verified. Never masked: a reader without access to a secret paragraph gets 403.',
  })
  @ApiFileResponse(PDF_MEDIA_TYPE, 'The verified protokoll as PDF/A-2b')
  @ApiErrors(400, 404, 409)
  async archivalPdf(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const { fileName, content } = await this.archive.minutesPdf(ctx, id);
    return download(response, content, fileName, PDF_MEDIA_TYPE);
  }

  @Get(':id/postings')
  @RequirePermission(Permission.MinutesRead)
  @ApiOperation({ summary: 'List the notice-board postings of minutes' })
  @ApiOkResponse({ type: [PostingDto] })
  @ApiErrors(400, 404)
  postingsOf(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.postings.forMinutes(ctx, id);
  }

  @Get(':id/extract-deliveries')
  @RequirePermission(Permission.MinutesRead)
  @ApiOperation({ summary: 'Get the delivery report of the extracts of minutes' })
  @ApiOkResponse({ type: ExtractDeliveryReportDto, description: 'The extracts e-mailed to the decisions’ recipients' })
  @ApiErrors(400, 404)
  extractDeliveries(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.extractDeliveries(ctx, id);
  }
}

@ApiTags('minutes')
@Controller()
export class ParagraphsController {
  constructor(
    private readonly paragraphs: ParagraphService,
    private readonly verification: VerificationService,
    private readonly documents: MinutesDocumentService,
    private readonly archive: MinutesArchiveService,
  ) {}

  @Get('paragraphs/:id')
  @RequirePermission(Permission.MinutesRead)
  @ApiOperation({ summary: 'Get a paragraph' })
  @ApiOkResponse({ type: ParagraphDto })
  @ApiErrors(400, 404)
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.paragraphs.get(ctx, id);
  }

  @Patch('paragraphs/:id')
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({ summary: 'Update a paragraph' })
  @ApiOkResponse({ type: ParagraphDto, description: 'Decision text, description, beslutsunderlag, beslut skickas till, publiceras ej' })
  @ApiErrors(400, 404, 409, 413)
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateParagraphDto) {
    return this.paragraphs.update(ctx, id, dto);
  }

  @Post('paragraphs/:id/motions')
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({ summary: 'Add a motion (yrkande)' })
  @ApiCreatedResponse({ type: ParagraphDto, description: 'A yrkande by a serving member' })
  @ApiErrors(400, 404, 409, 413)
  addMotion(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddMotionDto) {
    return this.paragraphs.addMotion(ctx, id, dto);
  }

  @Patch('motions/:id')
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({
    summary: 'Update a motion',
    description: 'The mover, kind or wording, saved as the secretary types it while the paragraph is undecided and the motion not yet put. With expectedVersion, a change made on an older version (another tab) is refused (409 STALE_MOTION)',
  })
  @ApiOkResponse({ type: ParagraphDto })
  @ApiErrors(400, 404, 409, 413)
  updateMotion(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateMotionDto) {
    return this.paragraphs.updateMotion(ctx, id, dto);
  }

  @Post('motions/:id/withdrawal')
  @HttpCode(200)
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({ summary: 'Withdraw a motion' })
  @ApiOkResponse({ type: ParagraphDto })
  @ApiErrors(400, 404, 409)
  withdrawMotion(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.paragraphs.withdrawMotion(ctx, id);
  }

  @Post('paragraphs/:id/propositions')
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({ summary: 'Put a proposition (proposition)' })
  @ApiCreatedResponse({ type: ParagraphDto, description: 'The chair puts the alternatives and finds what the organ has decided' })
  @ApiErrors(400, 404, 409, 413)
  addProposition(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: PropositionDto) {
    return this.paragraphs.addProposition(ctx, id, dto);
  }

  @Post('paragraphs/:id/votes')
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({ summary: 'Call a vote (votering)' })
  @ApiCreatedResponse({ type: ParagraphDto, description: 'Votering on the last proposition: Ja for what the chair found' })
  @ApiErrors(400, 404, 409, 413)
  createVote(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateVoteDto) {
    return this.paragraphs.createVote(ctx, id, dto);
  }

  @Post('votes/:id/ballots')
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({ summary: 'Cast ballots in a vote' })
  @ApiCreatedResponse({ type: ParagraphDto, description: 'Ja / Nej / Avstår from serving members, each once' })
  @ApiErrors(400, 404, 409, 413)
  castBallots(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CastBallotsDto) {
    return this.paragraphs.castBallots(ctx, id, dto);
  }

  @Put('votes/:id/ballots')
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({
    summary: 'Set ballots in an open vote',
    description: 'Ja / Nej / Avstår from serving members as the secretary chooses them, one member or a party group at a time: cast, or corrected while the vote is open',
  })
  @ApiOkResponse({ type: ParagraphDto })
  @ApiErrors(400, 404, 409, 413)
  setBallots(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SetBallotsDto) {
    return this.paragraphs.setBallots(ctx, id, dto);
  }

  @Post('votes/:id/close')
  @HttpCode(200)
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({ summary: 'Close a vote and count it' })
  @ApiOkResponse({
    type: ParagraphDto,
    description:
      "Counts the votes; on a tie the chair's own ballot decides (utslagsröst). A casting vote contradicting that ballot is refused (400); a tie where the chair abstained decides nothing (409). Entered by totals, the totals the chair announced must match the ballots (400 TOTALS_MISMATCH, nothing changed) and are kept with the vote",
  })
  @ApiErrors(400, 404, 409, 413)
  closeVote(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CloseVoteDto) {
    return this.paragraphs.closeVote(ctx, id, dto);
  }

  @Delete('votes/:id')
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({ summary: 'Withdraw an open vote' })
  @ApiOkResponse({ type: ParagraphDto, description: 'Withdraws an open vote and its ballots, so that it can be taken again (e.g. a tie the chair abstained in)' })
  @ApiErrors(400, 404, 409)
  withdrawVote(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.paragraphs.withdrawVote(ctx, id);
  }

  @Post('paragraphs/:id/elections')
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({ summary: 'Record an election by closed ballot' })
  @ApiCreatedResponse({ type: ParagraphDto, description: 'An election by closed ballot: counted ballots per candidate, no names of voters; a tie settled by lot' })
  @ApiErrors(400, 404, 409, 413)
  addElection(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddElectionDto) {
    return this.paragraphs.addElection(ctx, id, dto);
  }

  @Delete('elections/:id')
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({ summary: 'Remove an election' })
  @ApiOkResponse({ type: ParagraphDto, description: 'Removes an election recorded by mistake while its paragraph is undecided' })
  @ApiErrors(400, 404, 409)
  removeElection(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.paragraphs.removeElection(ctx, id);
  }

  @Put('paragraphs/:id/extra-matters')
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({ summary: 'Take up extra matters' })
  @ApiOkResponse({ type: ParagraphDto, description: 'Under "Anmälan av extra ärenden": the extra matters the meeting decides to take up; only those can be decided' })
  @ApiErrors(400, 404, 409, 413)
  takeUpExtraMatters(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TakeUpExtraMattersDto) {
    return this.paragraphs.takeUpExtraMatters(ctx, id, dto);
  }

  @Post('paragraphs/:id/decision')
  @HttpCode(200)
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({ summary: 'Record the decision of a paragraph' })
  @ApiOkResponse({ type: ParagraphDto, description: 'The organ decides; refused (409) without quorum' })
  @ApiErrors(400, 404, 409, 413)
  decide(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DecideDto) {
    return this.paragraphs.decide(ctx, id, dto);
  }

  @Post('paragraphs/:id/reopen')
  @HttpCode(200)
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({ summary: 'Reopen a decided paragraph' })
  @ApiOkResponse({ type: ParagraphDto })
  @ApiErrors(400, 404, 409)
  reopen(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.paragraphs.reopen(ctx, id);
  }

  @Post('paragraphs/:id/dissents')
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({ summary: 'Record a dissent (reservation)' })
  @ApiCreatedResponse({ type: ParagraphDto, description: 'A reservation by a member who took part in the decision' })
  @ApiErrors(400, 404, 409, 413)
  addDissent(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddDissentDto) {
    return this.paragraphs.addDissent(ctx, id, dto);
  }

  @Patch('dissents/:id')
  @RequirePermission(Permission.MinutesRead)
  @ApiOperation({ summary: 'Write the reasons for a dissent' })
  @ApiOkResponse({ type: ParagraphDto, description: 'Written reasons, by the member or the secretary, until the time set for justering (409 after)' })
  @ApiErrors(400, 404, 409, 413)
  updateDissent(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateDissentDto) {
    return this.paragraphs.updateDissent(ctx, id, dto);
  }

  @Post('paragraphs/:id/notes')
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({ summary: 'Add a minutes note (protokollsanteckning)' })
  @ApiCreatedResponse({ type: ParagraphDto, description: "A protokollsanteckning, with the chair's permission" })
  @ApiErrors(400, 404, 409, 413)
  addNote(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddMinutesNoteDto) {
    return this.paragraphs.addNote(ctx, id, dto);
  }

  @Patch('minutes-notes/:id')
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({
    summary: 'Update a minutes note',
    description: 'Who asks for the note and its text, saved as the secretary types it. With expectedVersion, a change made on an older version (another tab) is refused (409 STALE_NOTE)',
  })
  @ApiOkResponse({ type: ParagraphDto })
  @ApiErrors(400, 404, 409, 413)
  updateNote(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateMinutesNoteDto) {
    return this.paragraphs.updateNote(ctx, id, dto);
  }

  @Delete('minutes-notes/:id')
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({ summary: 'Remove a minutes note' })
  @ApiOkResponse({ type: ParagraphDto })
  @ApiErrors(400, 404, 409)
  removeNote(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.paragraphs.removeNote(ctx, id);
  }

  @Post('paragraphs/:id/disqualifications')
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({ summary: 'Record a disqualification (jäv)' })
  @ApiCreatedResponse({ type: ParagraphDto, description: 'Jäv: the member leaves; a substitute present may serve for the paragraph' })
  @ApiErrors(400, 404, 409, 413)
  addDisqualification(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddDisqualificationDto) {
    return this.paragraphs.addDisqualification(ctx, id, dto);
  }

  @Delete('disqualifications/:id')
  @RequirePermission(Permission.MinutesManage)
  @ApiOperation({ summary: 'Remove a disqualification' })
  @ApiOkResponse({ type: ParagraphDto })
  @ApiErrors(400, 404, 409)
  removeDisqualification(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.paragraphs.removeDisqualification(ctx, id);
  }

  @Post('paragraphs/:id/approvals')
  @RequirePermission(Permission.MinutesRead)
  @ApiOperation({ summary: 'Approve a paragraph at once (omedelbar justering)' })
  @ApiCreatedResponse({ type: ParagraphDto, description: 'Omedelbar justering by the chair or a verifier; the last one locks and posts the paragraph' })
  @ApiErrors(400, 404, 409, 413)
  approve(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ApproveDto) {
    return this.verification.approveParagraph(ctx, id, dto);
  }

  @Get('paragraphs/:id/extract')
  @RequirePermission(Permission.MinutesRead)
  @ApiOperation({ summary: 'Download the extract (protokollsutdrag) of a verified paragraph as DOCX' })
  @ApiFileResponse(DOCX_MEDIA_TYPE, 'The protokollsutdrag of a verified paragraph as DOCX')
  @ApiErrors(400, 404, 409)
  async extract(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const { fileName, content } = await this.documents.extractDocx(ctx, id);
    return download(response, content, fileName, DOCX_MEDIA_TYPE);
  }

  @Get('paragraphs/:id/archival-pdf')
  @RequirePermission(Permission.MinutesRead)
  @ApiOperation({
    summary: 'Download the archival PDF/A of the extract of a verified paragraph',
    description: 'The protokollsutdrag as PDF/A-2b with the justering printed at the end and in its metadata. 409 until the worker has made it, and for a paragraph not verified; 403 for a reader without access to its secret matter.',
  })
  @ApiFileResponse(PDF_MEDIA_TYPE, 'The protokollsutdrag of a verified paragraph as PDF/A-2b')
  @ApiErrors(400, 404, 409)
  async extractArchivalPdf(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const { fileName, content } = await this.archive.extractPdf(ctx, id);
    return download(response, content, fileName, PDF_MEDIA_TYPE);
  }
}

@ApiTags('minutes')
@Controller('postings')
export class PostingsController {
  constructor(private readonly postings: PostingService) {}

  @Get()
  @RequirePermission(Permission.MinutesRead)
  @ApiOperation({ summary: 'List notice-board postings' })
  @ApiOkResponse({ type: PageDto(PostingDto), description: 'The notice board: filter on status (scheduled, up, down)' })
  @ApiErrors(400)
  list(@Ctx() ctx: RequestContext, @Query() query: PostingQueryDto) {
    return this.postings.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.MinutesRead)
  @ApiOperation({ summary: 'Get a notice-board posting' })
  @ApiOkResponse({ type: PostingDto })
  @ApiErrors(400, 404)
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.postings.get(ctx, id);
  }
}
