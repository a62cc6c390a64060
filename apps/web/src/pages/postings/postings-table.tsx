import { Link } from 'react-aria-components';
import { formatCalendarDate } from '../../format/dates';
import type { Posting } from './postings-query';

/** What the posting announces, linked to the minutes (or, for a kungörelse, to the meeting). */
function PostingSubject({ posting }: { posting: Posting }) {
  const label = `${posting.documentType} ${formatCalendarDate(posting.meetingDate)}${posting.paragraphs ? ` ${posting.paragraphs}` : ''}`;
  const href = posting.kind === 'minutes' ? `/moten/${posting.meetingId}/protokoll` : `/moten/${posting.meetingId}`;
  return <Link href={href}>{label}</Link>;
}

const day = (date: string | null) => (date ? formatCalendarDate(date) : '–');

/** Postings with the dates the law gives them: up, down, and the last day to appeal. */
export function PostingsTable({ caption, postings }: { caption: string; postings: Posting[] }) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Organ</th>
            <th scope="col">Anslag</th>
            <th scope="col">Uppsatt</th>
            <th scope="col">Tas ned</th>
            <th scope="col">Sista dag att överklaga</th>
          </tr>
        </thead>
        <tbody>
          {postings.map((posting) => (
            <tr key={posting.id}>
              <td>{posting.organName}</td>
              <td>
                <PostingSubject posting={posting} />
              </td>
              <td>{day(posting.postedOn)}</td>
              <td>{day(posting.takenDownOn)}</td>
              <td>{day(posting.lastAppealDay)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
