import type Holidays from 'date-holidays';
import { DateTime } from 'luxon';

/**
 * The business-day calendar for legal dates, lag (1930:173) om beräkning av lagstadgad tid: a time
 * limit whose last day is a Saturday, a Sunday, a public holiday (allmän helgdag), Midsummer Eve,
 * Christmas Eve or New Year's Eve ends on the next working day instead.
 *
 * Dates are Swedish calendar dates written as ISO strings, 'YYYY-MM-DD'. Arithmetic is done on the
 * date alone (luxon in UTC, where every day is 24 hours), so no time zone or daylight-saving change
 * can move a date.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Public holidays come from date-holidays ('public': the allmänna helgdagar and första maj), loaded when a legal date
 * is first worked out: its rules for every country cost some 20 MB resident.
 */
let swedishHolidays: Holidays | undefined;

function swedishHolidaysOf(year: number) {
  swedishHolidays ??= new (require('date-holidays') as typeof Holidays)('SE');
  return swedishHolidays.getHolidays(year);
}

/** Non-working days other than weekends, per year; each year is worked out once. */
const holidayCache = new Map<number, ReadonlySet<string>>();

function parse(date: string): DateTime {
  const parsed = ISO_DATE.test(date) ? DateTime.fromISO(date, { zone: 'utc' }) : null;
  if (!parsed || !parsed.isValid) {
    throw new RangeError(`Datumet måste anges som ÅÅÅÅ-MM-DD, till exempel 2026-04-02, inte ”${date}”`);
  }
  return parsed;
}

function format(date: DateTime): string {
  return date.toISODate() as string;
}

function holidaySet(year: number): ReadonlySet<string> {
  let holidays = holidayCache.get(year);
  if (!holidays) {
    const dates = swedishHolidaysOf(year)
      .filter((holiday) => holiday.type === 'public')
      // `date` is the local (Stockholm) date and time, e.g. '2026-06-06 00:00:00'.
      .map((holiday) => holiday.date.slice(0, 10));
    dates.push(...statutoryEves(year));
    holidays = new Set([...dates].sort());
    holidayCache.set(year, holidays);
  }
  return holidays;
}

/**
 * The three eves lag (1930:173) adds to the public holidays. date-holidays lists them as 'bank'
 * days; they are derived here from the rules themselves so that a change in how the library
 * classifies a day cannot change a legal date. Midsummer Eve is the Friday before midsommardagen,
 * which is the Saturday from 20 to 26 June (lag 1989:253 om allmänna helgdagar), so 19–25 June.
 */
function statutoryEves(year: number): string[] {
  const june19 = DateTime.utc(year, 6, 19);
  const midsummerEve = june19.plus({ days: (5 - june19.weekday + 7) % 7 }); // luxon: Friday = 5
  return [format(midsummerEve), `${year}-12-24`, `${year}-12-31`];
}

/**
 * The holidays of `year` on which no time limit can end, sorted: the public holidays (including
 * those that fall on a weekend) plus Midsummer Eve, Christmas Eve and New Year's Eve.
 */
export function legalHolidays(year: number): string[] {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new RangeError(`Året måste vara ett heltal mellan 1 och 9999, inte ${year}`);
  }
  return [...holidaySet(year)];
}

/** Saturday, Sunday, a public holiday, Midsummer Eve, Christmas Eve or New Year's Eve. */
export function isNonWorkingDay(date: string): boolean {
  const day = parse(date);
  return day.weekday >= 6 || holidaySet(day.year).has(format(day));
}

/** `date` moved by `days` calendar days (negative to go back). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) {
    throw new RangeError(`Antal dagar måste vara ett heltal, inte ${days}`);
  }
  return format(parse(date).plus({ days }));
}

/** `date` itself if it is a working day, otherwise the first working day after it. */
export function nextWorkingDay(date: string): string {
  let day = format(parse(date));
  while (isNonWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/**
 * The day a time limit really ends when its last day, counted by the calendar, is `date`: a last
 * day that falls on a non-working day moves to the next working day (lag 1930:173).
 */
export function legalDeadline(date: string): string {
  return nextWorkingDay(date);
}
