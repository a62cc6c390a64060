import { swedishLongDate, swedishLongDateTime } from './swedish-dates';

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
