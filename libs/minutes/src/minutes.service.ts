import { Injectable } from '@nestjs/common';
import { AuditService, Clock, ConflictError, InvalidInputError, Municipality, Page, Permission, RequestContext, swedishDate, TenantRepository } from '@namndrum/core';
import { DelegatedDecisionService, MatterSecrecyService, OfficerReportService, ReportLine } from '@namndrum/matters';
import { AbsenceService, AgendaItem, AgendaService, DelegationReportService, isDelegationReportItem, Meeting, meetingDate, MeetingService, reportReceivedDecision } from '@namndrum/meetings';
import { organNoun, type OrganKind } from '@namndrum/organisation';
import { DateTime } from 'luxon';
import { attendanceProblems, isVerifiersItem, paragraphAsRead, verificationDeadline, verifiersDecision } from './domain';
import { MinutesDto, MinutesQueryDto, SetAttendanceDto, UpdateMinutesDto } from './dto/minutes.dto';
import { Minutes, MinutesAttendee, openParagraph, Paragraph } from './entities';
import { lockDraftForWrite, MinutesReader, MinutesRecord, personName, swedishGenitive } from './minutes-record';
import { MinutesPresenter } from './minutes.presenter';
import { VerificationService } from './verification.service';

/**
 * Paragraph numbers run per organ per calendar year in meeting order, so minutes are numbered one
 * meeting at a time: the lock serialises numbering for one organ and year, and minutes of an earlier
 * meeting cannot be opened (nor get paragraphs) once a later meeting of the year has minutes.
 */
export async function lockNumbering(ctx: RequestContext, organId: string, year: number, meeting: Pick<Meeting, 'id' | 'startsAt'>): Promise<number> {
  await ctx.em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`minutes-paragraphs:${organId}:${year}`]);
  const [later]: { meeting_date: string }[] = await ctx.em.query(
    `SELECT m.meeting_date::text FROM minutes m JOIN meetings mt ON mt.id = m.meeting_id
      WHERE m.municipality_id = $1 AND m.organ_id = $2 AND m.year = $3 AND mt.starts_at > $4 AND mt.id <> $5 LIMIT 1`,
    [ctx.municipalityId, organId, year, meeting.startsAt, meeting.id],
  );
  if (later) {
    throw new ConflictError('LATER_MINUTES_EXIST', `Protokollet från sammanträdet ${later.meeting_date} finns redan; paragraferna numreras i sammanträdesordning och kan inte läggas före dess`);
  }
  const [{ last }]: { last: number | null }[] = await ctx.em.query(`SELECT max(number) AS last FROM minutes_paragraphs WHERE municipality_id = $1 AND organ_id = $2 AND year = $3`, [
    ctx.municipalityId,
    organId,
    year,
  ]);
  return last ?? 0;
}

@Injectable()
export class MinutesService {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly meetings: MeetingService,
    private readonly agenda: AgendaService,
    private readonly absences: AbsenceService,
    private readonly reports: OfficerReportService,
    private readonly reader: MinutesReader,
    private readonly presenter: MinutesPresenter,
    private readonly verification: VerificationService,
    private readonly delegationReport: DelegationReportService,
    private readonly delegatedDecisions: DelegatedDecisionService,
    private readonly secrecy: MatterSecrecyService,
  ) {}

  private repo(ctx: RequestContext): TenantRepository<Minutes> {
    return new TenantRepository(ctx, Minutes, 'Protokollet');
  }

  async list(ctx: RequestContext, query: MinutesQueryDto): Promise<Page<ReturnType<MinutesPresenter['summary']>>> {
    const qb = this.repo(ctx).query('m').orderBy('m.meeting_date', 'DESC').addOrderBy('m.id');
    if (query.organId) qb.andWhere('m.organ_id = :organId', { organId: query.organId });
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (query.overdue === 'true') qb.andWhere(`m.kind = 'minutes' AND m.status = 'draft' AND m.verification_deadline < :today`, { today: swedishDate(this.clock.now()) });
    const page = await this.repo(ctx).paginate(qb, query);
    const ranges = await this.paragraphRanges(ctx, page.items.map((minutes) => minutes.id));
    return { ...page, items: page.items.map((minutes) => this.presenter.summary(minutes, ranges.get(minutes.id) ?? [])) };
  }

  /** The minutes as the reader may see them: a paragraph whose matter is secret to them is masked. */
  async get(ctx: RequestContext, id: string): Promise<MinutesDto> {
    const record = await this.record(ctx, id);
    const shown = this.presenter.minutes(record);
    const readings = await this.secrecy.readings(ctx, record.paragraphs.map((paragraph) => paragraph.matterId));
    return { ...shown, paragraphs: shown.paragraphs.map((paragraph) => paragraphAsRead(paragraph, readings.get(paragraph.matterId ?? ''))) };
  }

  async getForMeeting(ctx: RequestContext, meetingId: string): Promise<MinutesDto> {
    const minutes = await this.repo(ctx).find({ meetingId });
    if (minutes.length === 0) await this.meetings.get(ctx, meetingId);
    if (minutes.length === 0) throw new ConflictError('MINUTES_MISSING', 'Sammanträdet har inget protokoll än');
    return this.get(ctx, minutes[0].id);
  }

  async record(ctx: RequestContext, id: string): Promise<MinutesRecord> {
    return this.reader.read(ctx, await this.repo(ctx).get(id));
  }

  /**
   * Opens the minutes of a held meeting: one paragraph per agenda item, numbered on from the organ's
   * last paragraph of the year, each with the item's matter and proposal; the attendance as expected
   * from the absences and substitute calls; the chair, the verification deadline and the storage place.
   */
  async create(ctx: RequestContext, meetingId: string): Promise<MinutesDto> {
    const meeting = await this.meetings.get(ctx, meetingId);
    ctx.requireOrganPermission(Permission.MinutesManage, meeting.organId);
    if (meeting.status !== 'held') {
      throw new ConflictError('MEETING_NOT_HELD', 'Protokoll kan bara upprättas för ett genomfört sammanträde; markera sammanträdet som genomfört först');
    }
    if ((await this.repo(ctx).find({ meetingId })).length > 0) throw new ConflictError('MINUTES_EXIST', 'Sammanträdet har redan ett protokoll');
    const organ = await this.reader.organ(ctx, meeting.organId);
    const date = meetingDate(meeting);
    const year = DateTime.fromISO(date).year;
    const last = await lockNumbering(ctx, organ.id, year, meeting);
    const expected = await this.absences.expectedAttendance(ctx, meetingId);
    const items = await this.agenda.listForMeeting(ctx, meetingId);
    // A matter on the agenda holding personal data marks the minutes: they are then published only where the organ's rules allow it.
    const personalData = await this.secrecy.personalDataIds(ctx, items.map((item) => item.matterId));
    const present = (position: string) => expected.members.find((seat) => seat.position === position && !seat.absent)?.member.personId ?? null;
    const minutes = await this.repo(ctx).save(
      this.repo(ctx).create({
        meetingId,
        organId: organ.id,
        kind: organ.rules.recordKind === 'notes' || organ.rules.verification === 'none' ? 'notes' : 'minutes',
        status: 'draft',
        year,
        meetingDate: date,
        place: meeting.place,
        startedAt: meeting.startsAt,
        endedAt: meeting.endsAt,
        adjournments: [],
        chairPersonId: present('chair') ?? present('first_vice_chair') ?? present('second_vice_chair'),
        secretaryPersonId: meeting.secretaryPersonId,
        verifierPersonIds: [],
        verificationPlace: null,
        verificationAt: null,
        verificationDeadline: verificationDeadline(date),
        storagePlace: await this.reader.defaultStoragePlace(ctx, organ),
        containsPersonalData: personalData.size > 0,
        contentSha256: null,
        lockedAt: null,
        fileSha256: null,
      }),
    );
    const attendees = new TenantRepository(ctx, MinutesAttendee, 'Närvaron');
    const rows: Partial<MinutesAttendee>[] = [];
    for (const seat of expected.members) {
      if (!seat.absent) rows.push({ personId: seat.member.personId, name: seat.member.name, party: seat.member.party, capacity: 'member' });
      else if (seat.servingSubstitute) {
        rows.push({ personId: seat.servingSubstitute.personId, name: seat.servingSubstitute.name, party: seat.servingSubstitute.party, capacity: 'serving_substitute', replacesPersonId: seat.member.personId });
      }
    }
    if (meeting.secretaryPersonId) {
      const secretary = (await this.reader.people(ctx, [meeting.secretaryPersonId])).get(meeting.secretaryPersonId);
      if (secretary) rows.push({ personId: secretary.id, name: `${secretary.firstName} ${secretary.lastName}`, title: secretary.title ?? 'Sekreterare', capacity: 'official' });
    }
    await attendees.repository.save(
      rows.map((row, index) => attendees.create({ minutesId: minutes.id, position: index + 1, party: null, title: null, replacesPersonId: null, fromParagraph: null, toParagraph: null, ...row } as MinutesAttendee)),
    );
    const paragraphs = new TenantRepository(ctx, Paragraph, 'Paragrafen');
    // The minutes report what the notice listed (never a secret matter's decision text: the minutes become public).
    const reported = items.some(isDelegationReportItem) ? await this.delegationReport.lines(ctx, meeting, 'public') : [];
    const drafted = await Promise.all(
      items.map((item) => (isDelegationReportItem(item) ? this.delegationReportParagraph(item, organ.kind, reported) : this.paragraphFromItem(ctx, item, personalData))),
    );
    const saved = await paragraphs.repository.save(
      drafted.map((values, index) => paragraphs.create({ ...values, minutesId: minutes.id, organId: organ.id, year, number: last + index + 1, position: index + 1 })),
    );
    const reportParagraph = saved.find((paragraph) => items.some((item) => item.id === paragraph.agendaItemId && isDelegationReportItem(item)));
    if (reportParagraph) {
      await this.delegatedDecisions.takeUpInMinutes(ctx, reported.map((line) => line.id), meetingId, { id: reportParagraph.id, label: `§ ${reportParagraph.number}` });
    }
    await this.verification.scheduleReminder(ctx, minutes);
    await this.audit.record(ctx, { action: 'create', entityType: 'Minutes', entityId: minutes.id, after: { ...minutes, paragraphs: drafted.length } });
    return this.get(ctx, minutes.id);
  }

  async update(ctx: RequestContext, id: string, dto: UpdateMinutesDto): Promise<MinutesDto> {
    const minutes = await lockDraftForWrite(ctx, id);
    const before = { ...minutes };
    const record = await this.reader.read(ctx, minutes);
    const startedAt = dto.startedAt ? new Date(dto.startedAt) : minutes.startedAt;
    const endedAt = dto.endedAt ? new Date(dto.endedAt) : minutes.endedAt;
    if (endedAt.getTime() <= startedAt.getTime()) {
      throw new InvalidInputError('MINUTES_ENDS_BEFORE_START', 'Sammanträdet måste sluta efter att det har börjat', [{ field: 'endedAt', messages: ['endedAt must be after startedAt'] }]);
    }
    const lastDissent = Math.max(...record.dissents.map((dissent) => dissent.announcedAt.getTime()));
    if (endedAt.getTime() < lastDissent) {
      throw new InvalidInputError('MINUTES_ENDS_BEFORE_DISSENT', 'En reservation anmäldes efter den tiden: sammanträdet kan inte ha avslutats före den', [
        { field: 'endedAt', messages: ['endedAt must not be before a recorded reservation'] },
      ]);
    }
    for (const [index, adjournment] of (dto.adjournments ?? []).entries()) {
      if (adjournment.to <= adjournment.from) {
        throw new InvalidInputError('ADJOURNMENT_INVALID', 'En ajournering måste sluta efter att den har börjat', [{ field: `adjournments[${index}].to`, messages: ['to must be after from'] }]);
      }
    }
    const serving = new Set(record.attendees.filter((row) => row.capacity === 'member' || row.capacity === 'serving_substitute').map((row) => row.personId));
    if (dto.chairPersonId !== undefined && !serving.has(dto.chairPersonId)) {
      throw new InvalidInputError('CHAIR_NOT_SERVING', 'Ordföranden måste vara beslutande vid sammanträdet', [{ field: 'chairPersonId', messages: ['not a serving member at the meeting'] }]);
    }
    if (dto.verifierPersonIds !== undefined) this.assertVerifiers(record, dto.verifierPersonIds, dto.chairPersonId ?? minutes.chairPersonId);
    Object.assign(minutes, {
      startedAt,
      endedAt,
      adjournments: dto.adjournments ?? minutes.adjournments,
      chairPersonId: dto.chairPersonId ?? minutes.chairPersonId,
      verifierPersonIds: dto.verifierPersonIds ?? minutes.verifierPersonIds,
      verificationPlace: dto.verificationPlace ?? minutes.verificationPlace,
      verificationAt: dto.verificationAt ? new Date(dto.verificationAt) : minutes.verificationAt,
      storagePlace: dto.storagePlace ?? minutes.storagePlace,
      containsPersonalData: dto.containsPersonalData ?? minutes.containsPersonalData,
    });
    const saved = await this.repo(ctx).save(minutes);
    await this.audit.record(ctx, { action: 'update', entityType: 'Minutes', entityId: id, before, after: saved });
    if (dto.verifierPersonIds !== undefined) await this.draftVerifiersDecision(ctx, record, before.verifierPersonIds, saved.verifierPersonIds);
    return this.get(ctx, id);
  }

  /**
   * "Val av justerande" decides who verifies: its decision is drafted from the verifiers chosen, while
   * the paragraph is open and its decision is empty or still the draft for the verifiers chosen before.
   * A decision the secretary wrote is left as written.
   */
  private async draftVerifiersDecision(ctx: RequestContext, record: MinutesRecord, previous: string[], chosen: string[]): Promise<void> {
    const noun = organNoun(record.organ.kind);
    const draftFor = (personIds: string[]) => verifiersDecision(noun, personIds.map((personId) => personName(record, personId)));
    const earlierDraft = JSON.stringify(draftFor(previous));
    const paragraphs = new TenantRepository(ctx, Paragraph, 'Paragrafen');
    for (const paragraph of record.paragraphs.filter((candidate) => isVerifiersItem(candidate.title) && !candidate.extraMatter && candidate.status === 'open')) {
      if (paragraph.decision.length > 0 && JSON.stringify(paragraph.decision) !== earlierDraft) continue;
      const before = { ...paragraph };
      paragraph.decision = draftFor(chosen);
      await paragraphs.save(paragraph);
      await this.audit.record(ctx, { action: 'draft_verifiers_decision', entityType: 'Paragraph', entityId: paragraph.id, before, after: paragraph });
    }
  }

  /** Replaces the attendance: who was there, in which capacity, from and to which paragraph. Checked as a whole. */
  async setAttendance(ctx: RequestContext, id: string, dto: SetAttendanceDto): Promise<MinutesDto> {
    const minutes = await lockDraftForWrite(ctx, id);
    const record = await this.reader.read(ctx, minutes);
    const decided = record.paragraphs.filter((paragraph) => paragraph.status === 'decided').map((paragraph) => paragraph.number);
    const changesDecided = this.attendanceChangesAt(record, dto, decided);
    if (changesDecided.length > 0) {
      throw new ConflictError('ATTENDANCE_OF_DECIDED', `Närvaron vid redan beslutade paragrafer (§ ${changesDecided.join(', ')}) kan inte ändras; öppna paragrafen igen först`);
    }
    const numbers = record.paragraphs.map((paragraph) => paragraph.number);
    const personIds = [...new Set(dto.attendees.flatMap((row) => [row.personId, row.replacesPersonId]).filter((value): value is string => !!value))];
    const known = await this.reader.people(ctx, personIds);
    const missing = dto.attendees.findIndex((row) => row.personId && !known.has(row.personId));
    if (missing >= 0) throw new InvalidInputError('PERSON_UNKNOWN', 'Personen finns inte i registret', [{ field: `attendees[${missing}].personId`, messages: ['unknown person'] }]);
    const spans = dto.attendees.map((row) => ({
      personId: row.personId ?? null,
      capacity: row.capacity,
      replacesPersonId: row.replacesPersonId ?? null,
      fromParagraph: row.fromParagraph ?? null,
      toParagraph: row.toParagraph ?? null,
    }));
    const nameOf = (personId: string) => {
      const person = known.get(personId);
      return person ? `${person.firstName} ${person.lastName}` : personId;
    };
    const problems = attendanceProblems(
      spans,
      { members: new Set(record.members.map((seat) => seat.person.id)), substitutes: new Set(record.substitutes.map((seat) => seat.person.id)) },
      { first: Math.min(...numbers), last: Math.max(...numbers) },
      nameOf,
    );
    if (problems.length > 0) throw new InvalidInputError('ATTENDANCE_INVALID', problems[0].message, problems.map((problem) => ({ field: problem.field, messages: [problem.message] })));
    const attendees = new TenantRepository(ctx, MinutesAttendee, 'Närvaron');
    const before = record.attendees;
    await attendees.repository.delete({ minutesId: id, municipalityId: ctx.municipalityId });
    await attendees.repository.save(
      dto.attendees.map((row, index) => {
        const person = row.personId ? known.get(row.personId) : undefined;
        const seat = [...record.members, ...record.substitutes].find((holder) => holder.person.id === row.personId);
        return attendees.create({
          minutesId: id,
          position: index + 1,
          personId: row.personId ?? null,
          name: person ? `${person.firstName} ${person.lastName}` : row.name!,
          party: seat?.party ?? person?.party ?? null,
          title: row.title ?? person?.title ?? null,
          capacity: row.capacity,
          replacesPersonId: row.replacesPersonId ?? null,
          fromParagraph: row.fromParagraph ?? null,
          toParagraph: row.toParagraph ?? null,
        });
      }),
    );
    await this.audit.record(ctx, { action: 'set_attendance', entityType: 'Minutes', entityId: id, before: { attendees: before }, after: { attendees: dto.attendees } });
    return this.get(ctx, id);
  }

  /** The § numbers among those given where the dto would change who is present, or in which capacity. */
  private attendanceChangesAt(record: MinutesRecord, dto: SetAttendanceDto, numbers: number[]): number[] {
    type Row = { personId?: string | null; name?: string | null; capacity: string; replacesPersonId?: string | null; fromParagraph?: number | null; toParagraph?: number | null };
    const presence = (rows: Row[], number: number) =>
      rows
        .filter((row) => (row.fromParagraph ?? -Infinity) <= number && number <= (row.toParagraph ?? Infinity))
        .map((row) => `${row.personId ?? row.name ?? ''}|${row.capacity}|${row.replacesPersonId ?? ''}`)
        .sort()
        .join(',');
    return numbers.filter((number) => presence(record.attendees, number) !== presence(dto.attendees, number));
  }

  private assertVerifiers(record: MinutesRecord, verifierIds: string[], chairId: string | null): void {
    const wanted = record.organ.rules.verification === 'chair_and_verifiers' ? record.organ.rules.verifierCount : 0;
    if (wanted === 0 && verifierIds.length > 0) {
      throw new InvalidInputError('NO_VERIFIERS', `${swedishGenitive(record.organ.name)} protokoll justeras enligt reglementet utan utsedda justerare`, [{ field: 'verifierPersonIds', messages: ['the organ chooses no verifiers'] }]);
    }
    if (verifierIds.length !== wanted) {
      throw new InvalidInputError('VERIFIER_COUNT', `${record.organ.name} ska utse ${wanted === 1 ? 'en justerare' : `${wanted} justerare`}`, [
        { field: 'verifierPersonIds', messages: [`exactly ${wanted} verifiers`] },
      ]);
    }
    const serving = new Set(record.attendees.filter((row) => row.capacity === 'member' || row.capacity === 'serving_substitute').map((row) => row.personId));
    verifierIds.forEach((personId, index) => {
      if (!serving.has(personId)) {
        throw new InvalidInputError('VERIFIER_NOT_SERVING', 'En justerare måste vara beslutande vid sammanträdet', [{ field: `verifierPersonIds[${index}]`, messages: ['not a serving member at the meeting'] }]);
      }
      if (personId === chairId) {
        throw new InvalidInputError('VERIFIER_IS_CHAIR', 'Ordföranden justerar redan; utse en annan ledamot att justera', [{ field: `verifierPersonIds[${index}]`, messages: ['the chair cannot also be a verifier'] }]);
      }
    });
    if (new Set(verifierIds).size !== verifierIds.length) {
      throw new InvalidInputError('VERIFIER_TWICE', 'Samma person kan inte utses att justera två gånger', [{ field: 'verifierPersonIds', messages: ['duplicate verifier'] }]);
    }
  }

  /** "Anmälan av delegationsbeslut": the decisions reported, and the organ's proposal to take note of them. */
  private delegationReportParagraph(item: AgendaItem, organKind: OrganKind, reported: ReportLine[]): Partial<Paragraph> {
    return {
      ...openParagraph({ agendaItemId: item.id, title: item.title, matterId: null, caseNumber: null, proposal: [reportReceivedDecision(organKind)], extraMatter: item.addedAfterNotice }),
      reportedDecisions: reported.map(({ id, kind, decidedOn, delegationPoint, delegateName, delegateTitle, decisionText, caseNumber, masked }) => ({
        id,
        kind,
        decidedOn,
        delegationPoint,
        delegateName,
        delegateTitle,
        decisionText,
        caseNumber,
        masked,
      })),
    };
  }

  private async paragraphFromItem(ctx: RequestContext, item: AgendaItem, personalData: Set<string>): Promise<Partial<Paragraph>> {
    const base: Partial<Paragraph> = {
      ...openParagraph({ agendaItemId: item.id, title: item.title, matterId: item.matterId, caseNumber: item.caseNumber, proposal: item.proposal, extraMatter: item.addedAfterNotice }),
      proposalLabel: item.officerReportId ? 'förvaltningens förslag' : 'förslaget',
      titleFi: item.titleFi,
      // A matter holding personal data is left out of the published minutes unless the secretary decides otherwise.
      notPublished: item.matterId !== null && personalData.has(item.matterId),
    };
    if (item.preparedInItemId) {
      const prepared = await new TenantRepository(ctx, Paragraph, 'Paragrafen').find({ agendaItemId: item.preparedInItemId });
      const preparing = prepared[0] ? await new TenantRepository(ctx, Minutes, 'Protokollet').get(prepared[0].minutesId) : null;
      const organ = preparing ? await this.reader.organ(ctx, preparing.organId) : null;
      base.proposalLabel = 'utskottets förslag';
      base.preparedIn = prepared[0] && organ ? `${organ.shortName} § ${prepared[0].number}` : null;
    }
    if (item.officerReportId) {
      const { view, secret } = await this.reports.agendaView(ctx, item.officerReportId);
      // A secret matter's paragraph stays out of the published minutes unless the secretary decides otherwise.
      base.notPublished = secret || base.notPublished;
      base.description = view.summary;
      base.decisionBasis = [`Tjänsteskrivelse ${view.date}`, ...(secret ? [] : view.attachments)];
      base.distribution = view.decisionRecipients.map((name) => ({ name, email: null }));
    }
    return base;
  }

  private async paragraphRanges(ctx: RequestContext, minutesIds: string[]): Promise<Map<string, number[]>> {
    if (minutesIds.length === 0) return new Map();
    const rows: { minutes_id: string; number: number }[] = await ctx.em.query(`SELECT minutes_id, number FROM minutes_paragraphs WHERE municipality_id = $1 AND minutes_id = ANY($2)`, [
      ctx.municipalityId,
      minutesIds,
    ]);
    const ranges = new Map<string, number[]>();
    for (const row of rows) ranges.set(row.minutes_id, [...(ranges.get(row.minutes_id) ?? []), row.number]);
    return ranges;
  }
}

