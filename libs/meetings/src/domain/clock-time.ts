/** Meetings are held, and notices sent, on Swedish local time whatever the server's zone. */
export const MEETING_TIME_ZONE = 'Europe/Stockholm';

// Two-digit hours only: "8:00" is refused rather than guessed, since what the secretary typed is printed as is.
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A wall-clock time of day, HH:MM (00:00–23:59). */
export interface ClockTime {
  hour: number;
  minute: number;
}

/** Parses HH:MM; null for anything else, so each caller can word its own error. */
export function parseClockTime(value: string): ClockTime | null {
  const match = CLOCK_TIME.exec(value);
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

/** Minutes since midnight, for comparing times of day; null when the value is not HH:MM. */
export function clockMinutes(value: string): number | null {
  const time = parseClockTime(value);
  return time ? time.hour * 60 + time.minute : null;
}
