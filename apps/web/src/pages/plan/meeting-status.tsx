import type { Schemas } from '../../api/client';

export type MeetingStatus = Schemas['MeetingDto']['status'];

/** A meeting's status as the secretary says it. */
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Planerat',
  notice_finalized: 'Kallelse fastställd',
  notice_sent: 'Kallelse skickad',
  held: 'Hållet',
  minutes_verified: 'Protokoll justerat',
  cancelled: 'Inställt',
};

const STATUS_BADGES: Partial<Record<MeetingStatus, string>> = {
  notice_sent: 'badge-success',
  minutes_verified: 'badge-success',
  cancelled: 'badge-danger',
};

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  return <span className={`badge ${STATUS_BADGES[status] ?? ''}`.trim()}>{MEETING_STATUS_LABELS[status]}</span>;
}

/** Time, place and group meetings can be changed until the meeting is held or cancelled. */
export function canChangeMeeting(status: MeetingStatus): boolean {
  return status === 'planned' || status === 'notice_finalized' || status === 'notice_sent';
}
