/** The time zone every date in a municipal document is shown in. */
export const DOCUMENT_TIME_ZONE = 'Europe/Stockholm';

const longDate = new Intl.DateTimeFormat('sv-SE', { timeZone: DOCUMENT_TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });

const longDateTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: DOCUMENT_TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date (YYYY-MM-DD) in Swedish long form: `swedishLongDate('2022-12-14') === '14 december 2022'`. */
export function swedishLongDate(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new RangeError(`Ogiltigt datum: "${isoDate}" (väntade ÅÅÅÅ-MM-DD)`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Noon UTC is the same calendar day in Stockholm whatever the season, so the date never shifts.
  const noon = new Date(Date.UTC(year, month - 1, day, 12));
  if (noon.getUTCFullYear() !== year || noon.getUTCMonth() !== month - 1 || noon.getUTCDate() !== day) {
    throw new RangeError(`Ogiltigt datum: "${isoDate}"`);
  }
  return longDate.format(noon);
}

const TIMESTAMP_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A Date or an ISO timestamp with `Z` or an offset; one without would be read in the server's own time zone. */
function toInstant(instant: Date | string): Date {
  if (typeof instant === 'string' && !TIMESTAMP_WITH_OFFSET.test(instant)) {
    throw new RangeError(`Ogiltig tidpunkt: "${instant}" (väntade ISO 8601 med tidszon)`);
  }
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Ogiltig tidpunkt: "${String(instant)}"`);
  return date;
}

function partsOf(format: Intl.DateTimeFormat, date: Date): Record<string, string> {
  return Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
}

/**
 * An instant as Swedish date and time in Stockholm: "11 januari 2023 kl. 14:05".
 * Takes a Date or an ISO timestamp with `Z` or an offset; one without would be read in the server's own time zone.
 */
export function swedishLongDateTime(instant: Date | string): string {
  const parts = partsOf(longDateTime, toInstant(instant));
  // Built from the parts so that the layout does not depend on the ICU version's literals.
  return `${parts.day} ${parts.month} ${parts.year} kl. ${parts.hour}:${parts.minute}`;
}

const swedishWeekday = new Intl.DateTimeFormat('sv-SE', { timeZone: DOCUMENT_TIME_ZONE, weekday: 'long' });
const swedishClock = new Intl.DateTimeFormat('sv-SE', { timeZone: DOCUMENT_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * When a meeting starts, as the Tid line of a kallelse gives it: "Onsdag 11 januari 2023, kl. 14:00" in Stockholm time.
 * With an end on the same day: "Onsdag 11 januari 2023, kl. 14:00–16:00"; on a later day the end is written in full.
 */
export function swedishMeetingTime(startsAt: Date | string, endsAt: Date | string | null = null): string {
  const start = toInstant(startsAt);
  const weekday = swedishWeekday.format(start);
  const startParts = partsOf(longDateTime, start);
  const text = `${weekday.charAt(0).toLocaleUpperCase('sv-SE')}${weekday.slice(1)} ${startParts.day} ${startParts.month} ${startParts.year}, kl. ${clock(swedishClock, start, ':')}`;
  if (endsAt === null) return text;
  const end = toInstant(endsAt);
  if (end.getTime() < start.getTime()) throw new RangeError(`Sammanträdet slutar (${String(endsAt)}) innan det börjar (${String(startsAt)})`);
  return sameDay(start, end) ? `${text}–${clock(swedishClock, end, ':')}` : `${text} – ${swedishMeetingTime(end).replace(/^./, (first) => first.toLocaleLowerCase('sv-SE'))}`;
}

const finnishWeekday = new Intl.DateTimeFormat('fi-FI', { timeZone: DOCUMENT_TIME_ZONE, weekday: 'long' });
const finnishDate = new Intl.DateTimeFormat('fi-FI', { timeZone: DOCUMENT_TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const finnishClock = new Intl.DateTimeFormat('fi-FI', { timeZone: DOCUMENT_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * The same in Finnish, for the bilingual kallelse of an organ with Finnish as a minority language:
 * "keskiviikko 11. tammikuuta 2023 klo 14.00", still in Stockholm time.
 */
export function finnishMeetingTime(startsAt: Date | string, endsAt: Date | string | null = null): string {
  const start = toInstant(startsAt);
  // The weekday on its own, as the full date format gives the essive ("keskiviikkona").
  const parts = partsOf(finnishDate, start);
  const text = `${finnishWeekday.format(start)} ${parts.day}. ${parts.month} ${parts.year} klo ${clock(finnishClock, start, '.')}`;
  if (endsAt === null) return text;
  const end = toInstant(endsAt);
  if (end.getTime() < start.getTime()) throw new RangeError(`Sammanträdet slutar (${String(endsAt)}) innan det börjar (${String(startsAt)})`);
  return sameDay(start, end) ? `${text}–${clock(finnishClock, end, '.')}` : `${text} – ${finnishMeetingTime(end)}`;
}

function clock(format: Intl.DateTimeFormat, date: Date, separator: ':' | '.'): string {
  const parts = partsOf(format, date);
  return `${parts.hour}${separator}${parts.minute}`;
}

const stockholmDay = new Intl.DateTimeFormat('sv-SE', { timeZone: DOCUMENT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

function sameDay(first: Date, second: Date): boolean {
  return stockholmDay.format(first) === stockholmDay.format(second);
}

/** A calendar date (YYYY-MM-DD) in Finnish long form, for the Finnish lines of a bilingual document: "11. tammikuuta 2023". */
export function finnishLongDate(isoDate: string): string {
  // Checked and read as swedishLongDate reads it, so that a date is refused or accepted alike in both languages.
  swedishLongDate(isoDate);
  const [year, month, day] = isoDate.split('-').map(Number);
  const parts = partsOf(finnishDate, new Date(Date.UTC(year, month - 1, day, 12)));
  return `${parts.day}. ${parts.month} ${parts.year}`;
}
