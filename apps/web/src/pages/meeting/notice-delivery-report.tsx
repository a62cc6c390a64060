import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { ErrorNotice, LoadingNotice } from '../../components/status';
import { formatDateTime } from '../../format/dates';
import { deliveryProblem, deliveryStateLabel, isPending, NOTICE_KIND_LABELS, RECIPIENT_ROLE_LABELS } from './notice-delivery-words';

/** While the worker is still sending, the report is asked for again this often. */
const REFRESH_WHILE_SENDING_MS = 2_000;

export function noticeDeliveriesQueryKey(noticeId: string) {
  return ['notice-deliveries', noticeId] as const;
}

/** Every recipient of the version has an e-mail on record and none of them is still on its way. */
function isSettled(report: Schemas['DeliveryReportDto'], notice: Schemas['MeetingNoticeDto']): boolean {
  return report.deliveries.length >= (notice.recipientCount ?? 0) && !report.deliveries.some(isPending);
}

function summary(report: Schemas['DeliveryReportDto']): string {
  const { sent, queued, failed, noAddress } = report.counts;
  const total = sent + queued + failed + noAddress;
  const parts = [`${sent} av ${total} har tagit emot den`];
  if (queued > 0) parts.push(`${queued} skickas fortfarande`);
  if (failed > 0) parts.push(`${failed} har inte tagit emot den`);
  if (noAddress > 0) parts.push(`${noAddress} saknar e-postadress`);
  return `${parts.join(', ')}.`;
}

/**
 * Who has and has not received one notice version, and why not. It asks again by itself while any
 * e-mail is still on its way and stops once all are settled; the summary line is a polite live region,
 * so a screen reader hears the counts change.
 */
export function NoticeDeliveryReport({ notice }: { notice: Schemas['MeetingNoticeDto'] }) {
  const report = useQuery({
    queryKey: noticeDeliveriesQueryKey(notice.id),
    queryFn: () => call(api.GET('/api/v1/meeting-notices/{id}/deliveries', { params: { path: { id: notice.id } } })),
    refetchInterval: (query) => (query.state.data && isSettled(query.state.data, notice) ? false : REFRESH_WHILE_SENDING_MS),
  });
  const heading = `Utskick av ${NOTICE_KIND_LABELS[notice.kind].toLowerCase()}, version ${notice.version}`;

  return (
    <section className="panel" aria-labelledby="notice-delivery-rubrik" data-delivery-settled={String(report.data !== undefined && isSettled(report.data, notice))}>
      <h3 id="notice-delivery-rubrik">{heading}</h3>
      {report.isPending ? <LoadingNotice label="Hämtar utskicket" /> : null}
      {report.isError ? <ErrorNotice error={report.error} /> : null}
      <p role="status" aria-live="polite" className="notice-delivery-summary">
        {report.data ? summary(report.data) : ''}
      </p>
      {report.data ? (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">Mottagare av {NOTICE_KIND_LABELS[notice.kind].toLowerCase()}, de som inte har tagit emot den först</caption>
            <thead>
              <tr>
                <th scope="col">Mottagare</th>
                <th scope="col">Status</th>
                <th scope="col">Orsak</th>
              </tr>
            </thead>
            <tbody>
              {report.data.deliveries.map((delivery) => (
                <DeliveryRow key={delivery.id} delivery={delivery} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function DeliveryRow({ delivery }: { delivery: Schemas['MailDeliveryDto'] }) {
  const problem = deliveryProblem(delivery);
  const badge = delivery.status === 'sent' ? 'badge-success' : delivery.status === 'queued' ? 'badge-warning' : 'badge-danger';
  return (
    <tr data-recipient={delivery.email ?? delivery.recipientName} data-status={delivery.status}>
      <th scope="row">
        {delivery.recipientName}
        <div className="notice-when">{RECIPIENT_ROLE_LABELS[delivery.recipientRole] ?? delivery.recipientRole}</div>
        <div className="notice-email">{delivery.email ?? 'Ingen e-postadress'}</div>
      </th>
      <td>
        <span className={`badge ${badge}`}>{deliveryStateLabel(delivery)}</span>
        {delivery.sentAt ? <div className="notice-when">{formatDateTime(delivery.sentAt)}</div> : null}
      </td>
      <td>
        {problem ?? ''}
        {delivery.lastError ? (
          <details>
            <summary>Serverns svar</summary>
            <span lang="en">{delivery.lastError}</span>
          </details>
        ) : null}
      </td>
    </tr>
  );
}
