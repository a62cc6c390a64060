import ICAL from 'ical.js';
import { noticeCalendar, substituteCallCalendar, withAttendee } from './notice-mail';
import { MEETING_ID, noticeView, substituteView } from './testing/mail-views.factory';

function parse(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('Ingen VEVENT i kalenderdelen');
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe('noticeCalendar', () => {
  it('is a REQUEST for the meeting, in UTC', () => {
    const view = noticeView({ calendarSequence: 3 });
    const part = noticeCalendar(view, 'invited');
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
    const { event } = parse(noticeCalendar(noticeView({ startsAt: '2026-04-02T12:00:00Z', endsAt: '2026-04-02T15:00:00Z' }), 'invited').content);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-04-02T12:00:00.000Z');
  });

  it('describes the agenda and names the organizer', () => {
    const { vevent, event } = parse(noticeCalendar(noticeView(), 'invited').content);
    expect(event.description).toContain('Ärenden:\n1. Val av justerande\n2. Anmälan av extra ärenden\n');
    expect(event.description).toContain('5. Ansökan om bistånd');
    expect(event.description).toContain('Gruppmöte: 13:00–14:00 (KD/M/S i sessionssalen, C/L/MP/V i smtr-rum "Säfsen"');
    const organizer = vevent.getFirstProperty('organizer');
    expect(organizer?.getFirstValue()).toBe('MAILTO:namndrum@ludvika.se');
    expect(organizer?.getParameter('cn')).toBe('Social- och utbildningsnämnden');
  });

  it('keeps the UID for every version of the meeting and raises SEQUENCE with it', () => {
    const first = parse(noticeCalendar(noticeView({ calendarSequence: 0 }), 'invited').content).event;
    const revised = parse(
      noticeCalendar(noticeView({ kind: 'revised', calendarSequence: 1, place: 'KS-salen', changes: ['Ny plats: KS-salen.'] }), 'invited').content,
    ).event;
    expect(revised.uid).toBe(first.uid);
    expect(revised.sequence).toBe(1);
    expect(revised.location).toBe('KS-salen');
  });

  it('cancels the same event with METHOD:CANCEL and STATUS:CANCELLED', () => {
    const part = noticeCalendar(noticeView({ kind: 'cancellation', calendarSequence: 4 }), 'invited');
    expect(part.method).toBe('CANCEL');
    const { calendar, vevent, event } = parse(part.content);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.uid).toBe(`meeting-${MEETING_ID}@namndrum.ludvika.se`);
    expect(event.sequence).toBe(4);
    expect(event.description).toContain('Sammanträdet är inställt.');
  });

  it('names the recipient as attendee when given, without asking for a reply', () => {
    const { vevent } = parse(withAttendee(noticeCalendar(noticeView(), 'invited'), { name: 'Håkan "Hacke" Frank', email: 'hakan.frank@ludvika.se', rsvp: false }).content);
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
    const { content } = withAttendee(noticeCalendar(view, 'invited'), { name: 'Bildande Långnamnsdóttir-Åkerström Östergren', email: 'a@ludvika.se', rsvp: false });
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
    expect(() => noticeCalendar(noticeView({ calendarSequence: -1 }), 'invited')).toThrow(RangeError);
    expect(() => noticeCalendar(noticeView({ calendarSequence: 1.5 }), 'invited')).toThrow(RangeError);
  });

  it('refuses an attendee address that would break the ATTENDEE line', () => {
    const part = noticeCalendar(noticeView(), 'invited');
    expect(() => withAttendee(part, { name: 'X', email: 'x@ludvika.se\r\nATTENDEE:mailto:y@z.se', rsvp: false })).toThrow(RangeError);
    expect(() => withAttendee(part, { name: 'X', email: 'x;rsvp@ludvika.se', rsvp: false })).toThrow(RangeError);
  });

  it('gives a reader "för kännedom" an informational entry: PUBLISH, no attendee, free time, the summary saying so', () => {
    const part = noticeCalendar(noticeView({ calendarSequence: 2 }), 'for_information');
    expect(part.method).toBe('PUBLISH');
    const { calendar, vevent, event } = parse(part.content);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(vevent.getAllProperties('attendee')).toEqual([]);
    expect(vevent.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    expect(vevent.getFirstPropertyValue('x-microsoft-cdo-busystatus')).toBe('FREE');
    expect(event.summary).toBe('För kännedom: Social- och utbildningsnämnden');
    expect(event.description.startsWith('Du får kallelsen för kännedom.\n')).toBe(true);
    // The same event as the members' invitation, so that a later call-in updates it instead of adding a second one.
    expect(event.uid).toBe(`meeting-${MEETING_ID}@namndrum.ludvika.se`);
    expect(event.sequence).toBe(2);
  });

  it('keeps the members\' invitation a busy REQUEST', () => {
    const { vevent } = parse(noticeCalendar(noticeView(), 'invited').content);
    expect(vevent.getFirstPropertyValue('transp')).toBe('OPAQUE');
  });

  it('cancels for every reader with METHOD:CANCEL and gives the reason in the description', () => {
    for (const reading of ['invited', 'for_information'] as const) {
      const part = noticeCalendar(noticeView({ kind: 'cancellation', cancellationReason: 'Inga ärenden att behandla' }), reading);
      expect(part.method).toBe('CANCEL');
      expect(parse(part.content).event.description).toContain('Sammanträdet är inställt. Skäl: Inga ärenden att behandla');
    }
  });

  it('invites a called-in substitute with METHOD:REQUEST, naming them as attendee and asking the secretary-organizer for a reply', () => {
    const view = substituteView({ organizer: { name: 'Rita Österholm', email: 'rita.osterholm@ludvika.se' } });
    const part = substituteCallCalendar(view, { name: 'Sara Lind', email: 'sara.lind@ludvika.se' });
    expect(part.method).toBe('REQUEST');
    const { calendar, vevent, event } = parse(part.content);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe(`meeting-${MEETING_ID}@namndrum.ludvika.se`);
    expect(event.summary).toBe('Social- och utbildningsnämnden');
    expect(event.description).toContain('Du är inkallad att tjänstgöra som ersättare för Håkan Frank.');
    expect(vevent.getFirstPropertyValue('transp')).toBe('OPAQUE');
    const attendee = vevent.getFirstProperty('attendee');
    expect(attendee?.getFirstValue()).toBe('mailto:sara.lind@ludvika.se');
    expect(attendee?.getParameter('rsvp')).toBe('TRUE');
  });

  it('asks for no reply when the organizer is no one who reads it (no secretary address)', () => {
    const part = substituteCallCalendar(substituteView(), { name: 'Sara Lind', email: 'sara.lind@ludvika.se' });
    expect(parse(part.content).vevent.getFirstProperty('attendee')?.getParameter('rsvp')).toBe('FALSE');
  });

  it('turns a released substitute\'s entry back into information', () => {
    const part = substituteCallCalendar(substituteView({ kind: 'released' }), { name: 'Sara Lind', email: 'sara.lind@ludvika.se' });
    expect(part.method).toBe('PUBLISH');
    const { vevent, event } = parse(part.content);
    expect(vevent.getAllProperties('attendee')).toEqual([]);
    expect(vevent.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    expect(event.summary).toBe('För kännedom: Social- och utbildningsnämnden');
  });
});
