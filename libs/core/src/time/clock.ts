/** The time zone every legal date is computed in. */
export const MUNICIPAL_TIME_ZONE = 'Europe/Stockholm';

const isoDate = new Intl.DateTimeFormat('sv-SE', { timeZone: MUNICIPAL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in Sweden at the given instant. */
export function swedishDate(instant: Date = new Date()): string {
  return isoDate.format(instant);
}

/**
 * The current time, injected where a rule depends on it (when a notice is due, whether a meeting has
 * started), so that tests can stand on a given day instead of today.
 */
export class Clock {
  now(): Date {
    return new Date();
  }
}
