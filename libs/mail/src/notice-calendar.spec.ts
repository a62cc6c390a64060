import ICAL from 'ical.js';
import { noticeCalendar } from './notice-mail';
import { MEETING_ID, noticeView } from './testing/mail-views.factory';

function parse(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('Ingen VEVENT i kalenderdelen');
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe('noticeCalendar', () => {
  it('is a REQUEST for the meeting, in UTC', () => {
    const view = noticeView({ calendarSequence: 3 });
    const part = noticeCalendar(view);
    expect(part.method).toBe('REQUEST');

    const { calendar, vevent, event } = parse(part.content);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe(`meeting-${MEETING_ID}@namndrum.ludvika.se`);
    expect(event.sequence).toBe(3);
    expect(event.startDate.zone?.tzid).toBe('UTC');
    expect(event.startDate.toJSDate().getTime()).toBe(Date.parse(view.startsAt));
    expect(event.endDate.toJSDate().getTime()).toBe(Date.parse(view.endsAt));
    expect(event.summary).toBe('Social- och utbildningsnämnden');
    expect(event.location).toBe('Sessionssalen, Stadshuset');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(vevent.getFirstPropertyValue('url')).toBe(view.meetingUrl);
    expect(part.content).toContain('\r\nDTSTART:20230111T130000Z\r\n');
  });

  it('puts the instant of a summer meeting in UTC too', () => {
    const { event } = parse(noticeCalendar(noticeView({ startsAt: '2026-04-02T12:00:00Z', endsAt: '2026-04-02T15:00:00Z' })).content);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-04-02T12:00:00.000Z');
  });

  it('describes the agenda and names the organizer', () => {
    const { vevent, event } = parse(noticeCalendar(noticeView()).content);
    expect(event.description).toContain('Ärenden:\n1. Val av justerande\n2. Anmälan av extra ärenden\n');
    expect(event.description).toContain('5. Ansökan om bistånd');
    expect(event.description).toContain('Gruppmöte: 13:00–14:00 (KD/M/S i sessionssalen, C/L/MP/V i smtr-rum "Säfsen"');
    const organizer = vevent.getFirstProperty('organizer');
    expect(organizer?.getFirstValue()).toBe('MAILTO:namndrum@ludvika.se');
    expect(organizer?.getParameter('cn')).toBe('Social- och utbildningsnämnden');
  });

  it('keeps the UID for every version of the meeting and raises SEQUENCE with it', () => {
    const first = parse(noticeCalendar(noticeView({ calendarSequence: 0 })).content).event;
    const revised = parse(
      noticeCalendar(noticeView({ kind: 'revised', calendarSequence: 1, place: 'KS-salen', changes: ['Ny plats: KS-salen.'] })).content,
    ).event;
    expect(revised.uid).toBe(first.uid);
    expect(revised.sequence).toBe(1);
    expect(revised.location).toBe('KS-salen');
  });

  it('cancels the same event with METHOD:CANCEL and STATUS:CANCELLED', () => {
    const part = noticeCalendar(noticeView({ kind: 'cancellation', calendarSequence: 4 }));
    expect(part.method).toBe('CANCEL');
    const { calendar, vevent, event } = parse(part.content);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.uid).toBe(`meeting-${MEETING_ID}@namndrum.ludvika.se`);
    expect(event.sequence).toBe(4);
    expect(event.description).toContain('Sammanträdet är inställt.');
  });

  it('names the recipient as attendee when given, without asking for a reply', () => {
    const { vevent } = parse(noticeCalendar(noticeView(), { name: 'Håkan "Hacke" Frank', email: 'hakan.frank@ludvika.se' }).content);
    const attendee = vevent.getFirstProperty('attendee');
    expect(attendee?.getFirstValue()).toBe('mailto:hakan.frank@ludvika.se');
    expect(attendee?.getParameter('cn')).toBe("Håkan 'Hacke' Frank");
    expect(attendee?.getParameter('rsvp')).toBe('FALSE');
  });

  it('writes CRLF line ends and folds every line at 75 octets without splitting a character', () => {
    const view = noticeView({
      items: [
        {
          number: 1,
          title: 'Bildande av individutskott för SUN för tiden 2023-01-01–2026-12-31. Val av ordförande, vice ordförande och andre vice ordförande – åäö ÅÄÖ',
          caseNumber: null,
          documentsLater: false,
          closed: false,
        },
      ],
    });
    const { content } = noticeCalendar(view);
    expect(content.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = content.split('\r\n');
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    expect(parse(content).event.description).toContain(view.items[0].title);
  });

  it('refuses a negative or fractional SEQUENCE', () => {
    expect(() => noticeCalendar(noticeView({ calendarSequence: -1 }))).toThrow(RangeError);
    expect(() => noticeCalendar(noticeView({ calendarSequence: 1.5 }))).toThrow(RangeError);
  });
});
