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

/**
 * An instant as Swedish date and time in Stockholm: "11 januari 2023 kl. 14:05".
 * Takes a Date or an ISO timestamp with `Z` or an offset; one without would be read in the server's own time zone.
 */
export function swedishLongDateTime(instant: Date | string): string {
  if (typeof instant === 'string' && !TIMESTAMP_WITH_OFFSET.test(instant)) {
    throw new RangeError(`Ogiltig tidpunkt: "${instant}" (väntade ISO 8601 med tidszon)`);
  }
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Ogiltig tidpunkt: "${String(instant)}"`);
  const parts = Object.fromEntries(longDateTime.formatToParts(date).map((part) => [part.type, part.value]));
  // Built from the parts so that the layout does not depend on the ICU version's literals.
  return `${parts.day} ${parts.month} ${parts.year} kl. ${parts.hour}:${parts.minute}`;
}
