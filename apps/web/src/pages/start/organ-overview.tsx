import { Link } from 'react-aria-components';
import { ComingMeetings } from './coming-meetings';
import { MinutesToDo } from './minutes-to-do';
import type { OrganOverview as OrganOverviewData } from './overview-query';
import { PostingsUp } from './postings-up';
import { WaitingMatters } from './waiting-matters';

function isQuiet(organ: OrganOverviewData): boolean {
  return organ.comingMeetings.length + organ.minutesToDo.length + organ.waitingMatters.length + organ.postingsUp.length === 0;
}

/** One organ's deadlines: the minutes of held meetings first, since their deadlines come first, then the coming meetings. */
export function OrganOverview({ organ }: { organ: OrganOverviewData }) {
  const id = (part: string) => `organ-${organ.organId}-${part}`;
  return (
    <section className="panel start-organ" aria-labelledby={id('rubrik')}>
      <h2 id={id('rubrik')}>{organ.name}</h2>
      {isQuiet(organ) ? (
        <p>
          Inga planerade sammanträden, protokoll, väntande ärenden eller anslag. <Link href="/sammantradesplan">Planera i sammanträdesplanen</Link>
        </p>
      ) : (
        <>
          <MinutesToDo items={organ.minutesToDo} headingId={id('protokoll')} />
          <ComingMeetings organName={organ.name} meetings={organ.comingMeetings} headingId={id('moten')} />
          <WaitingMatters matters={organ.waitingMatters} headingId={id('arenden')} />
          <PostingsUp postings={organ.postingsUp} headingId={id('anslag')} />
        </>
      )}
    </section>
  );
}
