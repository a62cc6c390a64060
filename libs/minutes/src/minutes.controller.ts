import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, PageDto, Permission, RequestContext, RequirePermission } from '@namndrum/core';
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
  TakeUpExtraMattersDto,
  UpdateDissentDto,
  UpdateParagraphDto,
} from './dto/paragraph.dto';
import { ExtractDeliveryReportDto, PostingDto, PostingQueryDto } from './dto/posting.dto';
import { MinutesDocumentService } from './minutes-document.service';
import { MinutesService } from './minutes.service';
import { ParagraphService } from './paragraph.service';
import { PostingService } from './posting.service';
import { VerificationService } from './verification.service';
import { DOCX_MEDIA_TYPE } from '@namndrum/documents';


@ApiTags('minutes')
@Controller('meetings')
export class MeetingMinutesController {
  constructor(private readonly minutes: MinutesService) {}

  @Post(':id/minutes')
  @RequirePermission(Permission.MinutesManage)
  @ApiCreatedResponse({ type: MinutesDto, description: 'Opens the minutes of a held meeting: a paragraph per agenda item, numbered on for the organ and year' })
  create(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.minutes.create(ctx, id);
  }

  @Get(':id/minutes')
  @RequirePermission(Permission.MinutesRead)
  @ApiOkResponse({ type: MinutesDto })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.minutes.getForMeeting(ctx, id);
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
  ) {}

  @Get()
  @RequirePermission(Permission.MinutesRead)
  @ApiOkResponse({ type: PageDto(MinutesSummaryDto), description: 'Filter on organ and status; overdue=true lists minutes past their verification deadline' })
  list(@Ctx() ctx: RequestContext, @Query() query: MinutesQueryDto) {
    return this.minutes.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.MinutesRead)
  @ApiOkResponse({ type: MinutesDto })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.minutes.get(ctx, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.MinutesManage)
  @ApiOkResponse({ type: MinutesDto, description: 'Time, chair, verifiers, the place and time of verification, storage place' })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateMinutesDto) {
    return this.minutes.update(ctx, id, dto);
  }

  @Put(':id/attendance')
  @RequirePermission(Permission.MinutesManage)
  @ApiOkResponse({ type: MinutesDto, description: 'Replaces the attendance: capacities, serving substitutes, arrivals and departures by §' })
  setAttendance(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SetAttendanceDto) {
    return this.minutes.setAttendance(ctx, id, dto);
  }

  @Post(':id/paragraphs')
  @RequirePermission(Permission.MinutesManage)
  @ApiCreatedResponse({ type: ParagraphDto, description: 'An extra paragraph, numbered after the last' })
  addParagraph(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddParagraphDto) {
    return this.paragraphs.add(ctx, id, dto);
  }

  @Post(':id/review-requests')
  @HttpCode(200)
  @RequirePermission(Permission.MinutesManage)
  @ApiOkResponse({ type: MinutesDto, description: 'E-mails the draft to the chair and verifiers who have not approved it; a reminder follows before the deadline' })
  requestReview(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.verification.requestReview(ctx, id);
  }

  @Post(':id/approvals')
  @RequirePermission(Permission.MinutesRead)
  @ApiCreatedResponse({ type: MinutesDto, description: "The signed-in chair's or verifier's justering of the content with this sha256; the last one locks the minutes" })
  approve(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ApproveDto) {
    return this.verification.approve(ctx, id, dto);
  }

  @Post(':id/completion')
  @HttpCode(200)
  @RequirePermission(Permission.MinutesManage)
  @ApiOkResponse({ type: MinutesDto, description: 'Minnesanteckningar: completed and locked by the secretary' })
  complete(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.verification.complete(ctx, id);
  }

  @Get(':id/docx')
  @RequirePermission(Permission.MinutesRead)
  @ApiFileResponse(DOCX_MEDIA_TYPE, 'The protokoll as DOCX: the verified file, or the current draft marked UTKAST')
  async docx(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const { fileName, content } = await this.documents.minutesDocx(ctx, id);
    return download(response, content, fileName, DOCX_MEDIA_TYPE);
  }

  @Get(':id/postings')
  @RequirePermission(Permission.MinutesRead)
  @ApiOkResponse({ type: [PostingDto] })
  postingsOf(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.postings.forMinutes(ctx, id);
  }

  @Get(':id/extract-deliveries')
  @RequirePermission(Permission.MinutesRead)
  @ApiOkResponse({ type: ExtractDeliveryReportDto, description: 'The extracts e-mailed to the decisions’ recipients' })
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
  ) {}

  @Get('paragraphs/:id')
  @RequirePermission(Permission.MinutesRead)
  @ApiOkResponse({ type: ParagraphDto })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.paragraphs.get(ctx, id);
  }

  @Patch('paragraphs/:id')
  @RequirePermission(Permission.MinutesManage)
  @ApiOkResponse({ type: ParagraphDto, description: 'Decision text, description, beslutsunderlag, beslut skickas till, publiceras ej' })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateParagraphDto) {
    return this.paragraphs.update(ctx, id, dto);
  }

  @Post('paragraphs/:id/motions')
  @RequirePermission(Permission.MinutesManage)
  @ApiCreatedResponse({ type: ParagraphDto, description: 'A yrkande by a serving member' })
  addMotion(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddMotionDto) {
    return this.paragraphs.addMotion(ctx, id, dto);
  }

  @Post('motions/:id/withdrawal')
  @HttpCode(200)
  @RequirePermission(Permission.MinutesManage)
  @ApiOkResponse({ type: ParagraphDto })
  withdrawMotion(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.paragraphs.withdrawMotion(ctx, id);
  }

  @Post('paragraphs/:id/propositions')
  @RequirePermission(Permission.MinutesManage)
  @ApiCreatedResponse({ type: ParagraphDto, description: 'The chair puts the alternatives and finds what the organ has decided' })
  addProposition(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: PropositionDto) {
    return this.paragraphs.addProposition(ctx, id, dto);
  }

  @Post('paragraphs/:id/votes')
  @RequirePermission(Permission.MinutesManage)
  @ApiCreatedResponse({ type: ParagraphDto, description: 'Votering on the last proposition: Ja for what the chair found' })
  createVote(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateVoteDto) {
    return this.paragraphs.createVote(ctx, id, dto);
  }

  @Post('votes/:id/ballots')
  @RequirePermission(Permission.MinutesManage)
  @ApiCreatedResponse({ type: ParagraphDto, description: 'Ja / Nej / Avstår from serving members, each once' })
  castBallots(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CastBallotsDto) {
    return this.paragraphs.castBallots(ctx, id, dto);
  }

  @Post('votes/:id/close')
  @HttpCode(200)
  @RequirePermission(Permission.MinutesManage)
  @ApiOkResponse({
    type: ParagraphDto,
    description: "Counts the votes; on a tie the chair's own ballot decides (utslagsröst). A casting vote contradicting that ballot is refused (400); a tie where the chair abstained decides nothing (409)",
  })
  closeVote(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CloseVoteDto) {
    return this.paragraphs.closeVote(ctx, id, dto);
  }

  @Delete('votes/:id')
  @RequirePermission(Permission.MinutesManage)
  @ApiOkResponse({ type: ParagraphDto, description: 'Withdraws an open vote and its ballots, so that it can be taken again (e.g. a tie the chair abstained in)' })
  withdrawVote(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.paragraphs.withdrawVote(ctx, id);
  }

  @Post('paragraphs/:id/elections')
  @RequirePermission(Permission.MinutesManage)
  @ApiCreatedResponse({ type: ParagraphDto, description: 'An election by closed ballot: counted ballots per candidate, no names of voters; a tie settled by lot' })
  addElection(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddElectionDto) {
    return this.paragraphs.addElection(ctx, id, dto);
  }

  @Delete('elections/:id')
  @RequirePermission(Permission.MinutesManage)
  @ApiOkResponse({ type: ParagraphDto, description: 'Removes an election recorded by mistake while its paragraph is undecided' })
  removeElection(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.paragraphs.removeElection(ctx, id);
  }

  @Put('paragraphs/:id/extra-matters')
  @RequirePermission(Permission.MinutesManage)
  @ApiOkResponse({ type: ParagraphDto, description: 'Under "Anmälan av extra ärenden": the extra matters the meeting decides to take up; only those can be decided' })
  takeUpExtraMatters(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TakeUpExtraMattersDto) {
    return this.paragraphs.takeUpExtraMatters(ctx, id, dto);
  }

  @Post('paragraphs/:id/decision')
  @HttpCode(200)
  @RequirePermission(Permission.MinutesManage)
  @ApiOkResponse({ type: ParagraphDto, description: 'The organ decides; refused (409) without quorum' })
  decide(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DecideDto) {
    return this.paragraphs.decide(ctx, id, dto);
  }

  @Post('paragraphs/:id/reopen')
  @HttpCode(200)
  @RequirePermission(Permission.MinutesManage)
  @ApiOkResponse({ type: ParagraphDto })
  reopen(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.paragraphs.reopen(ctx, id);
  }

  @Post('paragraphs/:id/dissents')
  @RequirePermission(Permission.MinutesManage)
  @ApiCreatedResponse({ type: ParagraphDto, description: 'A reservation by a member who took part in the decision' })
  addDissent(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddDissentDto) {
    return this.paragraphs.addDissent(ctx, id, dto);
  }

  @Patch('dissents/:id')
  @RequirePermission(Permission.MinutesRead)
  @ApiOkResponse({ type: ParagraphDto, description: 'Written reasons, by the member or the secretary, until the time set for justering (409 after)' })
  updateDissent(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateDissentDto) {
    return this.paragraphs.updateDissent(ctx, id, dto);
  }

  @Post('paragraphs/:id/notes')
  @RequirePermission(Permission.MinutesManage)
  @ApiCreatedResponse({ type: ParagraphDto, description: "A protokollsanteckning, with the chair's permission" })
  addNote(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddMinutesNoteDto) {
    return this.paragraphs.addNote(ctx, id, dto);
  }

  @Delete('minutes-notes/:id')
  @RequirePermission(Permission.MinutesManage)
  @ApiOkResponse({ type: ParagraphDto })
  removeNote(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.paragraphs.removeNote(ctx, id);
  }

  @Post('paragraphs/:id/disqualifications')
  @RequirePermission(Permission.MinutesManage)
  @ApiCreatedResponse({ type: ParagraphDto, description: 'Jäv: the member leaves; a substitute present may serve for the paragraph' })
  addDisqualification(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddDisqualificationDto) {
    return this.paragraphs.addDisqualification(ctx, id, dto);
  }

  @Delete('disqualifications/:id')
  @RequirePermission(Permission.MinutesManage)
  @ApiOkResponse({ type: ParagraphDto })
  removeDisqualification(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.paragraphs.removeDisqualification(ctx, id);
  }

  @Post('paragraphs/:id/approvals')
  @RequirePermission(Permission.MinutesRead)
  @ApiCreatedResponse({ type: ParagraphDto, description: 'Omedelbar justering by the chair or a verifier; the last one locks and posts the paragraph' })
  approve(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ApproveDto) {
    return this.verification.approveParagraph(ctx, id, dto);
  }

  @Get('paragraphs/:id/extract')
  @RequirePermission(Permission.MinutesRead)
  @ApiFileResponse(DOCX_MEDIA_TYPE, 'The protokollsutdrag of a verified paragraph as DOCX')
  async extract(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const { fileName, content } = await this.documents.extractDocx(ctx, id);
    return download(response, content, fileName, DOCX_MEDIA_TYPE);
  }
}

@ApiTags('minutes')
@Controller('postings')
export class PostingsController {
  constructor(private readonly postings: PostingService) {}

  @Get()
  @RequirePermission(Permission.MinutesRead)
  @ApiOkResponse({ type: PageDto(PostingDto), description: 'The notice board: filter on status (scheduled, up, down)' })
  list(@Ctx() ctx: RequestContext, @Query() query: PostingQueryDto) {
    return this.postings.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.MinutesRead)
  @ApiOkResponse({ type: PostingDto })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.postings.get(ctx, id);
  }
}
