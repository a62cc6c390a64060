import { Inject, Injectable } from '@nestjs/common';
import {
  AppConfig,
  AuditService,
  Clock,
  ConflictError,
  FILE_STORAGE,
  FileStorage,
  StoredFileStream,
  Municipality,
  NotFoundError,
  OUTBOX_KINDS,
  OutboxService,
  Permission,
  RequestContext,
  TenantRepository,
} from '@namndrum/core';
import { MeetingNoticeView, NoticeItemDocument, renderMeetingNotice, withFinnish } from '@namndrum/documents';
import { MatterSecrecyService, OfficerReportService, readable, secretDocumentName } from '@namndrum/matters';
import { AttendanceRightService, MembershipService, Organ, OrganService, PersonService } from '@namndrum/organisation';
import { DateTime } from 'luxon';
import { MEETING_TIME_ZONE } from './domain/clock-time';
import { noticeItemAsRead, SECRET_DOCUMENTS_NOTE } from './domain/agenda-secrecy';
import { formatGroupMeetingLines } from './domain/group-meetings';
import { dispatchPlan, immediatePlan, noticeDispatchTime } from './domain/notice-schedule';
import { NoticeRecipient, RecipientCandidate, resolveNoticeRecipients } from './domain/notice-recipients';
import { DeliveryQueryDto, DeliveryReportDto, NoticePlanDto } from './dto/notice.dto';
import { AgendaItem, MailDelivery, Meeting, MeetingNotice, NoticeKind } from './entities';
import { AgendaService } from './agenda.service';
import { DelegationReportService } from './delegation-report.service';
import { isDelegationReportItem, reportDocumentBlocks } from './domain/delegation-report';
import { meetingClosed, moveMeetingTo } from './meeting.errors';
import { lockMeeting } from './meeting-lock';

export const dispatchKey = (noticeId: string) => `notice-dispatch:${noticeId}`;
/** Each rendering of a version's handlingar is its own outbox row: the first at finalizing, more when the secretary asks again. */
export const bundleKey = (noticeId: string, generation: number) => `notice-bundle:${noticeId}:${generation}`;

/** What a version's documents show: its items, the full view and, when it holds something secret, the masked one. */
export interface VersionViews {
  meeting: Meeting;
  items: AgendaItem[];
  view: MeetingNoticeView;
  masked: MeetingNoticeView | null;
}

/** A notice version issued, or the notice of a meeting cancelled before it went out. */
export type NoticeEvent = { kind: 'issued'; meeting: Meeting; organ: Organ; notice: MeetingNotice } | { kind: 'withdrawn'; meeting: Meeting };

/** Told of every notice event (a context above announces fullmäktige's meetings on the notice board). */
export type NoticeListener = (ctx: RequestContext, event: NoticeEvent) => Promise<void>;

/** The meeting's calendar date in Sweden, on which the register is read. */
export function meetingDate(meeting: Meeting): string {
  return DateTime.fromJSDate(meeting.startsAt, { zone: MEETING_TIME_ZONE }).toISODate()!;
}

/** "Social- och utbildningsnämndens ledamöter"; an organ whose name is not a definite noun gets "Ledamöter i …". */
export function membersAddressee(organName: string): string {
  return /(en|et|ge|ige)$/.test(organName) ? `${organName}s ledamöter` : `Ledamöter i ${organName}`;
}

/**
 * Kallelser: each finalization renders and stores a new version, scheduled at the organ's deadline in
 * Stockholm time through the outbox. After the notice is out, changes of time or place go out as a
 * revised notice, added items as a supplementary one, a cancellation as a cancellation.
 */
@Injectable()
export class NoticeService {
  private readonly listeners: NoticeListener[] = [];

  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly organs: OrganService,
    private readonly persons: PersonService,
    private readonly memberships: MembershipService,
    private readonly attendanceRights: AttendanceRightService,
    private readonly reports: OfficerReportService,
    private readonly agenda: AgendaService,
    private readonly delegationReport: DelegationReportService,
    private readonly secrecy: MatterSecrecyService,
    @Inject(FILE_STORAGE) private readonly files: FileStorage,
  ) {
    // A finalized notice must show the agenda that will be sent: a change before dispatch renders it again.
    agenda.onAgendaChanged(async (ctx, meeting) => {
      if (meeting.status === 'notice_finalized') await this.refinalize(ctx, meeting);
    });
  }

  onNoticeEvent(listener: NoticeListener): void {
    this.listeners.push(listener);
  }

  private async tell(ctx: RequestContext, event: NoticeEvent): Promise<void> {
    for (const listener of this.listeners) await listener(ctx, event);
  }

  private notices(ctx: RequestContext): TenantRepository<MeetingNotice> {
    return new TenantRepository(ctx, MeetingNotice, 'Kallelsen');
  }

  async list(ctx: RequestContext, meetingId: string): Promise<MeetingNotice[]> {
    await new TenantRepository(ctx, Meeting, 'Sammanträdet').get(meetingId);
    return this.notices(ctx).find({ meetingId }, { order: { version: 'ASC' } });
  }

  get(ctx: RequestContext, id: string): Promise<MeetingNotice> {
    return this.notices(ctx).get(id);
  }

  /** The notice DOCX; a reader without access to one of its secret matters gets the masked version. */
  async docx(ctx: RequestContext, id: string): Promise<{ fileName: string; content: StoredFileStream }> {
    const notice = await this.get(ctx, id);
    if (!notice.fileSha256 || !notice.fileName) throw new NotFoundError('Kallelsens dokument');
    const sha256 = notice.maskedFileSha256 && (await this.readsMasked(ctx, notice)) ? notice.maskedFileSha256 : notice.fileSha256;
    return { fileName: notice.fileName, content: await this.files.openReadStream(sha256) };
  }

  /** Whether the signed-in reader lacks access to one of the version's secret matters, and so reads its masked documents. */
  async readsMasked(ctx: RequestContext, notice: MeetingNotice): Promise<boolean> {
    const items = await new TenantRepository(ctx, AgendaItem, 'Punkten').find({ meetingId: notice.meetingId });
    const matterIds = items.filter((item) => notice.itemIds.includes(item.id)).map((item) => item.matterId);
    const readings = await this.secrecy.readings(ctx, matterIds);
    return !matterIds.every((matterId) => readable(readings, matterId));
  }

  /**
   * The secretary finalizes the notice. Before it is out: a (new) version of the full notice, scheduled
   * at the deadline or, when that has passed, at once and flagged late. After it is out: the items not
   * yet noticed go out at once as a supplementary notice.
   */
  async finalize(ctx: RequestContext, meetingId: string): Promise<MeetingNotice> {
    const now = this.clock.now();
    const meeting = await lockMeeting(ctx, meetingId);
    ctx.requireOrganPermission(Permission.MeetingsManage, meeting.organId);
    const items = await this.agenda.list(ctx, meeting.id);
    if (meeting.status === 'notice_sent') {
      const added = items.filter((item) => item.noticedInVersion === null);
      if (added.length === 0) {
        throw new ConflictError('NOTICE_ALREADY_SENT', 'Kallelsen är redan skickad och inga ärenden har lagts till; ändrad tid eller plats skickas som reviderad kallelse');
      }
      // The calendar event's agenda changed: raise SEQUENCE so calendars take the new version.
      meeting.calendarSequence += 1;
      await ctx.em.save(meeting);
      return this.issue(ctx, meeting, 'supplementary', { items: added, changes: [], now });
    }
    if (meeting.status !== 'planned' && meeting.status !== 'notice_finalized') throw meetingClosed('Att fastställa kallelsen');
    if (!items.some((item) => item.kind !== 'standard')) {
      throw new ConflictError('AGENDA_EMPTY', 'Föredragningslistan har inga ärenden; lägg till ärenden eller informationspunkter innan kallelsen fastställs');
    }
    await this.withdrawScheduled(ctx, meeting);
    if (meeting.status === 'planned') moveMeetingTo(meeting, 'notice_finalized');
    await ctx.em.save(meeting);
    return this.issue(ctx, meeting, 'notice', { items, changes: [], now });
  }

  /**
   * What finalizing the notice now would mean: when it would be sent, and whether the organ's deadline
   * has already passed so that it goes out at once, flagged late. Nothing is stored.
   */
  async plan(ctx: RequestContext, meetingId: string): Promise<NoticePlanDto> {
    const meeting = await new TenantRepository(ctx, Meeting, 'Sammanträdet').get(meetingId);
    ctx.requireOrganPermission(Permission.MeetingsManage, meeting.organId);
    const { noticeLeadDays, noticeSendTime } = (await this.organs.get(ctx, meeting.organId)).rules;
    const plan = dispatchPlan(meeting.startsAt, noticeLeadDays, noticeSendTime, this.clock.now());
    return { deadline: noticeDispatchTime(meeting.startsAt, noticeLeadDays, noticeSendTime), dispatchAt: plan.dispatchAt, sentLate: plan.sentLate, noticeLeadDays, noticeSendTime };
  }

  /**
   * The notice as it would be rendered from the current agenda, for the secretary to read before
   * finalizing: nothing is stored, scheduled or sent. Matters secret to the reader are masked as in the notice itself.
   */
  async preview(ctx: RequestContext, meetingId: string): Promise<{ fileName: string; content: Buffer }> {
    const { meeting, organ, view } = await this.previewView(ctx, meetingId);
    return { fileName: `Förhandsgranskning kallelse ${organ.shortName} ${meetingDate(meeting)}.docx`, content: await renderMeetingNotice(view) };
  }

  /**
   * A notice that went out before Nämndrum (a seed, an import): rendered and kept as version 1 of the
   * record, marked sent at its historical time; nothing is e-mailed now.
   */
  async recordSent(ctx: RequestContext, meetingId: string, at: { finalizedAt: Date; dispatchedAt: Date }): Promise<MeetingNotice> {
    const meeting = await lockMeeting(ctx, meetingId);
    ctx.requireOrganPermission(Permission.MeetingsManage, meeting.organId);
    const items = await this.agenda.list(ctx, meeting.id);
    moveMeetingTo(meeting, 'notice_finalized');
    moveMeetingTo(meeting, 'notice_sent');
    await ctx.em.save(meeting);
    return this.issue(ctx, meeting, 'notice', { items, changes: [], now: at.finalizedAt, sentAt: at.dispatchedAt });
  }

  /** A finalized notice whose meeting changed before it went out: rendered again, as the next version. */
  async refinalize(ctx: RequestContext, meeting: Meeting): Promise<MeetingNotice> {
    await this.withdrawScheduled(ctx, meeting);
    return this.issue(ctx, meeting, 'notice', { items: await this.agenda.list(ctx, meeting.id), changes: [], now: this.clock.now() });
  }

  issueRevised(ctx: RequestContext, meeting: Meeting, changes: string[]): Promise<MeetingNotice> {
    return this.agenda.list(ctx, meeting.id).then((items) => this.issue(ctx, meeting, 'revised', { items, changes, now: this.clock.now() }));
  }

  issueCancellation(ctx: RequestContext, meeting: Meeting, reason: string): Promise<MeetingNotice> {
    return this.issue(ctx, meeting, 'cancellation', { items: [], changes: [`Sammanträdet är inställt: ${reason}`], now: this.clock.now() });
  }

  /** The moment the organ's rules want the meeting's notice out by. */
  async deadline(ctx: RequestContext, meeting: Meeting): Promise<Date> {
    const organ = await this.organs.get(ctx, meeting.organId);
    return noticeDispatchTime(meeting.startsAt, organ.rules.noticeLeadDays, organ.rules.noticeSendTime);
  }

  /** A version not yet sent is superseded: its dispatch is withdrawn from the outbox. */
  async withdrawScheduled(ctx: RequestContext, meeting: Meeting): Promise<void> {
    if (meeting.status === 'cancelled') await this.tell(ctx, { kind: 'withdrawn', meeting });
    const scheduled = await this.notices(ctx).find({ meetingId: meeting.id, status: 'scheduled' });
    if (scheduled.length === 0) return;
    await this.outbox.cancel(ctx, scheduled.map((notice) => dispatchKey(notice.id)));
    for (const notice of scheduled) {
      notice.status = meeting.status === 'cancelled' ? 'withdrawn' : 'superseded';
      await this.notices(ctx).save(notice);
    }
  }

  private async issue(ctx: RequestContext, meeting: Meeting, kind: NoticeKind, options: { items: AgendaItem[]; changes: string[]; now: Date; sentAt?: Date }): Promise<MeetingNotice> {
    const organ = await this.organs.get(ctx, meeting.organId);
    const [last] = await this.notices(ctx).find({ meetingId: meeting.id }, { order: { version: 'DESC' }, take: 1 });
    const version = (last?.version ?? 0) + 1;
    const { noticeLeadDays, noticeSendTime } = organ.rules;
    // Revised and supplementary notices leave at once and are late after the deadline like any other;
    // a cancellation calls no one to a meeting, so no deadline applies to it.
    const plan =
      kind === 'notice'
        ? dispatchPlan(meeting.startsAt, noticeLeadDays, noticeSendTime, options.now)
        : kind === 'cancellation'
          ? { dispatchAt: options.now, sentLate: false }
          : immediatePlan(meeting.startsAt, noticeLeadDays, noticeSendTime, options.now);

    let file: { sha256: string; size: number; name: string } | null = null;
    let maskedFile: { sha256: string; size: number } | null = null;
    if (kind !== 'cancellation') {
      const view = await this.view(ctx, meeting, organ, kind, options.items, options.changes, kind === 'notice' ? options.now : undefined);
      const content = await renderMeetingNotice(view);
      const sha256 = await this.files.put(content);
      file = { sha256, size: content.length, name: this.fileName(organ, meeting, version, kind) };
      const masked = await this.maskedView(ctx, view, options.items);
      if (masked) {
        const maskedContent = await renderMeetingNotice(masked);
        maskedFile = { sha256: await this.files.put(maskedContent), size: maskedContent.length };
      }
    }
    const notice = await this.notices(ctx).save(
      this.notices(ctx).create({
        meetingId: meeting.id,
        version,
        kind,
        status: options.sentAt ? 'dispatched' : 'scheduled',
        calendarSequence: meeting.calendarSequence,
        changes: options.changes,
        itemIds: options.items.map((item) => item.id),
        fileSha256: file?.sha256 ?? null,
        fileSizeBytes: file?.size ?? null,
        fileName: file?.name ?? null,
        maskedFileSha256: maskedFile?.sha256 ?? null,
        maskedFileSizeBytes: maskedFile?.size ?? null,
        finalizedAt: options.now,
        finalizedByUserId: ctx.actorUserId,
        dispatchAt: options.sentAt ?? plan.dispatchAt,
        sentLate: options.sentAt ? options.sentAt.getTime() > noticeDispatchTime(meeting.startsAt, organ.rules.noticeLeadDays, organ.rules.noticeSendTime).getTime() : plan.sentLate,
        dispatchedAt: options.sentAt ?? null,
        recipientCount: null,
        // The dispatch waits for the handlingar PDF; a cancellation has none.
        bundleStatus: kind === 'cancellation' ? 'none' : 'pending',
      }),
    );
    if (kind !== 'cancellation') {
      await this.outbox.schedule(ctx, [{ kind: OUTBOX_KINDS.noticeBundle, idempotencyKey: bundleKey(notice.id, 0), runAt: this.clock.now(), payload: { noticeId: notice.id } }]);
    }
    const unnoticed = options.items.filter((item) => item.noticedInVersion === null).map((item) => item.id);
    if (unnoticed.length > 0) {
      await ctx.em.query(`UPDATE agenda_items SET noticed_in_version = $1, updated_at = now() WHERE id = ANY($2)`, [version, unnoticed]);
    }
    await this.tell(ctx, { kind: 'issued', meeting, organ, notice });
    if (options.sentAt) {
      await this.audit.record(ctx, { action: 'notice_recorded_as_sent', entityType: 'MeetingNotice', entityId: notice.id, after: notice });
      return notice;
    }
    await this.outbox.schedule(ctx, [{ kind: OUTBOX_KINDS.noticeDispatch, idempotencyKey: dispatchKey(notice.id), runAt: plan.dispatchAt, payload: { noticeId: notice.id } }]);
    await this.audit.record(ctx, { action: `notice_${kind}`, entityType: 'MeetingNotice', entityId: notice.id, after: notice });
    if (plan.sentLate) {
      await this.audit.record(ctx, {
        action: 'notice_sent_late',
        entityType: 'MeetingNotice',
        entityId: notice.id,
        after: { meetingId: meeting.id, version, dispatchAt: plan.dispatchAt, leadDays: organ.rules.noticeLeadDays, sendTime: organ.rules.noticeSendTime },
      });
    }
    return notice;
  }

  private fileName(organ: Organ, meeting: Meeting, version: number, kind: NoticeKind): string {
    const label = { notice: 'Kallelse', revised: 'Reviderad kallelse', supplementary: 'Tilläggskallelse', cancellation: 'Inställt' }[kind];
    return `${label} ${organ.shortName} ${meetingDate(meeting)} v${version}.docx`;
  }

  /** Everything the DOCX shows, resolved to text. */
  async view(ctx: RequestContext, meeting: Meeting, organ: Organ, kind: Exclude<NoticeKind, 'cancellation'>, items: AgendaItem[], changes: string[], noticeFinalizedAt?: Date): Promise<MeetingNoticeView> {
    const municipality = await ctx.em.getRepository(Municipality).findOneByOrFail({ id: ctx.municipalityId });
    const composition = await this.memberships.composition(ctx, organ.id, meetingDate(meeting));
    const chair = composition.members.find((seat) => seat.position === 'chair');
    const secretary = meeting.secretaryPersonId ? await this.persons.get(ctx, meeting.secretaryPersonId) : null;
    return {
      kind,
      municipalityName: municipality.name,
      organName: organ.name,
      languages: organ.rules.languages,
      addressees: [membersAddressee(organ.name), 'Ersättare för kännedom'],
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt.toISOString(),
      groupMeetingLines: formatGroupMeetingLines(meeting.groupMeetings),
      place: meeting.place,
      changes,
      items: await Promise.all(
        items.map(async (item) => ({
          number: item.position,
          title: item.title,
          titleFi: item.titleFi,
          caseNumber: item.caseNumber,
          documentsLater: item.documentsLater,
          closed: organ.rules.openMeetings && !item.public,
          documents: item.documentsLater ? [] : await this.itemDocuments(ctx, item, municipality.name, meeting, withFinnish(organ.rules.languages), noticeFinalizedAt),
        })),
      ),
      chair: chair ? { name: `${chair.person.firstName} ${chair.person.lastName}` } : null,
      secretary: secretary ? { name: `${secretary.firstName} ${secretary.lastName}`, title: secretary.title ?? 'Nämndsekreterare', email: secretary.email, phone: secretary.phone } : null,
    };
  }

  /**
   * The notice as recipients and readers without access get it (attendance rights, the organ's extra
   * recipients, other users): each secret matter by its case number and masked title. Null when the
   * notice holds nothing secret.
   */
  async maskedView(ctx: RequestContext, view: MeetingNoticeView, items: AgendaItem[]): Promise<MeetingNoticeView | null> {
    const readings = await this.secrecy.readings(ctx, items.map((item) => item.matterId), this.secrecy.publicAccess);
    if (items.every((item) => readable(readings, item.matterId))) return null;
    return { ...view, items: view.items.map((shown, index) => noticeItemAsRead(shown, readings.get(items[index].matterId ?? ''))) };
  }

  /** What a version's handlingar show, as they were finalized: its items, its changes, and the masked view for readers without access. */
  async versionViews(ctx: RequestContext, notice: MeetingNotice): Promise<VersionViews> {
    if (notice.kind === 'cancellation') throw new Error('A cancellation has no handlingar');
    const meeting = await new TenantRepository(ctx, Meeting, 'Sammanträdet').get(notice.meetingId);
    const organ = await this.organs.get(ctx, meeting.organId);
    const items = (await this.agenda.list(ctx, meeting.id)).filter((item) => notice.itemIds.includes(item.id));
    const view = await this.view(ctx, meeting, organ, notice.kind, items, notice.changes, notice.kind === 'notice' ? notice.finalizedAt : undefined);
    return { meeting, items, view, masked: await this.maskedView(ctx, view, items) };
  }

  /** The view of the agenda as it stands, for the preview before finalizing, masked as the reader may see it. */
  async previewView(ctx: RequestContext, meetingId: string): Promise<{ meeting: Meeting; organ: Organ; view: MeetingNoticeView }> {
    const meeting = await new TenantRepository(ctx, Meeting, 'Sammanträdet').get(meetingId);
    ctx.requireOrganPermission(Permission.MeetingsManage, meeting.organId);
    if (meeting.status === 'cancelled') throw meetingClosed('Att förhandsgranska kallelsen');
    const organ = await this.organs.get(ctx, meeting.organId);
    const items = await this.agenda.list(ctx, meeting.id);
    const view = await this.view(ctx, meeting, organ, 'notice', items, [], this.clock.now());
    const readings = await this.secrecy.readings(ctx, items.map((item) => item.matterId));
    return { meeting, organ, view: { ...view, items: view.items.map((shown, index) => noticeItemAsRead(shown, readings.get(items[index].matterId ?? ''))) } };
  }

  /** The tjänsteskrivelse and its bilagor; secret ones are named but never laid into a notice that is e-mailed. */
  private async itemDocuments(ctx: RequestContext, item: AgendaItem, municipalityName: string, meeting: Meeting, finnish: boolean, noticeFinalizedAt?: Date): Promise<NoticeItemDocument[]> {
    if (isDelegationReportItem(item)) {
      // The notice reaches people without access to secret matters: their decisions are listed without text.
      const lines = await this.delegationReport.lines(ctx, meeting, 'public', noticeFinalizedAt);
      return [{ kind: 'text', document: { municipalityName, title: item.title, blocks: reportDocumentBlocks(lines, finnish) } }];
    }
    if (!item.officerReportId) return [];
    const { view, attachments, secret } = await this.reports.agendaView(ctx, item.officerReportId);
    // A notice is e-mailed widely (substitutes, attendance rights, associations) and readable by every user.
    if (secret) return [{ kind: 'file', title: SECRET_DOCUMENTS_NOTE, fileName: item.caseNumber ?? '' }];
    return [
      { kind: 'officer_report', report: view },
      ...attachments.map((document): NoticeItemDocument => {
        if (document.secret) return { kind: 'file', title: `${secretDocumentName(document)} – delges separat`, fileName: document.documentNumber };
        // Laid into the handlingar PDF as it is (a PDF) or converted by the engine.
        return { kind: 'stored', title: document.title ?? document.description, fileName: document.fileName, mediaType: document.mediaType, sha256: document.sha256, documentId: document.id };
      }),
    ];
  }

  /** Who gets the notice, read from the register on the meeting date. */
  async recipients(ctx: RequestContext, meeting: Meeting): Promise<NoticeRecipient[]> {
    const organ = await this.organs.get(ctx, meeting.organId);
    const date = meetingDate(meeting);
    const composition = await this.memberships.composition(ctx, organ.id, date);
    const rights = await this.attendanceRights.activeOn(ctx, organ.id, date);
    const name = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;
    const candidates: RecipientCandidate[] = [
      ...composition.members.map((seat) => ({ personId: seat.person.id, name: name(seat.person), email: seat.person.email ?? null, role: 'member' as const })),
      ...composition.substitutes.map((seat) => ({ personId: seat.person.id, name: name(seat.person), email: seat.person.email ?? null, role: 'substitute' as const })),
      ...rights.filter((right) => right.person).map((right) => ({ personId: right.person!.id, name: name(right.person!), email: right.person!.email ?? null, role: 'attendance_right' as const })),
      ...organ.rules.noticeExtraRecipients.map((extra) => ({ personId: null, name: extra.name, email: extra.email, role: 'extra' as const })),
    ];
    return resolveNoticeRecipients(candidates);
  }

  /** Who has and has not received a notice version. */
  async deliveryReport(ctx: RequestContext, noticeId: string, query: DeliveryQueryDto): Promise<DeliveryReportDto> {
    const notice = await this.get(ctx, noticeId);
    const meeting = await new TenantRepository(ctx, Meeting, 'Sammanträdet').get(notice.meetingId);
    ctx.requireOrganPermission(Permission.MeetingsManage, meeting.organId);
    // One statement, so the counts and the rows are read at the same moment: the meeting page stops
    // asking once no row is queued, and counts read apart from the rows could leave it saying one is.
    const all = await new TenantRepository(ctx, MailDelivery, 'Utskicket')
      .query('d')
      .andWhere('d.notice_id = :noticeId', { noticeId: notice.id })
      .orderBy(`CASE d.status WHEN 'failed' THEN 0 WHEN 'no_address' THEN 1 WHEN 'queued' THEN 2 ELSE 3 END`)
      .addOrderBy('d.recipient_name')
      .getMany();
    const count = (status: string) => all.filter((delivery) => delivery.status === status).length;
    const deliveries = query.status ? all.filter((delivery) => delivery.status === query.status) : all;
    return { noticeId: notice.id, version: notice.version, sentLate: notice.sentLate, bundleStatus: notice.bundleStatus, bundleError: notice.bundleError, counts: { queued: count('queued'), sent: count('sent'), failed: count('failed'), noAddress: count('no_address') }, deliveries };
  }

  mailDomain(): string {
    return new URL(this.config.PUBLIC_BASE_URL).hostname;
  }
}
