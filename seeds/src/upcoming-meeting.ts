import { isNonWorkingDay } from '@namndrum/minutes';
import { DateTime } from 'luxon';
import { MUNICIPAL_TIME_ZONE } from '@namndrum/core';

export interface UpcomingMeetingRule {
  /** At least this many weeks after the day the seed runs. */
  weeksAhead: number;
  /** The organ's usual meeting day, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local times (Europe/Stockholm), HH:mm. */
  startTime: string;
  endTime: string;
}

/**
 * When the demo's upcoming meeting is: the first of the organ's usual weekdays, not a holiday, at least
 * `weeksAhead` weeks after `now`, at the organ's local time — so its notice is still waiting for its send time.
 */
export function upcomingMeetingTimes(rule: UpcomingMeetingRule, now: Date): { startsAt: Date; endsAt: Date } {
  let day = DateTime.fromJSDate(now, { zone: MUNICIPAL_TIME_ZONE }).startOf('day').plus({ weeks: rule.weeksAhead });
  while (day.weekday !== rule.weekday || isNonWorkingDay(day.toISODate()!)) day = day.plus({ days: 1 });
  const at = (time: string) => DateTime.fromISO(`${day.toISODate()}T${time}`, { zone: MUNICIPAL_TIME_ZONE }).toJSDate();
  return { startsAt: at(rule.startTime), endsAt: at(rule.endTime) };
}
