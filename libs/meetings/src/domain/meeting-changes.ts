import { DateTime } from 'luxon';
import { MEETING_TIME_ZONE } from './clock-time';

export interface MeetingTimeAndPlace {
  startsAt: Date;
  endsAt: Date;
  place: string;
}

const MINUTE = 60_000;

// Notices show times to the minute; a change of seconds (a re-save from another client) is no change
// and must not send an "ändrad kallelse" to everyone.
const minuteOf = (instant: Date) => Math.floor(instant.getTime() / MINUTE);

const local = (instant: Date) => DateTime.fromJSDate(instant, { zone: MEETING_TIME_ZONE }).setLocale('sv');

/** "onsdag 11 januari 2023 kl. 14:00", as in the notice. */
export function formatMeetingDateTime(instant: Date): string {
  return local(instant).toFormat("cccc d LLLL yyyy 'kl.' HH:mm");
}

// Whitespace differences are invisible on the notice, so they are not a change.
const normalisePlace = (place: string) => place.trim().replace(/\s+/g, ' ');

/**
 * Swedish sentences for a changed notice, in Stockholm time; empty when nothing the recipients see
 * has changed. A moved start is told in full. The end time is told on its own only when it did not
 * simply follow the start (same length of meeting), so that moving a meeting does not read as two
 * changes; it is given as a time of day when the meeting ends on the day it starts.
 */
export function describeMeetingChanges(before: MeetingTimeAndPlace, after: MeetingTimeAndPlace): string[] {
  const sentences: string[] = [];
  const startMoved = minuteOf(before.startsAt) !== minuteOf(after.startsAt);
  if (startMoved) {
    sentences.push(`Tiden är ändrad från ${formatMeetingDateTime(before.startsAt)} till ${formatMeetingDateTime(after.startsAt)}.`);
  }
  const endMoved = minuteOf(before.endsAt) !== minuteOf(after.endsAt);
  const lengthChanged = minuteOf(before.endsAt) - minuteOf(before.startsAt) !== minuteOf(after.endsAt) - minuteOf(after.startsAt);
  if (endMoved && (!startMoved || lengthChanged)) {
    const sameDay = local(after.endsAt).hasSame(local(after.startsAt), 'day');
    sentences.push(`Sluttiden är ändrad till ${sameDay ? local(after.endsAt).toFormat('HH:mm') : formatMeetingDateTime(after.endsAt)}.`);
  }
  const placeBefore = normalisePlace(before.place);
  const placeAfter = normalisePlace(after.place);
  if (placeBefore !== placeAfter) {
    if (placeBefore === '') sentences.push(`Platsen är ${placeAfter}.`);
    else if (placeAfter === '') sentences.push(`Platsen ${placeBefore} gäller inte längre; ny plats meddelas senare.`);
    else sentences.push(`Platsen är ändrad från ${placeBefore} till ${placeAfter}.`);
  }
  return sentences;
}
