import { useLocation, useParams } from 'react-router';
import { Page } from '../../components/page';
import { ErrorNotice, LoadingNotice, SuccessNotice } from '../../components/status';
import { MATTER_STATUS_LABELS, statusBadgeClass } from './labels';
import { MatterDetails } from './matter-details';
import { MatterDocuments } from './matter-documents';
import { MatterHistory } from './matter-history';
import { MatterOfficerReports } from './matter-officer-reports';
import { MatterStatusForm } from './matter-status-form';
import { useMatterOverview } from './queries';

/** One matter: its particulars, status, tjänsteskrivelser, documents and history, in one request. */
export function MatterPage() {
  const { matterId = '' } = useParams();
  const location = useLocation();
  const registered = (location.state as { registered?: string } | null)?.registered;
  const overview = useMatterOverview(matterId);

  if (overview.isPending) return <Page title="Ärende" ready={false}><LoadingNotice label="Hämtar ärendet" /></Page>;
  if (overview.isError) return <Page title="Ärende"><ErrorNotice error={overview.error} /></Page>;

  const { matter } = overview.data;
  return (
    <Page
      title={`${matter.caseNumber} ${matter.title}`}
      subtitle={
        <>
          <span className={statusBadgeClass(matter.status)}>{MATTER_STATUS_LABELS[matter.status]}</span>
          {matter.secret ? <span className="badge badge-warning matter-secret-badge">Sekretessärende</span> : null}
        </>
      }
    >
      {registered ? <SuccessNotice>Ärendet registrerades med diarienummer {registered}.</SuccessNotice> : null}
      <div className="matter-layout">
        <MatterDetails overview={overview.data} />
        {overview.data.nextStatuses.length > 0 ? <MatterStatusForm matter={matter} nextStatuses={overview.data.nextStatuses} /> : null}
      </div>
      <MatterOfficerReports reports={overview.data.officerReports} />
      <MatterDocuments matter={matter} documents={overview.data.documents} mayRegister={overview.data.mayRegister} />
      <MatterHistory events={overview.data.events} />
    </Page>
  );
}
