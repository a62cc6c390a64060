/** Every date and time is shown as in Stockholm, whatever the device's own time zone. */
const TIME_ZONE = 'Europe/Stockholm';

const formats = {
  date: new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' }),
  weekdayDate: new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
  shortDate: new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }),
  clock: new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
};

const toDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);

/** A calendar date (YYYY-MM-DD) is read at noon UTC, which is the same day in Stockholm in every season. */
const calendarDate = (isoDate: string) => new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);

/** "11 januari 2023" */
export function formatDate(instant: string | Date): string {
  return formats.date.format(toDate(instant));
}

/** "11 januari 2023" from "2023-01-11" */
export function formatCalendarDate(isoDate: string): string {
  return formats.date.format(calendarDate(isoDate));
}

/** "onsdag 11 januari 2023" */
export function formatWeekdayDate(instant: string | Date): string {
  return formats.weekdayDate.format(toDate(instant));
}

/** "2023-01-11", as in a diarium */
export function formatShortDate(instant: string | Date): string {
  return formats.shortDate.format(toDate(instant));
}

/** "14:00" */
export function formatTime(instant: string | Date): string {
  return formats.clock.format(toDate(instant));
}

/** "11 januari 2023 kl. 14:00", as in the documents */
export function formatDateTime(instant: string | Date): string {
  return `${formatDate(instant)} kl. ${formatTime(instant)}`;
}

/** "onsdag 11 januari 2023 kl. 14:00–17:00" */
export function formatTimeSpan(start: string, end: string | null | undefined): string {
  const from = `${formatWeekdayDate(start)} kl. ${formatTime(start)}`;
  return end ? `${from}–${formatTime(end)}` : from;
}

/** "Today" in Stockholm as YYYY-MM-DD. */
export function todayInStockholm(): string {
  return formats.shortDate.format(new Date());
}
