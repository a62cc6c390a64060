import { ConflictError } from '@namndrum/core';
import { assertMeetingTransition, MeetingStatus, MeetingTransitionError } from './domain/meeting-status';
import type { Meeting } from './entities';

export const meetingClosed = (what: string) => new ConflictError('MEETING_CLOSED', `${what} går inte: sammanträdet är inställt eller redan genomfört`);

/** Moves the meeting to the status, or answers 409 naming the statuses it can go to. */
export function moveMeetingTo(meeting: Meeting, to: MeetingStatus): void {
  try {
    assertMeetingTransition(meeting.status, to);
  } catch (error) {
    if (error instanceof MeetingTransitionError) {
      throw new ConflictError('MEETING_STATE', error.message, [{ field: 'status', messages: [`allowed next: ${error.allowed.join(', ') || 'none'}`] }]);
    }
    throw error;
  }
  meeting.status = to;
}
