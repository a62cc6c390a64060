import { finnishMeetingTime, swedishLongDate, swedishLongDateTime, swedishMeetingTime } from './swedish-dates';

describe('swedishLongDate', () => {
  it.each([
    ['2022-12-14', '14 december 2022'],
    ['2023-01-01', '1 januari 2023'],
    ['2023-05-31', '31 maj 2023'],
    ['2024-02-29', '29 februari 2024'],
    ['2026-12-31', '31 december 2026'],
  ])('writes %s as "%s"', (isoDate, expected) => {
    expect(swedishLongDate(isoDate)).toBe(expected);
  });

  it('keeps the calendar date on the days the clocks change', () => {
    expect(swedishLongDate('2023-03-26')).toBe('26 mars 2023');
    expect(swedishLongDate('2023-10-29')).toBe('29 oktober 2023');
  });

  it.each(['2023-02-29', '2022-13-01', '14/12/2022', '2022-12-14T10:00:00Z', ''])('refuses "%s"', (isoDate) => {
    expect(() => swedishLongDate(isoDate)).toThrow(RangeError);
  });
});

describe('swedishLongDateTime', () => {
  it('shows the time in Stockholm in winter (UTC+1)', () => {
    expect(swedishLongDateTime('2023-01-11T13:05:00Z')).toBe('11 januari 2023 kl. 14:05');
  });

  it('shows the time in Stockholm in summer (UTC+2), moving to the next day after 22:00 UTC', () => {
    expect(swedishLongDateTime('2023-06-30T22:30:00Z')).toBe('1 juli 2023 kl. 00:30');
  });

  it('reads an offset and takes a Date', () => {
    expect(swedishLongDateTime('2022-12-14T15:42:00+01:00')).toBe('14 december 2022 kl. 15:42');
    expect(swedishLongDateTime(new Date(Date.UTC(2022, 11, 14, 8, 3)))).toBe('14 december 2022 kl. 09:03');
  });

  it.each(['2023-01-11T14:05:00', '2023-01-11', 'igår'])('refuses "%s", which has no time zone or is no time', (value) => {
    expect(() => swedishLongDateTime(value)).toThrow(RangeError);
  });

  it('refuses an invalid Date', () => {
    expect(() => swedishLongDateTime(new Date('x'))).toThrow(RangeError);
  });
});

describe('swedishMeetingTime', () => {
  it('writes the start as the Tid line of a kallelse, weekday capitalised, in Stockholm winter time', () => {
    expect(swedishMeetingTime('2023-01-11T13:00:00Z')).toBe('Onsdag 11 januari 2023, kl. 14:00');
  });

  it('follows summer time', () => {
    expect(swedishMeetingTime('2023-07-05T12:00:00Z')).toBe('Onsdag 5 juli 2023, kl. 14:00');
  });

  it('takes the weekday of the Stockholm date, not the UTC one', () => {
    expect(swedishMeetingTime('2023-03-25T23:30:00Z')).toBe('Söndag 26 mars 2023, kl. 00:30');
  });

  it('adds an end on the same day as a time, and one on a later day in full', () => {
    expect(swedishMeetingTime('2023-01-11T13:00:00Z', '2023-01-11T15:30:00Z')).toBe('Onsdag 11 januari 2023, kl. 14:00–16:30');
    expect(swedishMeetingTime('2023-01-11T13:00:00Z', '2023-01-12T08:00:00Z')).toBe('Onsdag 11 januari 2023, kl. 14:00 – torsdag 12 januari 2023, kl. 09:00');
  });

  it('refuses an end before the start and a time without a time zone', () => {
    expect(() => swedishMeetingTime('2023-01-11T13:00:00Z', '2023-01-11T12:00:00Z')).toThrow(RangeError);
    expect(() => swedishMeetingTime('2023-01-11T14:00:00')).toThrow(RangeError);
  });
});

describe('finnishMeetingTime', () => {
  it('writes the weekday in the nominative, the day with a period and the time with a period', () => {
    expect(finnishMeetingTime('2023-01-11T13:00:00Z')).toBe('keskiviikko 11. tammikuuta 2023 klo 14.00');
  });

  it('follows Stockholm summer time and gives a same-day end', () => {
    expect(finnishMeetingTime('2023-07-05T12:00:00Z', '2023-07-05T14:00:00Z')).toBe('keskiviikko 5. heinäkuuta 2023 klo 14.00–16.00');
  });
});
