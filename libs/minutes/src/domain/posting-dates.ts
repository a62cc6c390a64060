import { addDays, isNonWorkingDay, legalDeadline } from './legal-calendar';

/**
 * The dates of the notice (tillkännagivande) on the digital notice board that the minutes have been
 * verified. All are Swedish calendar dates, 'YYYY-MM-DD'.
 */
export interface PostingDates {
  /** The day the notice goes up; the appeal period is counted from it. */
  postedOn: string;
  /** The last day the notice may go up: the second day after verification (KL 8 kap. 12 §). */
  latestPostingDay: string;
  /** The last day an appeal (laglighetsprövning) can arrive: three weeks from posting (KL 13 kap. 5 §). */
  lastAppealDay: string;
  /** The first day the notice may come down; it stays up through the whole last appeal day. */
  takenDownOn: string;
}

export class PostingDateError extends Error {
  constructor(
    readonly postOn: string,
    readonly verifiedOn: string,
    readonly latestPostingDay: string,
  ) {
    super(
      postOn < verifiedOn
        ? `Anslaget kan inte sättas upp ${postOn}, före justeringen ${verifiedOn}.`
        : `Anslaget måste sättas upp senast ${latestPostingDay}, andra dagen efter justeringen (KL 8 kap. 12 §), inte ${postOn}.`,
    );
    this.name = 'PostingDateError';
  }
}

/**
 * When the notice of verified minutes goes up and comes down, and when the appeal period ends.
 *
 * - The notice must go up no later than the second day after verification (KL 8 kap. 12 §); a last
 *   day on a non-working day moves to the next working day (lag 1930:173).
 * - The digital notice board can post on any day, weekends included, so `postOn` may be any day from
 *   the verification day to the latest posting day. Without it the notice goes up on the
 *   verification day itself.
 * - An appeal must arrive within three weeks of the posting day (KL 13 kap. 5 §), moved to the next
 *   working day when the last day is not one. The notice may not come down before that period has
 *   ended (KL 8 kap. 12 §), so it comes down the day after the last appeal day.
 */
export function postingDates(verifiedOn: string, postOn?: string): PostingDates {
  const latestPostingDay = legalDeadline(addDays(verifiedOn, 2));
  const postedOn = addDays(postOn ?? verifiedOn, 0); // validates and normalises
  if (postedOn < verifiedOn || postedOn > latestPostingDay) {
    throw new PostingDateError(postedOn, verifiedOn, latestPostingDay);
  }
  const lastAppealDay = legalDeadline(addDays(postedOn, 21));
  return { postedOn, latestPostingDay, lastAppealDay, takenDownOn: addDays(lastAppealDay, 1) };
}

/** The last day to verify (justera) the minutes: 14 days after the meeting (KL 5 kap. 69 §, 6 kap. 35 §). */
export function verificationDeadline(meetingDate: string): string {
  return legalDeadline(addDays(meetingDate, 14));
}

/**
 * The day to send a reminder `workingDaysBefore` working days before `deadline`: step back from the
 * deadline one day at a time, counting only working days, e.g. two working days before Tuesday
 * 2026-04-07 (after Easter) is Wednesday 2026-04-01, and one working day before a Saturday is the
 * Friday. The result is always a working day. With 0 it is the deadline itself, or the last working
 * day before it if the deadline is not a working day.
 */
export function reminderDay(deadline: string, workingDaysBefore = 2): string {
  if (!Number.isInteger(workingDaysBefore) || workingDaysBefore < 0) {
    throw new RangeError(`Antal arbetsdagar före måste vara ett heltal som är 0 eller större, inte ${workingDaysBefore}`);
  }
  let day = addDays(deadline, 0); // validates and normalises
  if (workingDaysBefore === 0) {
    while (isNonWorkingDay(day)) day = addDays(day, -1);
    return day;
  }
  for (let remaining = workingDaysBefore; remaining > 0; ) {
    day = addDays(day, -1);
    if (!isNonWorkingDay(day)) remaining -= 1;
  }
  return day;
}
