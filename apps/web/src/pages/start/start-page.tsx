import { Link } from 'react-aria-components';
import { servesOrgans, useSession } from '../../auth/session';
import { Page } from '../../components/page';
import { ErrorNotice, LoadingNotice } from '../../components/status';
import { formatCalendarDate } from '../../format/dates';
import { OrganOverview } from './organ-overview';
import { useSecretaryOverview } from './overview-query';

/** The secretary's desk: for each organ they serve, what is due next. */
export function StartPage() {
  const { user } = useSession();
  const secretary = servesOrgans(user);
  const overview = useSecretaryOverview(secretary);
  if (!secretary) {
    return (
      <Page title="Start">
        <p>Startsidan samlar nämndsekreterarens frister. Du hittar sammanträden, ärenden och anslag här:</p>
        <ul className="start-list">
          <li><Link href="/sammantradesplan">Sammanträdesplan</Link></li>
          <li><Link href="/diarium">Diarium</Link></li>
          <li><Link href="/anslag">Anslagstavla</Link></li>
        </ul>
      </Page>
    );
  }
  return (
    <Page title="Start" subtitle={overview.data ? `I dag: ${formatCalendarDate(overview.data.today)}` : undefined} ready={overview.isSuccess}>
      {overview.isPending ? <LoadingNotice label="Hämtar dina organ" /> : null}
      {overview.isError ? <ErrorNotice error={overview.error} /> : null}
      {overview.data && overview.data.organs.length === 0 ? <p>Det finns inga organ att visa.</p> : null}
      {overview.data?.organs.map((organ) => <OrganOverview key={organ.organId} organ={organ} />)}
    </Page>
  );
}
