import { Link } from 'react-aria-components';
import type { Schemas } from '../../api/client';
import { formatTime, formatWeekdayDate } from '../../format/dates';
import { MeetingStatusBadge } from './meeting-status';

/** The year's meetings in time order; each row's date opens the meeting. */
export function MeetingsTable({ meetings, year }: { meetings: Schemas['MeetingDto'][]; year: number }) {
  if (meetings.length === 0) return <p className="plan-empty">Inga sammanträden är planerade {year}.</p>;
  return (
    <div className="table-scroll">
      <table className="table plan-table">
        <caption className="visually-hidden">Sammanträden {year}</caption>
        <thead>
          <tr>
            <th scope="col">Datum</th>
            <th scope="col">Tid</th>
            <th scope="col">Plats</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((meeting) => (
            <tr key={meeting.id} data-meeting-id={meeting.id}>
              <td>
                <Link href={`/moten/${meeting.id}`}>{formatWeekdayDate(meeting.startsAt)}</Link>
              </td>
              <td>
                {formatTime(meeting.startsAt)}–{formatTime(meeting.endsAt)}
              </td>
              <td>{meeting.place}</td>
              <td>
                <MeetingStatusBadge status={meeting.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
