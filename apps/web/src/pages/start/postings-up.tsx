import { Link } from 'react-aria-components';
import type { Schemas } from '../../api/client';
import { formatCalendarDate } from '../../format/dates';

/** The organ's postings on the notice board now, the first to come down first. */
export function PostingsUp({ postings, headingId }: { postings: Schemas['PostingUpDto'][]; headingId: string }) {
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Anslag uppe</h3>
      {postings.length === 0 ? (
        <p>Inga anslag är uppe.</p>
      ) : (
        <ul className="start-list">
          {postings.map((posting) => (
            <li key={posting.id}>
              <Link href="/anslag">
                {posting.documentType} {formatCalendarDate(posting.meetingDate)} {posting.paragraphs}
              </Link>{' '}
              <span className="start-muted">tas ned {formatCalendarDate(posting.takenDownOn)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
