import { formatShortDate, formatTime } from '../../format/dates';

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Stockholm', timeZoneName: 'longOffset' });

/** Stockholm's offset from UTC at an instant, as "+01:00" or "+02:00". */
function stockholmOffset(instant: Date): string {
  const name = offsetFormat.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'GMT' ? '+00:00' : name.slice(3);
}

/**
 * "2027-03-10" and "14:00" as the secretary means them, in Stockholm, with the offset the API requires
 * ("2027-03-10T14:00:00+01:00"). The offset is looked up twice because summer time starts and ends at
 * 01:00 UTC: the first guess can fall on the wrong side of the change.
 */
export function stockholmInstant(date: string, time: string): string {
  const firstGuess = stockholmOffset(new Date(`${date}T${time}:00Z`));
  const offset = stockholmOffset(new Date(`${date}T${time}:00${firstGuess}`));
  return `${date}T${time}:00${offset}`;
}

/** The date and the clock time of an instant in Stockholm, as the form fields hold them. */
export function stockholmDateAndTime(instant: string): { date: string; time: string } {
  return { date: formatShortDate(instant), time: formatTime(instant) };
}

/** "2027-02-30" is refused, not rolled over into March. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const noon = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(noon.getTime()) && noon.toISOString().startsWith(value);
}

export const isClockTime = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
