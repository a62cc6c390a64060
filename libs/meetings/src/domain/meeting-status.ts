export const MEETING_STATUSES = ['planned', 'notice_finalized', 'notice_sent', 'held', 'minutes_verified', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Planerat',
  notice_finalized: 'Kallelse fastställd',
  notice_sent: 'Kallelse skickad',
  held: 'Genomfört',
  minutes_verified: 'Protokoll justerat',
  cancelled: 'Inställt',
};

/**
 * planned → notice finalized → notice sent → held → minutes verified; a meeting can be cancelled up
 * to the day it is held. There is no way back: once a notice is finalized its content is what goes
 * out, and once sent it has reached the members. Re-finalizing a notice after changes is an action on
 * the notice (a new version), not a status change, so notice_finalized → notice_finalized is refused
 * like every other same-status move. A held meeting cannot be cancelled: its decisions exist.
 */
const TRANSITIONS: Record<MeetingStatus, readonly MeetingStatus[]> = {
  planned: ['notice_finalized', 'cancelled'],
  notice_finalized: ['notice_sent', 'cancelled'],
  notice_sent: ['held', 'cancelled'],
  held: ['minutes_verified'],
  minutes_verified: [],
  cancelled: [],
};

export class MeetingTransitionError extends Error {
  constructor(
    readonly from: MeetingStatus,
    readonly to: MeetingStatus,
    readonly allowed: MeetingStatus[],
  ) {
    super(transitionMessage(from, to, allowed));
    this.name = 'MeetingTransitionError';
  }
}

function transitionMessage(from: MeetingStatus, to: MeetingStatus, allowed: MeetingStatus[]): string {
  const refused = `Sammanträdet kan inte gå från ”${MEETING_STATUS_LABELS[from]}” till ”${MEETING_STATUS_LABELS[to]}”.`;
  if (allowed.length === 0) return `${refused} ”${MEETING_STATUS_LABELS[from]}” är ett slutläge.`;
  return `${refused} Möjliga nästa steg: ${allowed.map((status) => `”${MEETING_STATUS_LABELS[status]}”`).join(', ')}.`;
}

export function canChangeMeetingStatus(from: MeetingStatus, to: MeetingStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedNextMeetingStatuses(from: MeetingStatus): MeetingStatus[] {
  return [...TRANSITIONS[from]];
}

/** Throws MeetingTransitionError (Swedish message listing the possible next statuses) unless from → to is allowed. */
export function assertMeetingTransition(from: MeetingStatus, to: MeetingStatus): void {
  if (!canChangeMeetingStatus(from, to)) throw new MeetingTransitionError(from, to, allowedNextMeetingStatuses(from));
}

/**
 * Items can be added, removed and reordered until the meeting is held. Once the notice is sent the
 * members have the list, so an item added then is marked "added after notice" (see isAfterDispatch)
 * and the meeting decides whether to take it up.
 */
export function canEditAgenda(status: MeetingStatus): boolean {
  return status === 'planned' || status === 'notice_finalized' || status === 'notice_sent';
}

/**
 * Whether the notice has certainly gone out. A cancelled meeting answers false: the status alone does
 * not tell whether it was cancelled before or after the notice was sent, so whoever needs that (to tell
 * the recipients about the cancellation) must look at the dispatch record.
 */
export function isAfterDispatch(status: MeetingStatus): boolean {
  return status === 'notice_sent' || status === 'held' || status === 'minutes_verified';
}
