import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditEntry, AuditService, Clock, ConflictError, ForbiddenError, InvalidInputError, Permission, RequestContext, TenantRepository } from '@namndrum/core';
import { MatterSecrecyService, MatterService } from '@namndrum/matters';
import { checkedFinnishTitle, MeetingService } from '@namndrum/meetings';
import { organNoun } from '@namndrum/organisation';
import { DateTime } from 'luxon';
import {
  announcedTotalsMismatch,
  CastingVoteNotAllowedError,
  castingVoteFromChair,
  ChairAbstainedOnTieError,
  DECIDE_TODAY_KEY,
  decisionFromOutcome,
  DecisionProcedureError,
  describeDecisionProcedure,
  dissentRefusal,
  electionDecision,
  ElectionError,
  electionOutcome,
  extraMattersDecision,
  isExtraMattersItem,
  PROPOSAL_KEY,
  tallyVote,
  paragraphAsRead,
} from './domain';
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
import { Ballot, Disqualification, Dissent, Election, Minutes, MinutesNote, Motion, openParagraph, Paragraph, Proposition, Vote } from './entities';
import { assertDraft, assertParagraphOpen, lockDraftForWrite, lockMinutes, MinutesReader, MinutesRecord, paragraphAttendance, personName } from './minutes-record';
import { lockNumbering } from './minutes.service';
import { MinutesPresenter } from './minutes.presenter';

interface ParagraphContext {
  minutes: Minutes;
  record: MinutesRecord;
  paragraph: Paragraph;
}

const swedishDateTime = (instant: Date) => DateTime.fromJSDate(instant, { zone: 'Europe/Stockholm' }).toFormat('yyyy-MM-dd HH:mm');

const notServing = (record: MinutesRecord, personId: string, paragraph: Paragraph, what: string) =>
  new ConflictError('NOT_SERVING', `${personName(record, personId) || 'Personen'} är inte tjänstgörande vid § ${paragraph.number} och kan inte ${what}`);

/**
 * The proceedings of one paragraph as they happen at the meeting: motions, the chair's propositions,
 * recorded votes, the decision, dissents, minutes notes and disqualifications. Every write checks
 * who serves at that paragraph, so only serving members propose and vote, and a paragraph without
 * quorum cannot be decided.
 */
@Injectable()
export class ParagraphService implements OnModuleInit {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly reader: MinutesReader,
    private readonly presenter: MinutesPresenter,
    private readonly matters: MatterService,
    private readonly meetings: MeetingService,
    private readonly secrecy: MatterSecrecyService,
  ) {}

  /** A motion, vote, dissent, note or disqualification in the audit log is as secret as its paragraph's matter. */
  onModuleInit(): void {
    const paragraphOf = (entry: AuditEntry) => [entry.after?.paragraphId, entry.before?.paragraphId].find((id): id is string => typeof id === 'string');
    this.audit.onRead(async (ctx, entries) => {
      const paragraphIds = entries.map(paragraphOf).filter((id): id is string => id !== undefined);
      if (paragraphIds.length === 0) return entries;
      const rows: { id: string; matter_id: string | null }[] = await ctx.em.query(`SELECT id, matter_id FROM minutes_paragraphs WHERE municipality_id = $1 AND id = ANY($2)`, [ctx.municipalityId, paragraphIds]);
      const matterOf = new Map(rows.map((row) => [row.id, row.matter_id]));
      return this.secrecy.redactAudit(ctx, entries, (entry) => {
        const matterId = matterOf.get(paragraphOf(entry) ?? '');
        return matterId ? [matterId] : [];
      });
    });
  }

  private paragraphs(ctx: RequestContext): TenantRepository<Paragraph> {
    return new TenantRepository(ctx, Paragraph, 'Paragrafen');
  }

  async get(ctx: RequestContext, id: string): Promise<ParagraphDto> {
    const paragraph = await this.paragraphs(ctx).get(id);
    const minutes = await new TenantRepository(ctx, Minutes, 'Protokollet').get(paragraph.minutesId);
    const record = await this.reader.read(ctx, minutes);
    const shown = this.presenter.paragraph(record, record.paragraphs.find((candidate) => candidate.id === id)!);
    const readings = await this.secrecy.readings(ctx, [paragraph.matterId]);
    return paragraphAsRead(shown, readings.get(paragraph.matterId ?? ''));
  }

  /** A paragraph the agenda did not have (an extra matter taken up at the meeting), numbered after the last. */
  async add(ctx: RequestContext, minutesId: string, dto: AddParagraphDto): Promise<ParagraphDto> {
    const minutes = await lockDraftForWrite(ctx, minutesId);
    const meeting = await this.meetings.get(ctx, minutes.meetingId);
    const last = await lockNumbering(ctx, minutes.organId, minutes.year, meeting);
    const matter = dto.matterId ? await this.matters.get(ctx, dto.matterId) : null;
    const [{ position }]: { position: number }[] = await ctx.em.query(`SELECT coalesce(max(position), 0) + 1 AS position FROM minutes_paragraphs WHERE minutes_id = $1`, [minutesId]);
    const repo = this.paragraphs(ctx);
    const paragraph = await repo.save(
      repo.create({
        minutesId,
        organId: minutes.organId,
        year: minutes.year,
        number: last + 1,
        position,
        // Not on the agenda: an extra matter, which the meeting must decide to take up.
        ...openParagraph({ agendaItemId: null, title: dto.title, matterId: matter?.id ?? null, caseNumber: matter?.caseNumber ?? null, proposal: dto.proposal ?? [], extraMatter: true }),
      }),
    );
    await this.audit.record(ctx, { action: 'add_paragraph', entityType: 'Paragraph', entityId: paragraph.id, after: paragraph });
    return this.get(ctx, paragraph.id);
  }

  async update(ctx: RequestContext, id: string, dto: UpdateParagraphDto): Promise<ParagraphDto> {
    const { record, paragraph } = await this.forWrite(ctx, id);
    if (dto.expectedVersion !== undefined && dto.expectedVersion !== paragraph.version) {
      throw new ConflictError('STALE_PARAGRAPH', `§ ${paragraph.number} har ändrats sedan du läste den, i en annan flik eller av någon annan; läs in den igen och välj vilken text som ska gälla`, [
        { field: 'expectedVersion', messages: [`the paragraph is at version ${paragraph.version}`] },
      ]);
    }
    const before = { ...paragraph };
    if (dto.decision !== undefined && dto.decision.length === 0 && paragraph.status === 'decided') {
      throw new InvalidInputError('DECISION_EMPTY', 'En beslutad paragraf måste ha ett beslut', [{ field: 'decision', messages: ['decision must not be empty'] }]);
    }
    const titleFi = dto.titleFi === undefined ? paragraph.titleFi : checkedFinnishTitle(record.organ, dto.titleFi);
    Object.assign(paragraph, {
      title: dto.title ?? paragraph.title,
      titleFi,
      decision: dto.decision ?? paragraph.decision,
      description: dto.description !== undefined ? dto.description : paragraph.description,
      decisionBasis: dto.decisionBasis ?? paragraph.decisionBasis,
      distribution: dto.distribution ? dto.distribution.map((recipient) => ({ name: recipient.name, email: recipient.email?.trim().toLowerCase() || null })) : paragraph.distribution,
      notPublished: dto.notPublished ?? paragraph.notPublished,
    });
    const saved = await this.paragraphs(ctx).save(paragraph);
    await this.audit.record(ctx, { action: 'update', entityType: 'Paragraph', entityId: id, before, after: saved });
    return this.get(ctx, id);
  }

  async addMotion(ctx: RequestContext, id: string, dto: AddMotionDto): Promise<ParagraphDto> {
    const { record, paragraph } = await this.forWrite(ctx, id);
    this.assertUndecided(paragraph);
    this.assertDeciding(record);
    const supporters = dto.supporterPersonIds ?? [];
    this.assertMotionValid(record, paragraph, { personId: dto.personId, kind: dto.kind, text: dto.text ?? null, supporterPersonIds: supporters });
    const motions = new TenantRepository(ctx, Motion, 'Yrkandet');
    const position = record.motions.filter((motion) => motion.paragraphId === id).length + 1;
    const motion = await motions.save(motions.create({ paragraphId: id, position, personId: dto.personId, kind: dto.kind, text: dto.text ?? null, supporterPersonIds: supporters, withdrawn: false }));
    await this.audit.record(ctx, { action: 'add_motion', entityType: 'Motion', entityId: motion.id, after: motion });
    return this.get(ctx, id);
  }

  /**
   * The mover, kind or wording of a motion as the secretary enters it, saved as it is typed. A change
   * made on an older version (a second tab) is refused, so that nothing written since is lost unseen.
   */
  async updateMotion(ctx: RequestContext, motionId: string, dto: UpdateMotionDto): Promise<ParagraphDto> {
    const motions = new TenantRepository(ctx, Motion, 'Yrkandet');
    const found = await motions.get(motionId);
    const { record, paragraph } = await this.forWrite(ctx, found.paragraphId);
    const motion = record.motions.find((candidate) => candidate.id === motionId)!;
    this.assertUndecided(paragraph);
    if (dto.expectedVersion !== undefined && dto.expectedVersion !== motion.version) {
      throw new ConflictError('STALE_MOTION', `Yrkandet har ändrats sedan du läste det, i en annan flik eller av någon annan; läs in det igen och välj vilken text som ska gälla`, [
        { field: 'expectedVersion', messages: [`the motion is at version ${motion.version}`] },
      ]);
    }
    if (motion.withdrawn) throw new ConflictError('MOTION_WITHDRAWN', 'Yrkandet är återtaget och kan inte ändras');
    if (paragraph.propositions.some((proposition) => proposition.alternatives.includes(motionId))) {
      throw new ConflictError('MOTION_PUT', 'Yrkandet har redan ställts under proposition och kan inte ändras');
    }
    const changed = { personId: dto.personId ?? motion.personId, kind: dto.kind ?? motion.kind, text: dto.text !== undefined ? dto.text : motion.text, supporterPersonIds: motion.supporterPersonIds };
    this.assertMotionValid(record, paragraph, changed);
    const before = { ...motion };
    Object.assign(motion, changed);
    await motions.save(motion);
    await this.audit.record(ctx, { action: 'update_motion', entityType: 'Motion', entityId: motionId, before, after: motion });
    return this.get(ctx, paragraph.id);
  }

  async withdrawMotion(ctx: RequestContext, motionId: string): Promise<ParagraphDto> {
    const motion = await new TenantRepository(ctx, Motion, 'Yrkandet').get(motionId);
    const { paragraph } = await this.forWrite(ctx, motion.paragraphId);
    this.assertUndecided(paragraph);
    if (paragraph.propositions.some((proposition) => proposition.alternatives.includes(motionId))) {
      throw new ConflictError('MOTION_PUT', 'Yrkandet har redan ställts under proposition och kan inte återtas');
    }
    const before = { ...motion };
    motion.withdrawn = true;
    await new TenantRepository(ctx, Motion, 'Yrkandet').save(motion);
    await this.audit.record(ctx, { action: 'withdraw_motion', entityType: 'Motion', entityId: motionId, before, after: motion });
    return this.get(ctx, paragraph.id);
  }

  /** The chair puts the alternatives against each other and finds what the organ has decided (acclamation). */
  async addProposition(ctx: RequestContext, id: string, dto: PropositionDto): Promise<ParagraphDto> {
    const { record, paragraph } = await this.forWrite(ctx, id);
    this.assertUndecided(paragraph);
    this.assertNoOpenVote(record, paragraph);
    const motionIds = new Set(record.motions.filter((motion) => motion.paragraphId === id && !motion.withdrawn).map((motion) => motion.id));
    dto.alternatives.forEach((key, index) => {
      if (key !== PROPOSAL_KEY && key !== DECIDE_TODAY_KEY && !motionIds.has(key)) {
        throw new InvalidInputError('ALTERNATIVE_UNKNOWN', `”${key}” är varken förslaget eller ett yrkande i paragrafen`, [{ field: `alternatives[${index}]`, messages: ['unknown alternative'] }]);
      }
    });
    const propositions: Proposition[] = [...paragraph.propositions, { alternatives: dto.alternatives, chosen: dto.chosen, voteId: null }];
    this.assertDescribable(record, paragraph, propositions);
    const before = { ...paragraph };
    paragraph.propositions = propositions;
    await this.paragraphs(ctx).save(paragraph);
    await this.audit.record(ctx, { action: 'proposition', entityType: 'Paragraph', entityId: id, before, after: paragraph });
    return this.get(ctx, id);
  }

  /** Votering begärd: Ja for what the chair found, Nej for the other alternative of the last proposition. */
  async createVote(ctx: RequestContext, id: string, dto: CreateVoteDto): Promise<ParagraphDto> {
    const { record, paragraph } = await this.forWrite(ctx, id);
    this.assertUndecided(paragraph);
    this.assertDeciding(record);
    this.assertNoOpenVote(record, paragraph);
    const last = paragraph.propositions.at(-1);
    if (!last || last.voteId !== null) {
      throw new ConflictError('NO_PROPOSITION', 'Votering begärs på en proposition: ordföranden måste först ställa proposition');
    }
    if (dto.yesAlternative !== last.chosen) {
      throw new InvalidInputError('VOTE_YES', 'Ja-rösten ska avse det förslag ordföranden fann att organet beslutat enligt', [{ field: 'yesAlternative', messages: [`must be ${last.chosen}`] }]);
    }
    if (dto.noAlternative === dto.yesAlternative || !last.alternatives.includes(dto.noAlternative)) {
      throw new InvalidInputError('VOTE_NO', 'Nej-rösten ska avse ett annat förslag i samma proposition', [{ field: 'noAlternative', messages: ['must be another alternative of the proposition'] }]);
    }
    const votes = new TenantRepository(ctx, Vote, 'Voteringen');
    const vote = await votes.save(votes.create({ paragraphId: id, yesAlternative: dto.yesAlternative, noAlternative: dto.noAlternative, status: 'open', castingVote: null, result: null }));
    paragraph.propositions = [...paragraph.propositions.slice(0, -1), { ...last, voteId: vote.id }];
    await this.paragraphs(ctx).save(paragraph);
    await this.audit.record(ctx, { action: 'create_vote', entityType: 'Vote', entityId: vote.id, after: vote });
    return this.get(ctx, id);
  }

  /** Ja / Nej / Avstår from serving members, each once. */
  async castBallots(ctx: RequestContext, voteId: string, dto: CastBallotsDto): Promise<ParagraphDto> {
    const vote = await new TenantRepository(ctx, Vote, 'Voteringen').get(voteId);
    const { record, paragraph } = await this.forWrite(ctx, vote.paragraphId);
    if (vote.status !== 'open') throw new ConflictError('VOTE_CLOSED', 'Voteringen är avslutad');
    this.assertBallotsValid(record, paragraph, dto.ballots);
    const voted = new Set(record.ballots.filter((ballot) => ballot.voteId === voteId).map((ballot) => ballot.personId));
    const twice = dto.ballots.find((ballot) => voted.has(ballot.personId));
    if (twice) throw new ConflictError('ALREADY_VOTED', `${personName(record, twice.personId)} har redan röstat i voteringen`);
    const ballots = new TenantRepository(ctx, Ballot, 'Rösten');
    await ballots.repository.save(dto.ballots.map((ballot) => ballots.create({ voteId, personId: ballot.personId, choice: ballot.choice })));
    await this.audit.record(ctx, { action: 'cast_ballots', entityType: 'Vote', entityId: voteId, after: { ballots: dto.ballots } });
    return this.get(ctx, paragraph.id);
  }

  /**
   * Ballots set while the vote is open, as the secretary chooses them (one member, or a party group at
   * once): cast, or corrected when the member has voted already. Only serving members vote.
   */
  async setBallots(ctx: RequestContext, voteId: string, dto: SetBallotsDto): Promise<ParagraphDto> {
    const vote = await new TenantRepository(ctx, Vote, 'Voteringen').get(voteId);
    const { record, paragraph } = await this.forWrite(ctx, vote.paragraphId);
    if (vote.status !== 'open') throw new ConflictError('VOTE_CLOSED', 'Voteringen är avslutad');
    this.assertBallotsValid(record, paragraph, dto.ballots);
    const ballots = new TenantRepository(ctx, Ballot, 'Rösten');
    const existing = new Map(record.ballots.filter((ballot) => ballot.voteId === voteId).map((ballot) => [ballot.personId, ballot]));
    const changes = dto.ballots.filter((ballot) => existing.get(ballot.personId)?.choice !== ballot.choice);
    await ballots.repository.save(changes.map((ballot) => Object.assign(existing.get(ballot.personId) ?? ballots.create({ voteId, personId: ballot.personId }), { choice: ballot.choice })));
    if (changes.length > 0) {
      await this.audit.record(ctx, {
        action: 'set_ballots',
        entityType: 'Vote',
        entityId: voteId,
        before: { ballots: changes.filter((ballot) => existing.has(ballot.personId)).map((ballot) => ({ personId: ballot.personId, choice: existing.get(ballot.personId)!.choice })) },
        after: { ballots: changes },
      });
    }
    return this.get(ctx, paragraph.id);
  }

  /**
   * Counts the votes; on a tie the chair's own ballot decides (utslagsröst, KL 5 kap. 57 §; see
   * docs/casting-vote.md). A casting vote given that contradicts the chair's ballot is refused, and a
   * tie where the chair abstained decides nothing: the vote stays open, to be withdrawn and taken again.
   */
  async closeVote(ctx: RequestContext, voteId: string, dto: CloseVoteDto): Promise<ParagraphDto> {
    const vote = await new TenantRepository(ctx, Vote, 'Voteringen').get(voteId);
    const { record, paragraph } = await this.forWrite(ctx, vote.paragraphId);
    if (vote.status !== 'open') throw new ConflictError('VOTE_CLOSED', 'Voteringen är redan avslutad');
    const attendance = paragraphAttendance(record, paragraph);
    const ballots = record.ballots.filter((ballot) => ballot.voteId === voteId);
    const voted = new Set(ballots.map((ballot) => ballot.personId));
    const missing = attendance.serving.filter((seat) => !voted.has(seat.servingPersonId)).map((seat) => personName(record, seat.servingPersonId));
    if (missing.length > 0) throw new ConflictError('BALLOTS_MISSING', `Alla tjänstgörande ledamöter ska rösta ja, nej eller avstå; saknas: ${missing.join(', ')}`);
    const choices = ballots.map((ballot) => ballot.choice);
    const mismatch = dto.announced ? announcedTotalsMismatch(dto.announced, choices) : null;
    if (mismatch) {
      throw new InvalidInputError('TOTALS_MISMATCH', mismatch, [{ field: 'announced', messages: ['the ballots entered do not add up to the totals announced'] }]);
    }
    const chairBallot = ballots.find((ballot) => ballot.personId === record.minutes.chairPersonId)?.choice ?? null;
    let castingVote;
    try {
      castingVote = castingVoteFromChair(choices, chairBallot);
    } catch (error) {
      if (error instanceof ChairAbstainedOnTieError) throw new ConflictError('CHAIR_ABSTAINED_ON_TIE', error.message);
      throw error;
    }
    if (dto.castingVote !== undefined && castingVote === null) {
      throw new InvalidInputError('CASTING_VOTE_NOT_ALLOWED', new CastingVoteNotAllowedError().message, [{ field: 'castingVote', messages: ['only on a tie'] }]);
    }
    if (dto.castingVote !== undefined && dto.castingVote !== castingVote) {
      throw new InvalidInputError(
        'CASTING_VOTE_CONTRADICTS_BALLOT',
        `Utslagsrösten är ordförandens egen röst, och ${personName(record, record.minutes.chairPersonId)} röstade ${castingVote === 'yes' ? 'ja' : 'nej'}`,
        [{ field: 'castingVote', messages: [`must be the chair's ballot (${castingVote})`] }],
      );
    }
    const tally = tallyVote(choices, castingVote);
    const before = { ...vote };
    Object.assign(vote, {
      status: 'closed',
      castingVote,
      result: tally.result,
      announcedYes: dto.announced?.yes ?? null,
      announcedNo: dto.announced?.no ?? null,
      announcedAbstain: dto.announced?.abstain ?? null,
    });
    await new TenantRepository(ctx, Vote, 'Voteringen').save(vote);
    const winner = tally.result === 'yes' ? vote.yesAlternative : vote.noAlternative;
    paragraph.propositions = paragraph.propositions.map((proposition) => (proposition.voteId === voteId ? { ...proposition, chosen: winner } : proposition));
    await this.paragraphs(ctx).save(paragraph);
    await this.audit.record(ctx, { action: 'close_vote', entityType: 'Vote', entityId: voteId, before, after: { ...vote, yes: tally.yes, no: tally.no, abstain: tally.abstain } });
    return this.get(ctx, paragraph.id);
  }

  /** Withdraws an open vote with its ballots (e.g. a tie the chair's ballot cannot decide), so that the vote can be taken again. */
  async withdrawVote(ctx: RequestContext, voteId: string): Promise<ParagraphDto> {
    const vote = await new TenantRepository(ctx, Vote, 'Voteringen').get(voteId);
    const { record, paragraph } = await this.forWrite(ctx, vote.paragraphId);
    if (vote.status !== 'open') throw new ConflictError('VOTE_CLOSED', 'Voteringen är avslutad och kan inte återtas');
    const ballots = record.ballots.filter((ballot) => ballot.voteId === voteId);
    await new TenantRepository(ctx, Ballot, 'Rösten').repository.delete({ voteId, municipalityId: ctx.municipalityId });
    paragraph.propositions = paragraph.propositions.map((proposition) => (proposition.voteId === voteId ? { ...proposition, voteId: null } : proposition));
    await this.paragraphs(ctx).save(paragraph);
    await new TenantRepository(ctx, Vote, 'Voteringen').repository.delete({ id: voteId, municipalityId: ctx.municipalityId });
    await this.audit.record(ctx, { action: 'withdraw_vote', entityType: 'Vote', entityId: voteId, before: { ...vote, ballots: ballots.map((ballot) => ({ personId: ballot.personId, choice: ballot.choice })) } });
    return this.get(ctx, paragraph.id);
  }

  /**
   * An election by closed ballot: the counted ballots per candidate and the blank ones, never who
   * voted for whom; a tie is settled by lot and the lot's winner recorded. The paragraph's decision
   * then follows from it.
   */
  async addElection(ctx: RequestContext, id: string, dto: AddElectionDto): Promise<ParagraphDto> {
    const { record, paragraph } = await this.forWrite(ctx, id);
    this.assertUndecided(paragraph);
    this.assertDeciding(record);
    const candidates = dto.candidates.map((candidate) => ({ name: candidate.name.trim(), votes: candidate.votes }));
    const blankVotes = dto.blankVotes ?? 0;
    let outcome;
    try {
      outcome = electionOutcome({ candidates, blankVotes, voters: paragraphAttendance(record, paragraph).serving.length, lotWinner: dto.lotWinner ?? null });
    } catch (error) {
      if (error instanceof ElectionError) throw new InvalidInputError(error.code, error.message, [{ field: error.field, messages: [error.message] }]);
      throw error;
    }
    const elections = new TenantRepository(ctx, Election, 'Valet');
    const election = await elections.save(elections.create({ paragraphId: id, office: dto.office, candidates, blankVotes, elected: outcome.elected, decidedByLot: outcome.decidedByLot }));
    await this.audit.record(ctx, { action: 'add_election', entityType: 'Election', entityId: election.id, after: election });
    return this.get(ctx, id);
  }

  /** Removes an election recorded by mistake, while the paragraph is undecided. */
  async removeElection(ctx: RequestContext, electionId: string): Promise<ParagraphDto> {
    const election = await new TenantRepository(ctx, Election, 'Valet').get(electionId);
    const { paragraph } = await this.forWrite(ctx, election.paragraphId);
    this.assertUndecided(paragraph);
    await new TenantRepository(ctx, Election, 'Valet').repository.delete({ id: electionId, municipalityId: ctx.municipalityId });
    await this.audit.record(ctx, { action: 'remove_election', entityType: 'Election', entityId: electionId, before: election });
    return this.get(ctx, paragraph.id);
  }

  /**
   * The meeting's decision under "Anmälan av extra ärenden": which extra matters it takes up. Only
   * those can then be decided. Replaces an earlier decision while this paragraph is undecided, and
   * writes its decision text.
   */
  async takeUpExtraMatters(ctx: RequestContext, id: string, dto: TakeUpExtraMattersDto): Promise<ParagraphDto> {
    const { record, paragraph } = await this.forWrite(ctx, id);
    this.assertUndecided(paragraph);
    this.assertDeciding(record);
    if (!isExtraMattersItem(paragraph.title) || paragraph.extraMatter) {
      throw new ConflictError('NOT_EXTRA_MATTERS_ITEM', `Beslut om att ta upp extra ärenden fattas under punkten ”Anmälan av extra ärenden”, inte under § ${paragraph.number} ${paragraph.title}`);
    }
    if (new Set(dto.paragraphIds).size !== dto.paragraphIds.length) {
      throw new InvalidInputError('EXTRA_MATTER_TWICE', 'Samma extra ärende anges två gånger', [{ field: 'paragraphIds', messages: ['duplicate paragraph'] }]);
    }
    const takenUp = dto.paragraphIds.map((paragraphId, index) => {
      const extra = record.paragraphs.find((candidate) => candidate.id === paragraphId);
      if (!extra || !extra.extraMatter) {
        throw new InvalidInputError('NOT_EXTRA_MATTER', 'Paragrafen är inte ett extra ärende i detta protokoll', [{ field: `paragraphIds[${index}]`, messages: ['not an extra matter of these minutes'] }]);
      }
      if (extra.status === 'decided') {
        throw new ConflictError('EXTRA_MATTER_DECIDED', `§ ${extra.number} är redan beslutad; öppna den igen först`);
      }
      return extra;
    });
    const repo = this.paragraphs(ctx);
    for (const extra of record.paragraphs.filter((candidate) => candidate.takenUpInParagraphId === id && !dto.paragraphIds.includes(candidate.id))) {
      if (extra.status === 'decided') throw new ConflictError('EXTRA_MATTER_DECIDED', `§ ${extra.number} är redan beslutad och kan inte strykas; öppna den igen först`);
      await repo.save(Object.assign(extra, { takenUpInParagraphId: null }));
    }
    for (const extra of takenUp) await repo.save(Object.assign(extra, { takenUpInParagraphId: id }));
    const before = { ...paragraph };
    paragraph.decision = extraMattersDecision(organNoun(record.organ.kind), takenUp.sort((a, b) => a.number - b.number));
    await repo.save(paragraph);
    await this.audit.record(ctx, { action: 'take_up_extra_matters', entityType: 'Paragraph', entityId: id, before, after: { ...paragraph, takenUp: dto.paragraphIds } });
    return this.get(ctx, id);
  }

  /** The organ decides: there must be quorum, and the decision follows from the propositions unless given. */
  async decide(ctx: RequestContext, id: string, dto: DecideDto): Promise<ParagraphDto> {
    const { record, paragraph } = await this.forWrite(ctx, id);
    this.assertUndecided(paragraph);
    this.assertNoOpenVote(record, paragraph);
    if (record.minutes.kind === 'minutes' && paragraph.extraMatter && paragraph.takenUpInParagraphId === null) {
      throw new ConflictError(
        'EXTRA_MATTER_NOT_TAKEN_UP',
        `§ ${paragraph.number} är ett extra ärende: ${organNoun(record.organ.kind)} måste först besluta att ta upp det under ”Anmälan av extra ärenden”`,
      );
    }
    const attendance = paragraphAttendance(record, paragraph);
    if (record.minutes.kind === 'minutes' && !attendance.quorum) {
      throw new ConflictError(
        'NO_QUORUM',
        `${record.organ.name} är inte beslutför vid § ${paragraph.number}: ${attendance.serving.length} av ${attendance.seats} ledamöter tjänstgör, och mer än hälften krävs`,
      );
    }
    const motions = this.presenter.motionPhrases(record, paragraph);
    const additions = new Set(record.motions.filter((motion) => motion.kind === 'addition').map((motion) => motion.id));
    // An addition turned down leaves nothing in the decision: only the propositions' adopted alternatives count.
    const chosenKeys = paragraph.propositions
      .filter((proposition) => !proposition.alternatives.some((key) => additions.has(key)) || additions.has(proposition.chosen))
      .map((proposition) => proposition.chosen);
    let decision = dto.decision;
    const elections = record.elections.filter((election) => election.paragraphId === id);
    if (!decision && elections.length > 0 && paragraph.propositions.length === 0) {
      decision = elections.map((election) => electionDecision(organNoun(record.organ.kind), election.office, election.elected));
    }
    if (!decision && paragraph.decision.length > 0 && paragraph.propositions.length === 0) decision = paragraph.decision;
    if (!decision && (paragraph.propositions.length > 0 || paragraph.proposal.length > 0)) {
      try {
        decision = decisionFromOutcome({ organNoun: organNoun(record.organ.kind), proposal: paragraph.proposal, motions, chosenKeys: chosenKeys.length ? chosenKeys : [PROPOSAL_KEY] });
      } catch (error) {
        if (error instanceof DecisionProcedureError) throw new ConflictError('PROCEDURE_INCOMPLETE', error.message);
        throw error;
      }
    }
    if (!decision || decision.length === 0) {
      throw new InvalidInputError('DECISION_EMPTY', `§ ${paragraph.number} saknar förslag; skriv beslutet`, [{ field: 'decision', messages: ['decision is required when there is no proposal'] }]);
    }
    const chosenMotions = record.motions.filter((motion) => chosenKeys.includes(motion.id));
    const before = { ...paragraph };
    Object.assign(paragraph, {
      decision,
      status: 'decided',
      decidedAt: this.clock.now(),
      outcome: chosenMotions.some((motion) => motion.kind === 'referral_back') ? 'referred_back' : chosenMotions.some((motion) => motion.kind === 'postponement') ? 'postponed' : 'decided',
    });
    await this.paragraphs(ctx).save(paragraph);
    await this.audit.record(ctx, { action: 'decide', entityType: 'Paragraph', entityId: id, before, after: paragraph });
    return this.get(ctx, id);
  }

  /** Back to open, to correct the proceedings before the minutes are verified. */
  async reopen(ctx: RequestContext, id: string): Promise<ParagraphDto> {
    const { paragraph } = await this.forWrite(ctx, id);
    if (paragraph.status !== 'decided') throw new ConflictError('PARAGRAPH_OPEN', `§ ${paragraph.number} är inte beslutad`);
    const before = { ...paragraph };
    Object.assign(paragraph, { status: 'open', decidedAt: null, outcome: null });
    await this.paragraphs(ctx).save(paragraph);
    await this.audit.record(ctx, { action: 'reopen', entityType: 'Paragraph', entityId: id, before, after: paragraph });
    return this.get(ctx, id);
  }

  /**
   * A reservation, by someone who took part in the decision (KL 4 kap. 27 §): serving at the
   * paragraph, not disqualified, and not having abstained in its vote; announced before the recorded
   * end of the meeting (`announcedAt`, by default now). After that only the written reasons may come.
   */
  async addDissent(ctx: RequestContext, id: string, dto: AddDissentDto): Promise<ParagraphDto> {
    const { record, paragraph } = await this.forWrite(ctx, id);
    this.assertDeciding(record);
    if (paragraph.status !== 'decided') throw new ConflictError('NOT_DECIDED', `Reservation anmäls mot ett fattat beslut; § ${paragraph.number} är inte beslutad än`);
    if (record.dissents.some((dissent) => dissent.paragraphId === id && dissent.personId === dto.personId)) {
      throw new ConflictError('DISSENT_EXISTS', `${personName(record, dto.personId)} har redan reserverat sig vid § ${paragraph.number}`);
    }
    const closedVotes = record.votes.filter((vote) => vote.paragraphId === id && vote.status === 'closed');
    const announcedAt = dto.announcedAt ? new Date(dto.announcedAt) : this.clock.now();
    const refusal = dissentRefusal({
      serving: paragraphAttendance(record, paragraph).serving.some((seat) => seat.servingPersonId === dto.personId),
      ballots: closedVotes.flatMap((vote) => record.ballots.filter((ballot) => ballot.voteId === vote.id && ballot.personId === dto.personId).map((ballot) => ballot.choice)),
      closedVotes: closedVotes.length,
      announcedAt,
      meetingStartedAt: record.minutes.startedAt,
      meetingEndedAt: record.minutes.endedAt,
    });
    const name = personName(record, dto.personId) || 'Personen';
    switch (refusal) {
      case 'NOT_SERVING':
        throw notServing(record, dto.personId, paragraph, 'reservera sig');
      case 'ABSTAINED':
        throw new ConflictError('ABSTAINED', `${name} avstod från att rösta vid § ${paragraph.number} och deltog inte i beslutet; bara den som deltagit i beslutet kan reservera sig`);
      case 'BEFORE_MEETING':
        throw new InvalidInputError('DISSENT_BEFORE_MEETING', 'En reservation anmäls under sammanträdet, inte före det', [{ field: 'announcedAt', messages: ['before the meeting started'] }]);
      case 'AFTER_MEETING':
        throw new ConflictError(
          'DISSENT_AFTER_MEETING',
          `Sammanträdet avslutades ${swedishDateTime(record.minutes.endedAt)}: en reservation ska anmälas innan sammanträdet avslutas, och därefter kan bara den skriftliga motiveringen lämnas`,
        );
    }
    const dissents = new TenantRepository(ctx, Dissent, 'Reservationen');
    const dissent = await dissents.save(dissents.create({ paragraphId: id, personId: dto.personId, reasons: dto.reasons ?? null, announcedAt }));
    await this.audit.record(ctx, { action: 'add_dissent', entityType: 'Dissent', entityId: dissent.id, after: dissent });
    return this.get(ctx, id);
  }

  /** Written reasons for a dissent, by the member or the secretary, until the time set for justering (and never after verification). */
  async updateDissent(ctx: RequestContext, dissentId: string, dto: UpdateDissentDto): Promise<ParagraphDto> {
    const dissent = await new TenantRepository(ctx, Dissent, 'Reservationen').get(dissentId);
    const paragraph = await this.paragraphs(ctx).get(dissent.paragraphId);
    const minutes = await lockMinutes(ctx, paragraph.minutesId);
    const own = ctx.actor?.personId === dissent.personId;
    if (!own && !ctx.can(Permission.MinutesManage)) throw new ForbiddenError('Bara den som reserverat sig eller sekreteraren kan lämna en skriftlig reservation');
    if (!own) ctx.requireOrganPermission(Permission.MinutesManage, minutes.organId);
    assertDraft(minutes);
    assertParagraphOpen(paragraph);
    // KL 4 kap. 27 §: the written reasons come before the time set for justering.
    if (minutes.verificationAt && this.clock.now().getTime() > minutes.verificationAt.getTime()) {
      throw new ConflictError('DISSENT_REASONS_LATE', `Den skriftliga motiveringen ska lämnas före den tid som bestämts för justeringen, ${swedishDateTime(minutes.verificationAt)}`);
    }
    const before = { ...dissent };
    dissent.reasons = dto.reasons;
    await new TenantRepository(ctx, Dissent, 'Reservationen').save(dissent);
    await this.audit.record(ctx, { action: 'dissent_reasons', entityType: 'Dissent', entityId: dissentId, before, after: dissent });
    return this.get(ctx, paragraph.id);
  }

  async addNote(ctx: RequestContext, id: string, dto: AddMinutesNoteDto): Promise<ParagraphDto> {
    const { record, paragraph } = await this.forWrite(ctx, id);
    if (!dto.chairPermission) {
      throw new InvalidInputError('CHAIR_PERMISSION_REQUIRED', 'En protokollsanteckning förs in bara med ordförandens medgivande', [{ field: 'chairPermission', messages: ['must be true'] }]);
    }
    if (dto.personId && !paragraphAttendance(record, paragraph).present.has(dto.personId)) {
      throw new ConflictError('NOT_PRESENT', `${personName(record, dto.personId) || 'Personen'} är inte närvarande vid § ${paragraph.number}`);
    }
    const notes = new TenantRepository(ctx, MinutesNote, 'Protokollsanteckningen');
    const note = await notes.save(notes.create({ paragraphId: id, personId: dto.personId ?? null, text: dto.text }));
    await this.audit.record(ctx, { action: 'add_note', entityType: 'MinutesNote', entityId: note.id, after: note });
    return this.get(ctx, id);
  }

  /** Who asks for a note and its text, saved as typed; a change made on an older version (a second tab) is refused. */
  async updateNote(ctx: RequestContext, noteId: string, dto: UpdateMinutesNoteDto): Promise<ParagraphDto> {
    const notes = new TenantRepository(ctx, MinutesNote, 'Protokollsanteckningen');
    const found = await notes.get(noteId);
    const { record, paragraph } = await this.forWrite(ctx, found.paragraphId);
    const note = record.notes.find((candidate) => candidate.id === noteId)!;
    if (dto.expectedVersion !== undefined && dto.expectedVersion !== note.version) {
      throw new ConflictError('STALE_NOTE', `Protokollsanteckningen har ändrats sedan du läste den, i en annan flik eller av någon annan; läs in den igen och välj vilken text som ska gälla`, [
        { field: 'expectedVersion', messages: [`the note is at version ${note.version}`] },
      ]);
    }
    if (dto.personId && dto.personId !== note.personId && !paragraphAttendance(record, paragraph).present.has(dto.personId)) {
      throw new ConflictError('NOT_PRESENT', `${personName(record, dto.personId) || 'Personen'} är inte närvarande vid § ${paragraph.number}`);
    }
    const before = { ...note };
    Object.assign(note, { personId: dto.personId !== undefined ? dto.personId : note.personId, text: dto.text ?? note.text });
    await notes.save(note);
    await this.audit.record(ctx, { action: 'update_note', entityType: 'MinutesNote', entityId: noteId, before, after: note });
    return this.get(ctx, paragraph.id);
  }

  async removeNote(ctx: RequestContext, noteId: string): Promise<ParagraphDto> {
    const note = await new TenantRepository(ctx, MinutesNote, 'Protokollsanteckningen').get(noteId);
    await this.forWrite(ctx, note.paragraphId);
    await new TenantRepository(ctx, MinutesNote, 'Protokollsanteckningen').repository.delete({ id: noteId, municipalityId: ctx.municipalityId });
    await this.audit.record(ctx, { action: 'remove_note', entityType: 'MinutesNote', entityId: noteId, before: note });
    return this.get(ctx, note.paragraphId);
  }

  /** Jäv: the member leaves the paragraph; a non-serving substitute present may take the seat for it. */
  async addDisqualification(ctx: RequestContext, id: string, dto: AddDisqualificationDto): Promise<ParagraphDto> {
    const { record, paragraph } = await this.forWrite(ctx, id);
    this.assertUndecided(paragraph);
    const attendance = paragraphAttendance(record, paragraph);
    if (record.disqualifications.some((row) => row.paragraphId === id && row.personId === dto.personId)) {
      throw new ConflictError('DISQUALIFICATION_EXISTS', `${personName(record, dto.personId)} har redan anmält jäv vid § ${paragraph.number}`);
    }
    if (!attendance.serving.some((seat) => seat.servingPersonId === dto.personId)) throw notServing(record, dto.personId, paragraph, 'anmäla jäv');
    if (dto.substitutePersonId) {
      const standing = record.attendees.some(
        (row) => row.personId === dto.substitutePersonId && row.capacity === 'substitute' && (row.fromParagraph ?? -Infinity) <= paragraph.number && paragraph.number <= (row.toParagraph ?? Infinity),
      );
      const alreadyServing = attendance.serving.some((seat) => seat.servingPersonId === dto.substitutePersonId);
      if (!standing || alreadyServing) {
        throw new ConflictError('SUBSTITUTE_UNAVAILABLE', `${personName(record, dto.substitutePersonId) || 'Ersättaren'} är inte närvarande som ej tjänstgörande ersättare vid § ${paragraph.number}`);
      }
    }
    const repo = new TenantRepository(ctx, Disqualification, 'Jävet');
    const row = await repo.save(repo.create({ paragraphId: id, personId: dto.personId, substitutePersonId: dto.substitutePersonId ?? null, reason: dto.reason ?? null }));
    await this.audit.record(ctx, { action: 'add_disqualification', entityType: 'Disqualification', entityId: row.id, after: row });
    return this.get(ctx, id);
  }

  async removeDisqualification(ctx: RequestContext, disqualificationId: string): Promise<ParagraphDto> {
    const row = await new TenantRepository(ctx, Disqualification, 'Jävet').get(disqualificationId);
    const { paragraph } = await this.forWrite(ctx, row.paragraphId);
    this.assertUndecided(paragraph);
    await new TenantRepository(ctx, Disqualification, 'Jävet').repository.delete({ id: disqualificationId, municipalityId: ctx.municipalityId });
    await this.audit.record(ctx, { action: 'remove_disqualification', entityType: 'Disqualification', entityId: disqualificationId, before: row });
    return this.get(ctx, paragraph.id);
  }

  private async forWrite(ctx: RequestContext, paragraphId: string): Promise<ParagraphContext> {
    const found = await this.paragraphs(ctx).get(paragraphId);
    const minutes = await lockDraftForWrite(ctx, found.minutesId);
    const record = await this.reader.read(ctx, minutes);
    const paragraph = record.paragraphs.find((candidate) => candidate.id === paragraphId)!;
    assertParagraphOpen(paragraph);
    return { minutes, record, paragraph };
  }

  /** A motion is moved by a serving member, supported by serving members, and an amendment or addition has its wording. */
  private assertMotionValid(record: MinutesRecord, paragraph: Paragraph, motion: Pick<Motion, 'personId' | 'kind' | 'text' | 'supporterPersonIds'>): void {
    const serving = new Set(paragraphAttendance(record, paragraph).serving.map((seat) => seat.servingPersonId));
    if (!serving.has(motion.personId)) throw notServing(record, motion.personId, paragraph, 'yrka');
    const unserving = motion.supporterPersonIds.find((personId) => !serving.has(personId));
    if (unserving) throw notServing(record, unserving, paragraph, 'instämma i ett yrkande');
    if ((motion.kind === 'amendment' || motion.kind === 'addition') && !motion.text) {
      throw new InvalidInputError('MOTION_TEXT_REQUIRED', 'Ett ändrings- eller tilläggsyrkande måste ha en text', [{ field: 'text', messages: ['text is required for amendments and additions'] }]);
    }
  }

  /** Each ballot from a member serving at the paragraph, each member once. */
  private assertBallotsValid(record: MinutesRecord, paragraph: Paragraph, ballots: { personId: string }[]): void {
    const seen = new Set<string>();
    ballots.forEach((ballot, index) => {
      if (seen.has(ballot.personId)) {
        throw new InvalidInputError('BALLOT_TWICE', `${personName(record, ballot.personId)} förekommer två gånger`, [{ field: `ballots[${index}].personId`, messages: ['one ballot per person'] }]);
      }
      seen.add(ballot.personId);
    });
    const serving = new Set(paragraphAttendance(record, paragraph).serving.map((seat) => seat.servingPersonId));
    const unserving = ballots.find((ballot) => !serving.has(ballot.personId));
    if (unserving) throw notServing(record, unserving.personId, paragraph, 'rösta');
  }

  private assertUndecided(paragraph: Paragraph): void {
    if (paragraph.status === 'decided') throw new ConflictError('PARAGRAPH_DECIDED', `§ ${paragraph.number} är redan beslutad; öppna den igen för att ändra handläggningen`);
  }

  private assertDeciding(record: MinutesRecord): void {
    if (record.minutes.kind === 'notes') throw new ConflictError('NOTES_DO_NOT_DECIDE', 'Minnesanteckningar har inga voteringar, yrkanden eller reservationer: organet fattar inga beslut');
  }

  private assertNoOpenVote(record: MinutesRecord, paragraph: Paragraph): void {
    if (record.votes.some((vote) => vote.paragraphId === paragraph.id && vote.status === 'open')) {
      throw new ConflictError('VOTE_OPEN', `Voteringen vid § ${paragraph.number} pågår; avsluta den först`);
    }
  }

  private assertDescribable(record: MinutesRecord, paragraph: Paragraph, propositions: Proposition[]): void {
    try {
      describeDecisionProcedure({ ...this.presenter.procedureInput(record, paragraph), propositions: propositions.map((proposition) => ({ ...proposition, vote: null })) });
    } catch (error) {
      if (error instanceof DecisionProcedureError) throw new InvalidInputError('PROPOSITION_INVALID', error.message, [{ field: 'alternatives', messages: [error.message] }]);
      throw error;
    }
  }
}
