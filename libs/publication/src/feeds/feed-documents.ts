import { Feed } from 'feed';
import { createEvents, type EventAttributes } from 'ics';
import { foldCalendarLines, unfoldCalendarLines } from '@namndrum/mail';
import type { FeedFormat } from '../public-urls';

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
};

export const CALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/** How many entries a feed carries at most: a feed reader polls, it does not page. */
export const FEED_ENTRY_LIMIT = 50;

/** One entry of a public feed: what happened, when, and the whole URL to read it at. */
export interface FeedEntry {
  /** A stable IRI (urn:uuid:…), so that a reader sees an entry once however its link changes. */
  id: string;
  title: string;
  link: string;
  summary: string;
  /** When it happened (the notice went out, the posting went up). */
  published: Date;
  /** When what the entry says last changed. */
  updated: Date;
}

export interface FeedChannel {
  title: string;
  description: string;
  /** The page the feed belongs to (the notice board, the organ's page), as a whole URL. */
  link: string;
  /** The feed's own whole URLs in both formats, for rel="self" and the alternate format. */
  self: Record<FeedFormat, string>;
  updated: Date;
}

/**
 * An Atom 1.0 or RSS 2.0 document of the entries, newest first, at most FEED_ENTRY_LIMIT. Text only: the
 * feed library escapes it (CDATA in RSS, escaped text in Atom), so no value can add markup.
 */
export function renderFeed(format: FeedFormat, channel: FeedChannel, entries: FeedEntry[]): string {
  const feed = new Feed({
    id: channel.self[format],
    title: channel.title,
    description: channel.description,
    link: channel.link,
    language: 'sv',
    updated: channel.updated,
    generator: 'Nämndrum',
    copyright: '',
    feedLinks: { atom: channel.self.atom, rss: channel.self.rss },
  });
  for (const entry of newestFirst(entries).slice(0, FEED_ENTRY_LIMIT)) {
    feed.addItem({ id: entry.id, guid: entry.id, title: entry.title, link: entry.link, description: entry.summary, date: entry.updated, published: entry.published });
  }
  return format === 'atom' ? feed.atom1() : feed.rss2();
}

export function newestFirst<T extends { published: Date; id: string }>(entries: T[]): T[] {
  return [...entries].sort((a, b) => b.published.getTime() - a.published.getTime() || a.id.localeCompare(b.id));
}

/** One meeting in a public calendar. */
export interface CalendarMeeting {
  id: string;
  organName: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  cancelled: boolean;
  cancellationReason: string | null;
  /** Raised on every change of time or place and on cancellation (Meeting.calendarSequence). */
  sequence: number;
  updatedAt: Date;
  /** The public meeting page, as a whole URL. */
  url: string;
}

/**
 * A subscribable iCalendar (RFC 5545) of an organ's public meetings, METHOD:PUBLISH. Each meeting keeps the
 * UID the notice e-mails give it (`meeting-<id>@<host>`), so an entry added from an invitation and one from the
 * subscription are the same meeting; SEQUENCE and LAST-MODIFIED tell a client that it changed. Times in UTC.
 */
export function renderCalendar(calendarName: string, uidDomain: string, meetings: CalendarMeeting[]): string {
  const events: EventAttributes[] = meetings.map((meeting) => ({
    uid: `meeting-${meeting.id}@${uidDomain}`,
    sequence: meeting.sequence,
    start: meeting.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: meeting.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: `${meeting.organName} sammanträde`,
    location: meeting.place,
    description: meeting.cancelled ? `Sammanträdet är inställt.${meeting.cancellationReason ? ` Skäl: ${meeting.cancellationReason}` : ''}` : undefined,
    url: meeting.url,
    status: meeting.cancelled ? 'CANCELLED' : 'CONFIRMED',
    lastModified: meeting.updatedAt.getTime(),
    transp: 'TRANSPARENT',
  }));
  if (events.length === 0) return emptyCalendar(calendarName);
  const { error, value } = createEvents(events, { productId: '-//Nämndrum//Sammanträden//SV', method: 'PUBLISH', calName: calendarName });
  if (error || !value) throw new Error(`Could not build the calendar: ${error?.message ?? 'empty result'}`);
  return foldCalendarLines(unfoldCalendarLines(value));
}

/** ics refuses an empty list; a calendar without events is still a calendar a client may subscribe to. */
function emptyCalendar(calendarName: string): string {
  return foldCalendarLines(['BEGIN:VCALENDAR', 'VERSION:2.0', 'CALSCALE:GREGORIAN', 'PRODID:-//Nämndrum//Sammanträden//SV', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(calendarName)}`, 'END:VCALENDAR', ''].join('\r\n'));
}

function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

