import { Link } from 'react-aria-components';
import type { Schemas } from '../../api/client';
import { formatCalendarDate, formatDate } from '../../format/dates';

type MinutesToDoItem = Schemas['MeetingAwaitingMinutesDto'];

function MinutesState({ item }: { item: MinutesToDoItem }) {
  if (item.minutesId === null) return <span className="badge badge-warning">Protokoll att upprätta</span>;
  if (item.kind === 'notes') return <>Minnesanteckningar att färdigställa</>;
  return (
    <>
      Justeras senast {item.verificationDeadline ? formatCalendarDate(item.verificationDeadline) : ''}
      {item.overdue ? (
        <>
          {' '}
          <span className="badge badge-danger">Justeringen är försenad</span>
        </>
      ) : null}
    </>
  );
}

/** Held meetings whose minutes are still to be opened or verified, the most pressing first. */
export function MinutesToDo({ items, headingId }: { items: MinutesToDoItem[]; headingId: string }) {
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Protokoll</h3>
      {items.length === 0 ? (
        <p>Inga protokoll väntar.</p>
      ) : (
        <ul className="start-list">
          {items.map((item) => (
            <li key={item.meetingId}>
              <Link href={`/moten/${item.meetingId}/protokoll`}>Sammanträdet {formatDate(item.startsAt)}</Link>: <MinutesState item={item} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
