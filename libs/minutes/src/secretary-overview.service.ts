import { Injectable } from '@nestjs/common';
import { Clock, RequestContext, secretaryOrgans, swedishDate, TenantRepository } from '@namndrum/core';
import { MatterSecrecyService } from '@namndrum/matters';
import { AgendaItem, Meeting, MeetingNotice, noticeDispatchTime } from '@namndrum/meetings';
import { Organ } from '@namndrum/organisation';
import { In } from 'typeorm';
import { ComingMeetingDto, MeetingAwaitingMinutesDto, OrganOverviewDto, OverviewNoticeDto, PostingUpDto, SecretaryOverviewDto, WaitingMatterDto } from './dto/secretary-overview.dto';
import { Minutes, Posting } from './entities';
import { MinutesPresenter } from './minutes.presenter';

/** The start page shows the next few meetings of each organ; the meeting plan shows the rest. */
export const COMING_MEETINGS_PER_ORGAN = 5;

const NOT_YET_HELD = ['planned', 'notice_finalized', 'notice_sent'] as const;

interface WaitingMatterRow {
  id: string;
  organ_id: string;
  signed_at: Date;
}

/**
 * What a nämndsekreterare has to do next, for every organ they serve, in one answer: the coming
 * meetings with their notice deadlines, the minutes to open or get verified, the postings up, and
 * the matters whose signed tjänsteskrivelse waits for an agenda.
 */
@Injectable()
export class SecretaryOverviewService {
  constructor(
    private readonly clock: Clock,
    private readonly presenter: MinutesPresenter,
    private readonly secrecy: MatterSecrecyService,
  ) {}

  async overview(ctx: RequestContext): Promise<SecretaryOverviewDto> {
    const now = this.clock.now();
    const organs = await this.servedOrgans(ctx);
    const organIds = organs.map((organ) => organ.id);
    // One after the other: the queries share the request's transaction, and so its connection.
    const coming = await this.comingMeetings(ctx, organs, now);
    const minutesToDo = await this.minutesToDo(ctx, organIds);
    const postingsUp = await this.postingsUp(ctx, organIds);
    const waiting = await this.waitingMatters(ctx, organIds);
    const overviews: OrganOverviewDto[] = organs.map((organ) => ({
      organId: organ.id,
      name: organ.name,
      shortName: organ.shortName,
      kind: organ.kind,
      comingMeetings: coming.get(organ.id) ?? [],
      minutesToDo: minutesToDo.get(organ.id) ?? [],
      postingsUp: postingsUp.get(organ.id) ?? [],
      waitingMatters: waiting.get(organ.id) ?? [],
    }));
    // An organ with a deadline already missed comes first; otherwise the order of their names.
    const overdue = (organ: OrganOverviewDto) => organ.comingMeetings.some((meeting) => meeting.noticeOverdue || meeting.started) || organ.minutesToDo.some((minutes) => minutes.overdue || minutes.minutesId === null);
    overviews.sort((a, b) => Number(overdue(b)) - Number(overdue(a)));
    return { today: swedishDate(now), organs: overviews };
  }

  /** A secretary's organs; an admin serves every organ of the municipality. */
  private async servedOrgans(ctx: RequestContext): Promise<Organ[]> {
    const actor = ctx.actor;
    const repo = new TenantRepository(ctx, Organ, 'Organet');
    if (actor === null || actor.grants.some((grant) => grant.role === 'admin')) return repo.find({}, { order: { name: 'ASC' } });
    const ids = secretaryOrgans(actor);
    return ids.length === 0 ? [] : repo.find({ id: In(ids) }, { order: { name: 'ASC' } });
  }

  private async comingMeetings(ctx: RequestContext, organs: Organ[], now: Date): Promise<Map<string, ComingMeetingDto[]>> {
    const result = new Map<string, ComingMeetingDto[]>();
    if (organs.length === 0) return result;
    const all = await new TenantRepository(ctx, Meeting, 'Sammanträdet').find(
      { organId: In(organs.map((organ) => organ.id)), status: In([...NOT_YET_HELD]) },
      { order: { startsAt: 'ASC', id: 'ASC' } },
    );
    const meetings = organs.flatMap((organ) => all.filter((meeting) => meeting.organId === organ.id).slice(0, COMING_MEETINGS_PER_ORGAN));
    const meetingIds = meetings.map((meeting) => meeting.id);
    if (meetingIds.length === 0) return result;
    const notices = await new TenantRepository(ctx, MeetingNotice, 'Kallelsen').find({ meetingId: In(meetingIds), status: In(['scheduled', 'dispatched']) }, { order: { version: 'DESC' } });
    const items = await new TenantRepository(ctx, AgendaItem, 'Punkten').find({ meetingId: In(meetingIds) });
    for (const meeting of meetings) {
      const organ = organs.find((candidate) => candidate.id === meeting.organId)!;
      const noticeDeadline = noticeDispatchTime(meeting.startsAt, organ.rules.noticeLeadDays, organ.rules.noticeSendTime);
      const notice = notices.find((candidate) => candidate.meetingId === meeting.id && candidate.kind !== 'cancellation');
      const shown: ComingMeetingDto = {
        id: meeting.id,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        place: meeting.place,
        status: meeting.status,
        noticeDeadline,
        noticeOverdue: meeting.status === 'planned' && noticeDeadline.getTime() < now.getTime(),
        started: meeting.startsAt.getTime() <= now.getTime(),
        notice: notice ? noticeSummary(notice) : null,
        itemCount: items.filter((item) => item.meetingId === meeting.id && item.kind !== 'standard').length,
      };
      result.set(meeting.organId, [...(result.get(meeting.organId) ?? []), shown]);
    }
    return result;
  }

  /** Held meetings without minutes first (nothing can be verified before they are opened), then drafts by their deadline. */
  private async minutesToDo(ctx: RequestContext, organIds: string[]): Promise<Map<string, MeetingAwaitingMinutesDto[]>> {
    const result = new Map<string, MeetingAwaitingMinutesDto[]>();
    if (organIds.length === 0) return result;
    const held = await new TenantRepository(ctx, Meeting, 'Sammanträdet').find({ organId: In(organIds), status: 'held' }, { order: { startsAt: 'ASC' } });
    const minutes = held.length === 0 ? [] : await new TenantRepository(ctx, Minutes, 'Protokollet').find({ meetingId: In(held.map((meeting) => meeting.id)) });
    const rows = held
      .map((meeting) => ({ meeting, minutes: minutes.find((candidate) => candidate.meetingId === meeting.id) ?? null }))
      .filter(({ minutes }) => minutes === null || minutes.status === 'draft')
      .map(({ meeting, minutes }) => ({
        organId: meeting.organId,
        shown: {
          meetingId: meeting.id,
          startsAt: meeting.startsAt,
          minutesId: minutes?.id ?? null,
          kind: minutes?.kind ?? null,
          verificationDeadline: minutes?.kind === 'minutes' ? minutes.verificationDeadline : null,
          overdue: minutes ? this.presenter.isOverdue(minutes) : false,
        },
      }));
    const rank = (row: MeetingAwaitingMinutesDto) => (row.minutesId === null ? 0 : row.overdue ? 1 : 2);
    rows.sort((a, b) => rank(a.shown) - rank(b.shown) || (a.shown.verificationDeadline ?? '').localeCompare(b.shown.verificationDeadline ?? '') || a.shown.startsAt.getTime() - b.shown.startsAt.getTime());
    for (const row of rows) result.set(row.organId, [...(result.get(row.organId) ?? []), row.shown]);
    return result;
  }

  private async postingsUp(ctx: RequestContext, organIds: string[]): Promise<Map<string, PostingUpDto[]>> {
    const result = new Map<string, PostingUpDto[]>();
    if (organIds.length === 0) return result;
    const postings = await new TenantRepository(ctx, Posting, 'Anslaget').find({ organId: In(organIds), status: 'up' }, { order: { takenDownOn: 'ASC', id: 'ASC' } });
    for (const posting of postings) {
      const shown: PostingUpDto = {
        id: posting.id,
        meetingId: posting.meetingId,
        minutesId: posting.minutesId,
        documentType: posting.documentType,
        meetingDate: posting.meetingDate,
        paragraphs: posting.paragraphs,
        postedOn: posting.postedOn,
        takenDownOn: posting.takenDownOn,
        lastAppealDay: posting.lastAppealDay,
      };
      result.set(posting.organId, [...(result.get(posting.organId) ?? []), shown]);
    }
    return result;
  }

  /**
   * Matters ready for decision whose newest signed tjänsteskrivelse is addressed to the organ and which
   * are on no agenda of the organ's meetings not yet through (planned, noticed or held without verified
   * minutes). A matter postponed (bordlagt) at a verified meeting is ready again and waits once more.
   * Each is shown as the reader may read it: a secret matter by case number and masked title.
   */
  private async waitingMatters(ctx: RequestContext, organIds: string[]): Promise<Map<string, WaitingMatterDto[]>> {
    const result = new Map<string, WaitingMatterDto[]>();
    if (organIds.length === 0) return result;
    const rows: WaitingMatterRow[] = await ctx.em.query(
      `SELECT m.id, r.organ_id, r.signed_at
         FROM matters m
         JOIN LATERAL (
           SELECT organ_id, signed_at FROM officer_reports
            WHERE matter_id = m.id AND status = 'signed' ORDER BY version DESC LIMIT 1
         ) r ON true
        WHERE m.municipality_id = $1 AND m.status = 'ready_for_decision' AND r.organ_id = ANY($2)
          AND NOT EXISTS (
            SELECT 1 FROM agenda_items ai JOIN meetings mt ON mt.id = ai.meeting_id
             WHERE ai.matter_id = m.id AND mt.organ_id = r.organ_id AND mt.status IN ('planned', 'notice_finalized', 'notice_sent', 'held'))
        ORDER BY r.signed_at ASC, m.year ASC, m.sequence ASC`,
      [ctx.municipalityId, organIds],
    );
    const readings = await this.secrecy.readings(ctx, rows.map((row) => row.id));
    for (const row of rows) {
      const reading = readings.get(row.id)!;
      const shown: WaitingMatterDto = { id: row.id, caseNumber: reading.caseNumber, title: reading.title, masked: reading.masked, reportSignedAt: row.signed_at };
      result.set(row.organ_id, [...(result.get(row.organ_id) ?? []), shown]);
    }
    return result;
  }
}

function noticeSummary(notice: MeetingNotice): OverviewNoticeDto {
  return { id: notice.id, version: notice.version, kind: notice.kind, status: notice.status, dispatchAt: notice.dispatchAt, dispatchedAt: notice.dispatchedAt, sentLate: notice.sentLate };
}
