import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { api, call, type Schemas } from '../../api/client';
import { ErrorNotice } from '../../components/status';
import { formatDateTime } from '../../format/dates';
import { NOTICE_KIND_LABELS, NOTICE_STATUS_LABELS } from './notice-delivery-words';

interface NoticeVersionsProps {
  notices: Schemas['MeetingNoticeDto'][];
  userId: string;
  canSeeDeliveries: boolean;
  shownId: string | undefined;
  onShowDeliveries: (noticeId: string) => void;
  meetingId: string;
}

function sizeInKilobytes(bytes: number | null): string {
  return bytes === null ? '' : ` (${Math.max(1, Math.round(bytes / 1024))} kB)`;
}

/** Every version of the notice, newest first: what it was, when it was finalized and sent, and its document. */
export function NoticeVersions({ notices, userId, canSeeDeliveries, shownId, onShowDeliveries, meetingId }: NoticeVersionsProps) {
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
                <NoticeBundle notice={notice} canRetry={canSeeDeliveries} meetingId={meetingId} />
                {notice.fileName ? (
                  <a href={`/api/v1/meeting-notices/${notice.id}/docx`} download={notice.fileName}>
                    Kallelsen, version {notice.version} (Word){sizeInKilobytes(notice.fileSizeBytes)}
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

/**
 * The version's handlingar as one PDF: a link once the worker has made them; while it works, a note; when it could not,
 * which file failed and a button to try again. The notice is held until they exist.
 */
function NoticeBundle({ notice, canRetry, meetingId }: { notice: Schemas['MeetingNoticeDto']; canRetry: boolean; meetingId: string }) {
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () => call(api.POST('/api/v1/meeting-notices/{id}/bundle', { params: { path: { id: notice.id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notices', meetingId] }),
  });
  if (notice.bundleStatus === 'ready') {
    return (
      <div>
        <a href={`/api/v1/meeting-notices/${notice.id}/pdf`} download>
          Kallelse med handlingar, version {notice.version} (PDF, {notice.bundlePageCount} sidor){sizeInKilobytes(notice.bundleSizeBytes)}
        </a>
      </div>
    );
  }
  if (notice.bundleStatus === 'pending' && notice.status !== 'superseded' && notice.status !== 'withdrawn') {
    return <div className="notice-when">Handlingarna görs i ordning som PDF …</div>;
  }
  if (notice.bundleStatus !== 'failed') return null;
  const file = notice.bundleError?.fileName;
  return (
    <div className="notice notice-error notice-bundle-failed" role="alert">
      <p>
        <strong>Handlingarna kunde inte skapas, och kallelsen skickas inte förrän de finns.</strong>
      </p>
      <p>{file ? `Filen ${file} gick inte att göra om till PDF. Ersätt den med en läsbar fil och skapa handlingarna igen.` : 'Omvandlingen till PDF misslyckades. Försök igen om en stund.'}</p>
      {canRetry && notice.status === 'scheduled' ? (
        <Button className="button button-small" isDisabled={retry.isPending} onPress={() => retry.mutate()}>
          {retry.isPending ? 'Skapar …' : `Skapa handlingarna igen, version ${notice.version}`}
        </Button>
      ) : null}
      {retry.isError ? <ErrorNotice error={retry.error} /> : null}
    </div>
  );
}
