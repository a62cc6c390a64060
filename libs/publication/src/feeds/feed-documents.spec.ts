import { parseFeed } from '@rowanmanning/feed-parser';
import ICAL from 'ical.js';
import { FEED_ENTRY_LIMIT, renderCalendar, renderFeed, type FeedEntry } from './feed-documents';

const channel = {
  title: 'Anslagstavla – Ludvika kommun',
  description: 'Anslag',
  link: 'https://namndrum.example/anslagstavla/2085',
  self: { atom: 'https://namndrum.example/anslagstavla/2085/flode.atom', rss: 'https://namndrum.example/anslagstavla/2085/flode.rss' },
  updated: new Date('2023-01-16T09:00:00Z'),
};

const entry = (n: number, title = `Protokoll ${n}`): FeedEntry => ({
  id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  title,
  link: `https://namndrum.example/anslagstavla/2085#anslag-${n}`,
  summary: 'Sista dag att överklaga: 6 februari 2023.',
  published: new Date(Date.UTC(2023, 0, 1) + n * 3600_000),
  updated: new Date(Date.UTC(2023, 0, 1) + n * 3600_000),
});

describe('renderFeed', () => {
  it.each(['atom', 'rss'] as const)('writes %s newest first, at most the limit, with markup in a title kept as text', (format) => {
    const entries = [entry(1, 'Protokoll <script>alert(1)</script> & mer'), ...Array.from({ length: FEED_ENTRY_LIMIT + 5 }, (_, index) => entry(index + 2))];
    const feed = parseFeed(renderFeed(format, channel, entries));
    expect(feed.items).toHaveLength(FEED_ENTRY_LIMIT);
    expect(feed.items[0].title).toBe(`Protokoll ${FEED_ENTRY_LIMIT + 6}`);
    expect(feed.items.map((item) => item.published!.getTime())).toEqual([...feed.items.map((item) => item.published!.getTime())].sort((a, b) => b - a));
    const withMarkup = parseFeed(renderFeed(format, channel, [entry(1, 'Protokoll <script>alert(1)</script> & mer')]));
    expect(withMarkup.items[0].title).toBe('Protokoll <script>alert(1)</script> & mer');
    if (format === 'rss') expect(withMarkup.language).toBe('sv');
  });
});

describe('renderCalendar', () => {
  const meeting = {
    id: 'm1',
    organName: 'Social- och utbildningsnämnden',
    startsAt: new Date('2023-01-11T13:00:00Z'),
    endsAt: new Date('2023-01-11T16:00:00Z'),
    place: 'Sessionssalen, Stadshuset – våning två, där även gruppmötena hålls före sammanträdet',
    cancelled: false,
    cancellationReason: null,
    sequence: 0,
    updatedAt: new Date('2023-01-04T07:00:00Z'),
    url: 'https://namndrum.example/sammantraden/m1',
  };

  it('gives each meeting its notice UID, UTC times, SEQUENCE and a cancelled one STATUS:CANCELLED, in lines of at most 75 octets', () => {
    const text = renderCalendar('SUN – Ludvika kommun', 'namndrum.example', [meeting, { ...meeting, id: 'm2', cancelled: true, cancellationReason: 'Inga ärenden', sequence: 2 }]);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(events.map((event) => [event.uid, event.sequence, event.component.getFirstPropertyValue('status')])).toEqual([
      ['meeting-m1@namndrum.example', 0, 'CONFIRMED'],
      ['meeting-m2@namndrum.example', 2, 'CANCELLED'],
    ]);
    expect(events[0].location).toBe(meeting.place);
    expect(events[0].startDate.toJSDate().toISOString()).toBe('2023-01-11T13:00:00.000Z');
  });

  it('is a calendar without events when there are no meetings', () => {
    const calendar = new ICAL.Component(ICAL.parse(renderCalendar('SUN', 'namndrum.example', [])));
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(0);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('SUN');
  });
});
