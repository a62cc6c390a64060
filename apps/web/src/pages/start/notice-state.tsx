import { formatDateTime } from '../../format/dates';
import type { ComingMeeting } from './overview-query';

/** Where the meeting's kallelse stands against the organ's deadline: to finalize by, scheduled, or sent — late ones flagged. */
export function NoticeState({ meeting }: { meeting: ComingMeeting }) {
  const { notice } = meeting;
  if (!notice) {
    return (
      <>
        Ska fastställas senast {formatDateTime(meeting.noticeDeadline)}
        {meeting.noticeOverdue ? (
          <>
            {' '}
            <span className="badge badge-danger">Försenad</span>
          </>
        ) : null}
      </>
    );
  }
  if (notice.status === 'scheduled') {
    return (
      <>
        Skickas {formatDateTime(notice.dispatchAt)}
        {notice.sentLate ? (
          <>
            {' '}
            <span className="badge badge-warning">Skickas för sent</span>
          </>
        ) : null}
      </>
    );
  }
  return (
    <>
      Skickad {formatDateTime(notice.dispatchedAt ?? notice.dispatchAt)}
      {notice.sentLate ? (
        <>
          {' '}
          <span className="badge badge-danger">Skickad för sent</span>
        </>
      ) : null}
    </>
  );
}
