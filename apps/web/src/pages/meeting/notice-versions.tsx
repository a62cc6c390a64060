import { Button } from 'react-aria-components';
import type { Schemas } from '../../api/client';
import { formatDateTime } from '../../format/dates';
import { NOTICE_KIND_LABELS, NOTICE_STATUS_LABELS } from './notice-delivery-words';

interface NoticeVersionsProps {
  notices: Schemas['MeetingNoticeDto'][];
  userId: string;
  canSeeDeliveries: boolean;
  shownId: string | undefined;
  onShowDeliveries: (noticeId: string) => void;
}

function sizeInKilobytes(bytes: number | null): string {
  return bytes === null ? '' : ` (${Math.max(1, Math.round(bytes / 1024))} kB)`;
}

/** Every version of the notice, newest first: what it was, when it was finalized and sent, and its document. */
export function NoticeVersions({ notices, userId, canSeeDeliveries, shownId, onShowDeliveries }: NoticeVersionsProps) {
  const newestFirst = [...notices].sort((a, b) => b.version - a.version);
  return (
    <div className="table-scroll">
      <table className="table notice-versions">
        <caption className="visually-hidden">Kallelsens versioner, den senaste först</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Fastställd</th>
            <th scope="col">Utskick</th>
            <th scope="col">Mottagare</th>
            <th scope="col">Dokument</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((notice) => (
            <tr key={notice.id} data-version={notice.version}>
              <th scope="row">
                <div>
                  {NOTICE_KIND_LABELS[notice.kind]}, version {notice.version}
                </div>
                <span className={`badge ${notice.status === 'dispatched' ? 'badge-success' : ''}`}>{NOTICE_STATUS_LABELS[notice.status]}</span>
                {notice.changes.length > 0 ? (
                  <ul className="notice-changes" aria-label={`Ändringar i version ${notice.version}`}>
                    {notice.changes.map((change) => (
                      <li key={change}>{change}</li>
                    ))}
                  </ul>
                ) : null}
              </th>
              <td>
                {formatDateTime(notice.finalizedAt)}
                {notice.finalizedByUserId === userId ? <div className="notice-when">av dig</div> : null}
              </td>
              <td>
                {notice.dispatchedAt ? `Skickad ${formatDateTime(notice.dispatchedAt)}` : notice.status === 'scheduled' ? `Skickas ${formatDateTime(notice.dispatchAt)}` : '–'}
                {notice.sentLate ? (
                  <div>
                    <span className="badge badge-danger">{notice.dispatchedAt ? 'Skickad för sent' : 'Skickas för sent'}</span>
                  </div>
                ) : null}
              </td>
              <td>
                {notice.recipientCount ?? '–'}
                {canSeeDeliveries && notice.status === 'dispatched' ? (
                  <div>
                    <Button className="button button-small" isDisabled={shownId === notice.id} onPress={() => onShowDeliveries(notice.id)}>
                      {shownId === notice.id ? 'Visas nedan' : `Visa utskick, version ${notice.version}`}
                    </Button>
                  </div>
                ) : null}
              </td>
              <td>
                {notice.fileName ? (
                  <a href={`/api/v1/meeting-notices/${notice.id}/docx`} download={notice.fileName}>
                    Ladda ned version {notice.version} (Word){sizeInKilobytes(notice.fileSizeBytes)}
                  </a>
                ) : (
                  '–'
                )}
                {notice.maskedFileSha256 ? <div className="notice-when">Sekretessuppgifter maskeras för den som inte har behörighet.</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
