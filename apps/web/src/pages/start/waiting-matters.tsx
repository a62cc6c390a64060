import { Link } from 'react-aria-components';
import type { Schemas } from '../../api/client';
import { formatDate } from '../../format/dates';

/** Matters whose signed tjänsteskrivelse waits for a place on an agenda. */
export function WaitingMatters({ matters, headingId }: { matters: Schemas['WaitingMatterDto'][]; headingId: string }) {
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Ärenden som väntar på föredragningslista</h3>
      {matters.length === 0 ? (
        <p>Inga ärenden med signerad tjänsteskrivelse väntar.</p>
      ) : (
        <ul className="start-list">
          {matters.map((matter) => (
            <li key={matter.id}>
              <Link href={`/arenden/${matter.id}`}>
                {matter.caseNumber} {matter.title}
              </Link>{' '}
              <span className="start-muted">tjänsteskrivelsen signerad {formatDate(matter.reportSignedAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
