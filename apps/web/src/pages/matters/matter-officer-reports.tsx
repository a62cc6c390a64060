import type { Schemas } from '../../api/client';
import { formatDateTime } from '../../format/dates';
import { OFFICER_REPORT_STATUS_LABELS } from './labels';

/** The versions of the tjänsteskrivelse and their state; a signed one can be downloaded as DOCX. */
export function MatterOfficerReports({ reports }: { reports: Schemas['OfficerReportDto'][] }) {
  return (
    <section aria-labelledby="matter-reports-heading">
      <h2 id="matter-reports-heading">Tjänsteskrivelser</h2>
      {reports.length === 0 ? (
        <p>Ingen tjänsteskrivelse ännu.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">Tjänsteskrivelsens versioner</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Status</th>
                <th scope="col">Signerad</th>
                <th scope="col">Dokument</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((report) => (
                <tr key={report.id}>
                  <th scope="row">Version {report.version}</th>
                  <td>
                    <span className={report.status === 'signed' ? 'badge badge-success' : report.status === 'returned' ? 'badge badge-warning' : 'badge'}>
                      {OFFICER_REPORT_STATUS_LABELS[report.status]}
                    </span>
                    {report.status === 'returned' && report.returnComment ? <p className="report-comment">{report.returnComment}</p> : null}
                  </td>
                  <td>{report.signedAt ? `${formatDateTime(report.signedAt)} av ${report.signedByName ?? 'okänd'}` : '–'}</td>
                  <td>
                    {report.status === 'signed' ? (
                      <a href={`/api/v1/officer-reports/${report.id}/docx`} download>
                        Ladda ner version {report.version} (DOCX)
                      </a>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
