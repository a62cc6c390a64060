import { Link } from 'react-aria-components';
import { formatTime, formatWeekdayDate } from '../../format/dates';
import { MEETING_STATUS_LABELS } from './meeting-status-labels';
import { NoticeState } from './notice-state';
import type { ComingMeeting } from './overview-query';

/** The organ's next meetings, nearest first, with where each notice stands. */
export function ComingMeetings({ organName, meetings, headingId }: { organName: string; meetings: ComingMeeting[]; headingId: string }) {
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Kommande sammanträden</h3>
      {meetings.length === 0 ? (
        <p>
          Inga sammanträden är planerade. <Link href="/sammantradesplan">Planera i sammanträdesplanen</Link>
        </p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">Kommande sammanträden för {organName}</caption>
            <thead>
              <tr>
                <th scope="col">Sammanträde</th>
                <th scope="col">Status</th>
                <th scope="col">Kallelse</th>
                <th scope="col">Ärenden</th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((meeting) => (
                <tr key={meeting.id}>
                  <td>
                    <Link href={`/moten/${meeting.id}`}>
                      {formatWeekdayDate(meeting.startsAt)} kl. {formatTime(meeting.startsAt)}
                    </Link>
                    <br />
                    <span className="start-muted">{meeting.place}</span>
                  </td>
                  <td>
                    {MEETING_STATUS_LABELS[meeting.status]}
                    {meeting.started ? (
                      <>
                        <br />
                        <span className="badge badge-warning">Ska markeras som genomfört</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <NoticeState meeting={meeting} />
                  </td>
                  <td>{meeting.itemCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
