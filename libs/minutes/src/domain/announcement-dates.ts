import { DateTime } from 'luxon';
import { addDays } from './legal-calendar';

/** KL 5 kap. 11 §: fullmäktige's time and place are on the notice board at least a week before the meeting day. */
export const ANNOUNCEMENT_DAYS_BEFORE_MEETING = 7;

const ZONE = 'Europe/Stockholm';

/**
 * When fullmäktige's kungörelse goes up: with the notice, as long as the notice goes out by the last
 * day the law allows (a week before the meeting day); otherwise at the start of that day, whatever
 * lead time the organ's notice has. When that moment has passed already it goes up at once (`now`),
 * yet never after the notice itself: its posting date is the day it really goes up.
 */
export function announcementUpAt(meetingDay: string, noticeDispatchAt: Date, now: Date): Date {
  const lastDay = addDays(meetingDay, -ANNOUNCEMENT_DAYS_BEFORE_MEETING);
  const noticeDay = DateTime.fromJSDate(noticeDispatchAt, { zone: ZONE }).toISODate()!;
  if (noticeDay <= lastDay) return noticeDispatchAt;
  const startOfLastDay = DateTime.fromISO(lastDay, { zone: ZONE }).startOf('day').toJSDate();
  return new Date(Math.min(noticeDispatchAt.getTime(), Math.max(startOfLastDay.getTime(), now.getTime())));
}
