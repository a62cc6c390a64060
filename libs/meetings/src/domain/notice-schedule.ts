import { DateTime } from 'luxon';
import { MEETING_TIME_ZONE, parseClockTime } from './clock-time';

export interface DispatchPlan {
  dispatchAt: Date;
  /** The rule's moment had already passed: the notice goes out now and is flagged "skickad för sent". */
  sentLate: boolean;
}

/**
 * When the notice must go out: the meeting's calendar date in Stockholm minus `leadDays`, at
 * `sendTime` Stockholm time. The reglemente counts days ("senast en vecka före"), not hours, so the
 * subtraction is on calendar dates; counting 7 × 24 hours would send at 07:00 or 09:00 local time
 * whenever a daylight-saving change falls in between.
 *
 * Daylight-saving edges (send times between 02:00 and 03:00 are unusual but a setting allows them):
 * - On the last Sunday of March the clocks go from 02:00 to 03:00, so e.g. 02:30 never happens. The
 *   time moves forward by the gap (02:30 → 03:30 CEST): it stays on the intended day, and the moment
 *   is the one a clock that was not put forward would show as 02:30.
 * - On the last Sunday of October 02:00–03:00 happens twice. The first occurrence (summer time) is
 *   taken, since it is the earlier moment and a notice is never sent later than the setting says.
 */
export function noticeDispatchTime(startsAt: Date, leadDays: number, sendTime: string): Date {
  if (Number.isNaN(startsAt.getTime())) {
    throw new RangeError('Sammanträdets starttid är ogiltig');
  }
  if (!Number.isInteger(leadDays) || leadDays < 0) {
    throw new RangeError(`Antal dagar före sammanträdet måste vara ett heltal som är 0 eller större, inte ${leadDays}`);
  }
  const time = parseClockTime(sendTime);
  if (!time) {
    throw new RangeError(`Utskickstiden måste anges som TT:MM, till exempel 08:00, inte "${sendTime}"`);
  }

  const dispatchDay = DateTime.fromJSDate(startsAt, { zone: MEETING_TIME_ZONE }).startOf('day').minus({ days: leadDays });
  // Luxon itself resolves a time in the spring gap forward by the gap's length, as described above.
  const local = DateTime.fromObject(
    { year: dispatchDay.year, month: dispatchDay.month, day: dispatchDay.day, hour: time.hour, minute: time.minute },
    { zone: MEETING_TIME_ZONE },
  );
  // For an autumn time that occurs twice Luxon picks the later (winter time) one; take the earliest instead.
  const earliest = Math.min(...local.getPossibleOffsets().map((candidate) => candidate.toMillis()));
  return new Date(earliest);
}

/** When to send a notice that is being scheduled at `now`: on time if possible, otherwise at once and flagged. */
export function dispatchPlan(startsAt: Date, leadDays: number, sendTime: string, now: Date): DispatchPlan {
  const due = noticeDispatchTime(startsAt, leadDays, sendTime);
  if (due.getTime() < now.getTime()) {
    // KL and the reglemente want the notice out by this moment; a late notice is still sent (a meeting
    // without one is worse), but the secretary and the audit log must see that it was late.
    return { dispatchAt: new Date(now.getTime()), sentLate: true };
  }
  return { dispatchAt: due, sentLate: false };
}

/** The organ's send time is given to the minute: a notice that leaves within that minute is on time. */
const SEND_TIME_RESOLUTION_MS = 60_000;

/**
 * Whether a notice that actually left at `leftAt` left after the organ's deadline (`deadline`, from
 * noticeDispatchTime). The worker sends a notice when it is due, a moment after the deadline itself;
 * that moment is not lateness, but a notice that leaves a minute or more later (the worker was down,
 * the queue was stopped) is late and must be flagged like one finalized too late.
 */
export function leftAfterDeadline(deadline: Date, leftAt: Date): boolean {
  return leftAt.getTime() >= deadline.getTime() + SEND_TIME_RESOLUTION_MS;
}

/**
 * A revised or supplementary notice is sent at once when it is finalized: it is late when the organ's
 * deadline had passed by then, exactly as a notice finalized too late (dispatchPlan).
 */
export function immediatePlan(startsAt: Date, leadDays: number, sendTime: string, now: Date): DispatchPlan {
  return { dispatchAt: new Date(now.getTime()), sentLate: now.getTime() > noticeDispatchTime(startsAt, leadDays, sendTime).getTime() };
}
