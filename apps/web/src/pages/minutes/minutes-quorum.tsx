import { isServing, type Minutes } from './minutes-shared';

/**
 * Beslutförhet, in view while the secretary works: more than half of the seats filled by members and
 * serving substitutes (KL 6 kap. 27 §), counted by the API per paragraph from the attendance saved.
 */
export function MinutesQuorum({ minutes }: { minutes: Minutes }) {
  const { paragraphs } = minutes;
  const servingCounts = paragraphs.map((paragraph) => paragraph.serving);
  const seats = paragraphs[0]?.seats;
  const least = servingCounts.length ? Math.min(...servingCounts) : minutes.attendees.filter(isServing).length;
  const most = servingCounts.length ? Math.max(...servingCounts) : least;
  const withoutQuorum = paragraphs.filter((paragraph) => !paragraph.quorum).map((paragraph) => paragraph.number);
  const quorate = withoutQuorum.length === 0;
  const serving = least === most ? `${least}` : `${least}–${most}`;

  return (
    <aside className="minutes-quorum" aria-label="Beslutförhet">
      <p role="status" aria-live="polite">
        <strong>Beslutande:</strong> {serving}
        {seats !== undefined ? ` av ${seats} ledamöter` : ' ledamöter och tjänstgörande ersättare'}
        {' · '}
        <strong>Beslutför:</strong>{' '}
        <span className={`badge ${quorate ? 'badge-success' : 'badge-danger'}`}>{quorate ? 'ja' : 'nej'}</span>
        {quorate ? null : <> – inte vid § {withoutQuorum.join(', ')}</>}
      </p>
    </aside>
  );
}
