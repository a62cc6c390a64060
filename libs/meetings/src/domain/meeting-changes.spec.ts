import { describeMeetingChanges, formatMeetingDateTime, MeetingTimeAndPlace } from './meeting-changes';

const meeting = (startsAt: string, endsAt: string, place: string): MeetingTimeAndPlace => ({ startsAt: new Date(startsAt), endsAt: new Date(endsAt), place });

/** Wednesday 11 January 2023, 14:00–17:00 Stockholm (CET, +01:00). */
const JANUARY = meeting('2023-01-11T13:00:00Z', '2023-01-11T16:00:00Z', 'Sessionssalen, Stadshuset');

describe('describeMeetingChanges', () => {
  it('says nothing when nothing changed', () => {
    expect(describeMeetingChanges(JANUARY, { ...JANUARY })).toEqual([]);
  });

  it('tells a moved meeting with weekday, date and Stockholm time, once', () => {
    const moved = meeting('2023-01-12T12:00:00Z', '2023-01-12T15:00:00Z', 'Sessionssalen, Stadshuset');
    expect(describeMeetingChanges(JANUARY, moved)).toEqual(['Tiden är ändrad från onsdag 11 januari 2023 kl. 14:00 till torsdag 12 januari 2023 kl. 13:00.']);
  });

  it('tells a changed place', () => {
    expect(describeMeetingChanges(JANUARY, { ...JANUARY, place: 'Säfsen, Stadshuset' })).toEqual([
      'Platsen är ändrad från Sessionssalen, Stadshuset till Säfsen, Stadshuset.',
    ]);
  });

  it('tells an end-time-only change as a time of day', () => {
    expect(describeMeetingChanges(meeting('2023-01-11T13:00:00Z', '2023-01-11T15:00:00Z', 'Sessionssalen, Stadshuset'), JANUARY)).toEqual([
      'Sluttiden är ändrad till 17:00.',
    ]);
  });

  it('tells a new end with its date when the meeting then ends on another day', () => {
    expect(describeMeetingChanges(JANUARY, { ...JANUARY, endsAt: new Date('2023-01-12T11:00:00Z') })).toEqual([
      'Sluttiden är ändrad till torsdag 12 januari 2023 kl. 12:00.',
    ]);
  });

  it('tells both start and end when the meeting also got longer or shorter', () => {
    const movedAndLonger = meeting('2023-01-12T12:00:00Z', '2023-01-12T16:30:00Z', 'Sessionssalen, Stadshuset');
    expect(describeMeetingChanges(JANUARY, movedAndLonger)).toEqual([
      'Tiden är ändrad från onsdag 11 januari 2023 kl. 14:00 till torsdag 12 januari 2023 kl. 13:00.',
      'Sluttiden är ändrad till 17:30.',
    ]);
  });

  it('tells only the start when the start moved and the end stayed', () => {
    const laterStart = { ...JANUARY, startsAt: new Date('2023-01-11T14:00:00Z') };
    expect(describeMeetingChanges(JANUARY, laterStart)).toEqual(['Tiden är ändrad från onsdag 11 januari 2023 kl. 14:00 till onsdag 11 januari 2023 kl. 15:00.']);
  });

  it('tells time first, then end, then place', () => {
    const everything = meeting('2023-01-12T12:00:00Z', '2023-01-12T14:00:00Z', 'Säfsen, Stadshuset');
    expect(describeMeetingChanges(JANUARY, everything)).toEqual([
      'Tiden är ändrad från onsdag 11 januari 2023 kl. 14:00 till torsdag 12 januari 2023 kl. 13:00.',
      'Sluttiden är ändrad till 15:00.',
      'Platsen är ändrad från Sessionssalen, Stadshuset till Säfsen, Stadshuset.',
    ]);
  });

  it('uses summer time in summer and crosses the change of offset correctly', () => {
    // 2026-03-26 14:00 CET → 2026-04-02 14:00 CEST: the same local time, an hour apart in UTC terms.
    const march = meeting('2026-03-26T13:00:00Z', '2026-03-26T15:00:00Z', 'Sessionssalen');
    const april = meeting('2026-04-02T12:00:00Z', '2026-04-02T14:00:00Z', 'Sessionssalen');
    expect(describeMeetingChanges(march, april)).toEqual(['Tiden är ändrad från torsdag 26 mars 2026 kl. 14:00 till torsdag 2 april 2026 kl. 14:00.']);
  });

  it('ignores changes below a minute and whitespace in the place', () => {
    const resaved = {
      startsAt: new Date('2023-01-11T13:00:30Z'),
      endsAt: new Date('2023-01-11T16:00:59.999Z'),
      place: '  Sessionssalen,   Stadshuset ',
    };
    expect(describeMeetingChanges(JANUARY, resaved)).toEqual([]);
  });

  it('tells a place set for the first time, and a place removed', () => {
    expect(describeMeetingChanges({ ...JANUARY, place: '' }, JANUARY)).toEqual(['Platsen är Sessionssalen, Stadshuset.']);
    expect(describeMeetingChanges(JANUARY, { ...JANUARY, place: ' ' })).toEqual(['Platsen Sessionssalen, Stadshuset gäller inte längre; ny plats meddelas senare.']);
  });

  it('keeps the case of the place, since a change of case is a visible change', () => {
    expect(describeMeetingChanges(JANUARY, { ...JANUARY, place: 'sessionssalen, Stadshuset' })).toEqual([
      'Platsen är ändrad från Sessionssalen, Stadshuset till sessionssalen, Stadshuset.',
    ]);
  });
});

describe('formatMeetingDateTime', () => {
  it('writes Stockholm local time in Swedish', () => {
    expect(formatMeetingDateTime(new Date('2023-01-11T13:00:00Z'))).toBe('onsdag 11 januari 2023 kl. 14:00');
    expect(formatMeetingDateTime(new Date('2026-06-21T22:05:00Z'))).toBe('måndag 22 juni 2026 kl. 00:05');
  });
});
