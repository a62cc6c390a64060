import type { Schemas } from '../../api/client';
import { formatDateTime } from '../../format/dates';
import { MATTER_EVENT_LABELS } from './labels';

/** The matter's history (ärendehändelser), oldest first, as the API gives it to this reader. */
export function MatterHistory({ events }: { events: Schemas['MatterEventDto'][] }) {
  return (
    <section aria-labelledby="matter-history-heading">
      <h2 id="matter-history-heading">Historik</h2>
      <ol className="matter-history">
        {events.map((event) => (
          <li key={event.id}>
            <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
            <strong>{MATTER_EVENT_LABELS[event.kind]}</strong>
            <span>{event.summary}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
