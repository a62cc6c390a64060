import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, Clock, Municipality, NotFoundError } from '@namndrum/core';
import { swedishLongDate, swedishMeetingTime } from '@namndrum/documents';
import { isAfterDispatch, MEETING_STATUSES, MEETING_TIME_ZONE } from '@namndrum/meetings';
import { Posting } from '@namndrum/minutes';
import { Organ } from '@namndrum/organisation';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { PublicResource } from '../public-resource';
import { absoluteUrl, type FeedFormat, publicPaths } from '../public-urls';
import { CALENDAR_CONTENT_TYPE, type CalendarMeeting, FEED_CONTENT_TYPES, FEED_ENTRY_LIMIT, type FeedEntry, newestFirst, renderCalendar, renderFeed } from './feed-documents';

/** The statuses in which a meeting's notice has certainly gone out; a cancelled meeting is public only if it had. */
const DISPATCHED_STATUSES = MEETING_STATUSES.filter(isAfterDispatch);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface PublicMeetingRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  place: string;
  status: string;
  cancellation_reason: string | null;
  calendar_sequence: number;
  updated_at: Date;
  /** When the first notice went out; null for a meeting whose status says so without a dispatch record. */
  dispatched_at: Date | null;
}

/**
 * The public feeds: the notice board as Atom and RSS, each organ's new meetings and published protokoll as
 * Atom and RSS, and each organ's public meetings as a subscribable iCalendar. Published data only, by the
 * same rules as the pages: an organ whose rules publish neither notices nor minutes has no feed, a meeting
 * is public once its notice has gone out, a protokoll once it is verified and posted. No feed names a
 * matter, so a secret matter's title cannot reach one.
 */
@Injectable()
export class PublicFeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The postings that are up, newest first, and the last ones taken down. */
  async noticeBoard(code: string, format: FeedFormat): Promise<PublicResource> {
    const municipality = await this.municipality(code);
    const postings = this.dataSource.getRepository(Posting);
    const up = await postings.find({ where: { municipalityId: municipality.id, status: 'up' }, order: { postedOn: 'DESC', updatedAt: 'DESC' } });
    const down = await postings.find({ where: { municipalityId: municipality.id, status: 'down' }, order: { takenDownAt: 'DESC', updatedAt: 'DESC' }, take: FEED_ENTRY_LIMIT });
    const entries = [...up, ...down].map((posting) => this.postingEntry(municipality.code, posting));
    const lastModified = newest([municipality.updatedAt, ...up.map((posting) => posting.updatedAt), ...down.map((posting) => posting.updatedAt)]);
    const body = renderFeed(
      format,
      {
        title: `Anslagstavla – ${municipality.name}`,
        description: `Anslag på ${municipality.name}s digitala anslagstavla: kungörelser och justerade protokoll med sista dag att överklaga.`,
        link: this.url(publicPaths.noticeBoard(municipality.code)),
        self: { atom: this.url(publicPaths.noticeBoardFeed(municipality.code, 'atom')), rss: this.url(publicPaths.noticeBoardFeed(municipality.code, 'rss')) },
        updated: lastModified,
      },
      entries,
    );
    return { contentType: FEED_CONTENT_TYPES[format], body, lastModified };
  }

  /** An organ's meetings as their notices go out, and its protokoll as they are posted. */
  async organ(code: string, organId: string, format: FeedFormat): Promise<PublicResource> {
    const { municipality, organ } = await this.publishedOrgan(code, organId, (rules) => rules.publishNotices || rules.publishMinutes);
    const meetings = organ.rules.publishNotices ? await this.publicMeetings(organ, { limit: FEED_ENTRY_LIMIT }) : [];
    const protocols = organ.rules.publishMinutes
      ? await this.dataSource.getRepository(Posting).find({
          where: [
            { municipalityId: municipality.id, organId: organ.id, kind: 'minutes', status: 'up' },
            { municipalityId: municipality.id, organId: organ.id, kind: 'minutes', status: 'down' },
          ],
          order: { postedOn: 'DESC', updatedAt: 'DESC' },
          take: FEED_ENTRY_LIMIT,
        })
      : [];
    const wholeProtocols = protocols.filter((posting) => posting.paragraphId === null);
    const entries = [...meetings.map((meeting) => this.meetingEntry(organ, meeting)), ...wholeProtocols.map((posting) => this.protocolEntry(municipality.code, organ, posting))];
    const lastModified = newest([organ.updatedAt, ...meetings.map((meeting) => meeting.updated_at), ...wholeProtocols.map((posting) => posting.updatedAt)]);
    const body = renderFeed(
      format,
      {
        title: `${organ.name} – ${municipality.name}`,
        description: `Kallelser och justerade protokoll från ${organ.name}, ${municipality.name}.`,
        link: this.url(publicPaths.organ(municipality.code, organ.id)),
        self: { atom: this.url(publicPaths.organFeed(municipality.code, organ.id, 'atom')), rss: this.url(publicPaths.organFeed(municipality.code, organ.id, 'rss')) },
        updated: lastModified,
      },
      newestFirst(entries).slice(0, FEED_ENTRY_LIMIT),
    );
    return { contentType: FEED_CONTENT_TYPES[format], body, lastModified };
  }

  /** The organ's public meetings from a year back and all coming ones, for a calendar to subscribe to. */
  async calendar(code: string, organId: string): Promise<PublicResource> {
    const { municipality, organ } = await this.publishedOrgan(code, organId, (rules) => rules.publishNotices);
    const since = DateTime.fromJSDate(this.clock.now(), { zone: MEETING_TIME_ZONE }).minus({ years: 1 }).startOf('day').toJSDate();
    const meetings = await this.publicMeetings(organ, { since });
    const entries: CalendarMeeting[] = meetings.map((meeting) => ({
      id: meeting.id,
      organName: organ.name,
      startsAt: meeting.starts_at,
      endsAt: meeting.ends_at,
      place: meeting.place,
      cancelled: meeting.status === 'cancelled',
      cancellationReason: meeting.cancellation_reason,
      sequence: meeting.calendar_sequence,
      updatedAt: meeting.updated_at,
      url: this.url(publicPaths.meeting(meeting.id)),
    }));
    const body = renderCalendar(`${organ.name} – ${municipality.name}`, new URL(this.config.PUBLIC_BASE_URL).hostname, entries);
    return { contentType: CALENDAR_CONTENT_TYPE, body, lastModified: newest([organ.updatedAt, ...meetings.map((meeting) => meeting.updated_at)]) };
  }

  /**
   * The organ's meetings whose notice has gone out (PublicMeetingService's rule, set-based): the statuses after
   * dispatch, and a cancelled meeting whose notice had been dispatched before it was cancelled.
   */
  private async publicMeetings(organ: Organ, options: { limit?: number; since?: Date }): Promise<PublicMeetingRow[]> {
    // The newest meetings first along the (municipality, organ, starts_at) index, each with its first dispatch.
    const rows: PublicMeetingRow[] = await this.dataSource.query(
      `SELECT m.id, m.starts_at, m.ends_at, m.place, m.status, m.cancellation_reason, m.calendar_sequence, m.updated_at,
              (SELECT min(n.dispatched_at) FROM meeting_notices n WHERE n.meeting_id = m.id AND n.status = 'dispatched') AS dispatched_at
       FROM meetings m
       WHERE m.municipality_id = $1 AND m.organ_id = $2
         AND (m.status = ANY($3) OR (m.status = 'cancelled' AND EXISTS (SELECT 1 FROM meeting_notices n WHERE n.meeting_id = m.id AND n.status = 'dispatched')))
         AND m.starts_at >= $4
       ORDER BY m.starts_at DESC, m.id
       LIMIT $5`,
      [organ.municipalityId, organ.id, DISPATCHED_STATUSES, options.since ?? new Date(0), options.limit ?? null],
    );
    return rows;
  }

  private meetingEntry(organ: Organ, meeting: PublicMeetingRow): FeedEntry {
    const date = DateTime.fromJSDate(meeting.starts_at, { zone: MEETING_TIME_ZONE }).toISODate()!;
    const cancelled = meeting.status === 'cancelled';
    const when = `${swedishMeetingTime(meeting.starts_at, meeting.ends_at)}, ${meeting.place}.`;
    return {
      id: `urn:uuid:${meeting.id}`,
      title: `${cancelled ? 'Inställt' : 'Kallelse'}: ${organ.name} ${swedishLongDate(date)}`,
      link: this.url(publicPaths.meeting(meeting.id)),
      summary: cancelled ? `Sammanträdet är inställt.${meeting.cancellation_reason ? ` Skäl: ${meeting.cancellation_reason}.` : ''} ${when}` : when,
      published: meeting.dispatched_at ?? meeting.starts_at,
      updated: meeting.updated_at,
    };
  }

  private protocolEntry(code: string, organ: Organ, posting: Posting): FeedEntry {
    return {
      id: `urn:uuid:${posting.id}`,
      title: `Protokoll: ${organ.name} ${swedishLongDate(posting.meetingDate)}`,
      link: this.postingLink(code, posting),
      summary: postingSummary(posting),
      published: postingPublished(posting),
      updated: posting.updatedAt,
    };
  }

  private postingEntry(code: string, posting: Posting): FeedEntry {
    const meetingDate = swedishLongDate(posting.meetingDate);
    // As the notice board heads it.
    const title = posting.announcement ? `Kungörelse – ${posting.organName} sammanträder ${meetingDate}` : `${posting.documentType} – ${posting.organName}, sammanträde ${meetingDate}`;
    return { id: `urn:uuid:${posting.id}`, title, link: this.postingLink(code, posting), summary: postingSummary(posting), published: postingPublished(posting), updated: posting.updatedAt };
  }

  /** The published PDF while the posting is up and has one; else the posting on the board, or the archive once down. */
  private postingLink(code: string, posting: Posting): string {
    if (posting.status === 'up' && posting.archivalPdfSha256) return this.url(publicPaths.postingMinutesPdf(code, posting.id));
    if (posting.status === 'up') return `${this.url(publicPaths.noticeBoard(code))}#anslag-${posting.id}`;
    return this.url(publicPaths.noticeBoardArchive(code));
  }

  private async publishedOrgan(code: string, organId: string, published: (rules: Organ['rules']) => boolean): Promise<{ municipality: Municipality; organ: Organ }> {
    const municipality = await this.municipality(code);
    const organ = UUID.test(organId) ? await this.dataSource.getRepository(Organ).findOneBy({ id: organId, municipalityId: municipality.id }) : null;
    if (!organ || !published(organ.rules)) throw new NotFoundError('Organet');
    return { municipality, organ };
  }

  private async municipality(code: string): Promise<Municipality> {
    const municipality = /^\d{4}$/.test(code) ? await this.dataSource.getRepository(Municipality).findOneBy({ code }) : null;
    if (!municipality) throw new NotFoundError('Kommunen');
    return municipality;
  }

  private url(path: string): string {
    return absoluteUrl(this.config.PUBLIC_BASE_URL, path);
  }
}

/** What the notice board says of a posting besides its heading: the dates that matter to someone who would appeal. */
export function postingSummary(posting: Posting): string {
  const lines: string[] = [];
  if (posting.announcement) {
    if (posting.announcement.cancelled) lines.push(`Sammanträdet är inställt.${posting.announcement.cancellationReason ? ` Skäl: ${posting.announcement.cancellationReason}.` : ''}`);
    lines.push(`Tid: ${swedishMeetingTime(posting.announcement.startsAt, posting.announcement.endsAt)}.`, `Plats: ${posting.announcement.place}.`);
  } else {
    if (posting.paragraphs) lines.push(`Paragrafer: ${posting.paragraphs}.`);
    if (posting.verifiedOn) lines.push(`Justerat: ${swedishLongDate(posting.verifiedOn)}.`);
  }
  lines.push(`Anslaget sätts upp: ${swedishLongDate(posting.postedOn)}.`, `Anslaget tas ned: ${swedishLongDate(posting.takenDownOn)}.`);
  if (posting.lastAppealDay) lines.push(`Sista dag att överklaga: ${swedishLongDate(posting.lastAppealDay)}.`);
  lines.push(`${posting.announcement ? 'Handlingarna finns hos' : 'Förvaringsplats'}: ${posting.storagePlace}.`);
  if (posting.status === 'down') lines.push('Anslaget är nedtaget.');
  return lines.join(' ');
}

function postingPublished(posting: Posting): Date {
  return posting.postedAt ?? DateTime.fromISO(posting.postedOn, { zone: MEETING_TIME_ZONE }).startOf('day').toJSDate();
}

/** The newest of the instants: a representation's Last-Modified. */
function newest(instants: Date[]): Date {
  return new Date(Math.max(...instants.map((instant) => instant.getTime())));
}
