import Holidays from 'date-holidays';
import { addDays, isNonWorkingDay, legalDeadline, legalHolidays, nextWorkingDay } from './legal-calendar';

/** Every Monday–Friday of `year` that the legal calendar treats as a non-working day. */
function weekdayNonWorkingDays(year: number): string[] {
  const days: string[] = [];
  for (let day = `${year}-01-01`; day.startsWith(String(year)); day = addDays(day, 1)) {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
    if (weekday !== 0 && weekday !== 6 && isNonWorkingDay(day)) days.push(day.slice(5));
  }
  return days;
}

describe('legalHolidays', () => {
  // Checked by hand against a calendar: Easter Sunday 2023-04-09, 2024-03-31, 2025-04-20,
  // 2026-04-05, 2027-03-28; Ascension 39 days and Whitsun 49 days after it; midsommardagen the
  // Saturday 20–26 June; alla helgons dag the Saturday 31 October–6 November.
  it.each([
    [2023, ['01-01', '01-06', '04-07', '04-09', '04-10', '05-01', '05-18', '05-28', '06-06', '06-23', '06-24', '11-04', '12-24', '12-25', '12-26', '12-31']],
    [2024, ['01-01', '01-06', '03-29', '03-31', '04-01', '05-01', '05-09', '05-19', '06-06', '06-21', '06-22', '11-02', '12-24', '12-25', '12-26', '12-31']],
    [2025, ['01-01', '01-06', '04-18', '04-20', '04-21', '05-01', '05-29', '06-06', '06-08', '06-20', '06-21', '11-01', '12-24', '12-25', '12-26', '12-31']],
    [2026, ['01-01', '01-06', '04-03', '04-05', '04-06', '05-01', '05-14', '05-24', '06-06', '06-19', '06-20', '10-31', '12-24', '12-25', '12-26', '12-31']],
    [2027, ['01-01', '01-06', '03-26', '03-28', '03-29', '05-01', '05-06', '05-16', '06-06', '06-25', '06-26', '11-06', '12-24', '12-25', '12-26', '12-31']],
  ])('lists the public holidays and the three eves of %i, weekends included', (year, days) => {
    expect(legalHolidays(year)).toEqual(days.map((day) => `${year}-${day}`));
  });

  it('finds Midsummer Eve on the first and on the last possible date', () => {
    expect(legalHolidays(2020)).toContain('2020-06-19'); // midsommardagen 2020-06-20
    expect(legalHolidays(2020)).not.toContain('2020-06-26');
    expect(legalHolidays(2021)).toContain('2021-06-25'); // midsommardagen 2021-06-26
    expect(legalHolidays(2021)).not.toContain('2021-06-18');
  });

  it('derives exactly the three eves that date-holidays lists as bank holidays', () => {
    const library = new Holidays('SE');
    for (const year of [2023, 2024, 2025, 2026, 2027, 2030]) {
      const ofType = (type: string) =>
        library
          .getHolidays(year)
          .filter((holiday) => holiday.type === type)
          .map((holiday) => holiday.date.slice(0, 10));
      const publicDays = ofType('public');
      expect(legalHolidays(year).filter((day) => !publicDays.includes(day))).toEqual(ofType('bank'));
    }
  });

  it.each([0, 1.5, 10000, Number.NaN])('refuses the year %p', (year) => {
    expect(() => legalHolidays(year)).toThrow(RangeError);
  });

  it('hands out a copy the caller cannot use to change the calendar', () => {
    legalHolidays(2026).push('2026-03-03');
    expect(isNonWorkingDay('2026-03-03')).toBe(false);
  });
});

describe('isNonWorkingDay', () => {
  it.each([
    [2023, ['01-06', '04-07', '04-10', '05-01', '05-18', '06-06', '06-23', '12-25', '12-26']],
    [2024, ['01-01', '03-29', '04-01', '05-01', '05-09', '06-06', '06-21', '12-24', '12-25', '12-26', '12-31']],
    [2025, ['01-01', '01-06', '04-18', '04-21', '05-01', '05-29', '06-06', '06-20', '12-24', '12-25', '12-26', '12-31']],
    [2026, ['01-01', '01-06', '04-03', '04-06', '05-01', '05-14', '06-19', '12-24', '12-25', '12-31']],
    [2027, ['01-01', '01-06', '03-26', '03-29', '05-06', '06-25', '12-24', '12-31']],
  ])('has exactly these Monday–Friday non-working days in %i', (year, days) => {
    expect(weekdayNonWorkingDays(year)).toEqual(days);
  });

  it('treats every Saturday and Sunday as non-working', () => {
    expect(isNonWorkingDay('2026-03-07')).toBe(true); // Saturday
    expect(isNonWorkingDay('2026-03-08')).toBe(true); // Sunday
    expect(isNonWorkingDay('2026-03-06')).toBe(false); // Friday
    expect(isNonWorkingDay('2026-03-09')).toBe(false); // Monday
  });

  it.each([
    ['2026-01-05', 'trettondagsafton'],
    ['2026-04-02', 'skärtorsdagen'],
    ['2026-04-30', 'valborgsmässoafton'],
    ['2026-05-25', 'annandag pingst (no longer a holiday since 2005)'],
    ['2026-10-30', 'allhelgonaafton'],
    ['2026-12-23', 'the day before Christmas Eve'],
    ['2027-01-05', 'trettondagsafton'],
  ])('keeps %s (%s) a working day', (date) => {
    expect(isNonWorkingDay(date)).toBe(false);
  });

  it('treats the three eves as non-working even on a weekday', () => {
    expect(isNonWorkingDay('2026-06-19')).toBe(true);
    expect(isNonWorkingDay('2026-12-24')).toBe(true);
    expect(isNonWorkingDay('2026-12-31')).toBe(true);
  });

  it.each(['2026-4-2', '2026-02-30', '2026-13-01', '02/04/2026', '2026-04-02T10:00', '', 'i morgon'])('refuses the date %j', (date) => {
    expect(() => isNonWorkingDay(date)).toThrow(RangeError);
  });

  it('explains an invalid date in Swedish', () => {
    expect(() => isNonWorkingDay('2026-02-30')).toThrow('Datumet måste anges som ÅÅÅÅ-MM-DD, till exempel 2026-04-02, inte ”2026-02-30”');
  });
});

describe('addDays', () => {
  it('counts calendar days across month ends, year ends and leap days', () => {
    expect(addDays('2026-04-02', 2)).toBe('2026-04-04');
    expect(addDays('2026-12-10', 21)).toBe('2026-12-31');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
  });

  it('goes back with a negative number and stays put with zero', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-06-22', 0)).toBe('2026-06-22');
  });

  it('is not moved by the daylight-saving changes', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2026-03-15', 21)).toBe('2026-04-05');
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p days', (days) => {
    expect(() => addDays('2026-04-02', days)).toThrow(new RangeError(`Antal dagar måste vara ett heltal, inte ${days}`));
  });
});

describe('nextWorkingDay and legalDeadline', () => {
  it('keeps a working day as it is', () => {
    expect(nextWorkingDay('2026-04-02')).toBe('2026-04-02');
    expect(legalDeadline('2026-04-07')).toBe('2026-04-07');
  });

  it('moves a Saturday or a Sunday to Monday', () => {
    expect(nextWorkingDay('2026-03-07')).toBe('2026-03-09');
    expect(legalDeadline('2026-03-08')).toBe('2026-03-09');
  });

  it('runs from Good Friday over Easter to the Tuesday after Easter Monday', () => {
    expect(legalDeadline('2026-04-03')).toBe('2026-04-07');
    expect(legalDeadline('2026-04-04')).toBe('2026-04-07');
    expect(legalDeadline('2026-04-06')).toBe('2026-04-07');
  });

  it('moves Ascension Day to the Friday after it', () => {
    expect(legalDeadline('2026-05-14')).toBe('2026-05-15');
  });

  it('moves Midsummer Eve to the Monday after the weekend', () => {
    expect(legalDeadline('2026-06-19')).toBe('2026-06-22');
  });

  it('runs from Christmas Eve into the next year when New Year falls in between', () => {
    expect(legalDeadline('2026-12-24')).toBe('2026-12-28');
    expect(legalDeadline('2026-12-31')).toBe('2027-01-04');
    expect(legalDeadline('2027-12-24')).toBe('2027-12-27');
    expect(legalDeadline('2027-12-31')).toBe('2028-01-03');
  });

  it('moves the National Day only when it falls on a weekday', () => {
    expect(legalDeadline('2025-06-06')).toBe('2025-06-09'); // Friday
    expect(legalDeadline('2024-06-06')).toBe('2024-06-07'); // Thursday
  });

  it('refuses an invalid date', () => {
    expect(() => nextWorkingDay('2026-04-31')).toThrow(RangeError);
  });
});
