import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '../../api/client';
import { useSession } from '../../auth/session';
import { ErrorNotice, LoadingNotice } from '../../components/status';
import { formatDateTime } from '../../format/dates';
import { meetingQueryKey, noticesQuery } from './meeting-queries';
import { managesOrganMeetings } from './notice-access';
import { NoticeActions } from './notice-actions';
import { NoticeDeliveryReport } from './notice-delivery-report';
import { NoticeVersions } from './notice-versions';

/** While a version waits to go out at a moment already reached, the list is asked for again this often. */
const REFRESH_WHILE_DUE_MS = 2_000;

const isDue = (notice: Schemas['MeetingNoticeDto']) => notice.status === 'scheduled' && new Date(notice.dispatchAt).getTime() <= Date.now();
/** The worker is making the version's handlingar PDF: followed until it is ready or has failed. */
const isRendering = (notice: Schemas['MeetingNoticeDto']) => notice.bundleStatus === 'pending' && notice.status !== 'superseded' && notice.status !== 'withdrawn';

/** Kallelse och utskick: every version of the notice, its document, and who has received it. */
export function NoticeTab({ meeting }: { meeting: Schemas['MeetingDto'] }) {
  const { user } = useSession();
  const queryClient = useQueryClient();
  const manages = managesOrganMeetings(user, meeting.organId);
  const notices = useQuery({
    ...noticesQuery(meeting.id),
    // Finalizing happens on the agenda tab and changing time or place on another: asked again each time the tab is shown.
    staleTime: 0,
    // A notice finalized late leaves at once: follow it until the worker has sent it.
    refetchInterval: (query) => (query.state.data?.some((notice) => isDue(notice) || isRendering(notice)) ? REFRESH_WHILE_DUE_MS : false),
  });
  const sent = notices.data?.filter((notice) => notice.status === 'dispatched') ?? [];
  const latestSent = sent.at(-1);
  const [shownId, setShownId] = useState<string | null>(null);
  const shown = sent.find((notice) => notice.id === shownId) ?? latestSent;

  // Once a version has gone out the meeting's status has changed too ("kallelse skickad").
  const seenLatestSent = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!notices.data) return;
    if (seenLatestSent.current !== undefined && seenLatestSent.current !== (latestSent?.id ?? '')) void queryClient.invalidateQueries({ queryKey: meetingQueryKey(meeting.id) });
    seenLatestSent.current = latestSent?.id ?? '';
  }, [notices.data, latestSent?.id, meeting.id, queryClient]);

  // Cancelling closes the dialog whose button then disappears: the reader is taken to the outcome.
  const cancelledBanner = useRef<HTMLDivElement>(null);
  const previousStatus = useRef(meeting.status);
  useEffect(() => {
    if (meeting.status === 'cancelled' && previousStatus.current !== 'cancelled') cancelledBanner.current?.focus();
    previousStatus.current = meeting.status;
  }, [meeting.status]);

  return (
    <section aria-labelledby="notice-tab-rubrik">
      <h2 id="notice-tab-rubrik">Kallelse och utskick</h2>
      {meeting.status === 'cancelled' ? (
        <div className="notice notice-error notice-cancelled" ref={cancelledBanner} tabIndex={-1}>
          <p>
            <strong>Sammanträdet är inställt</strong>
            {meeting.cancelledAt ? ` sedan ${formatDateTime(meeting.cancelledAt)}` : ''}.
          </p>
          <p>Skäl: {meeting.cancellationReason}</p>
        </div>
      ) : null}
      {notices.isPending ? <LoadingNotice label="Hämtar kallelserna" /> : null}
      {notices.isError ? <ErrorNotice error={notices.error} /> : null}
      {notices.data?.length === 0 ? <p>Kallelsen är inte fastställd ännu. Den fastställs under fliken Föredragningslista.</p> : null}
      {notices.data && notices.data.length > 0 ? (
        <NoticeVersions notices={notices.data} userId={user.userId} canSeeDeliveries={manages} shownId={shown?.id} onShowDeliveries={setShownId} meetingId={meeting.id} />
      ) : null}
      {manages && shown ? <NoticeDeliveryReport key={shown.id} notice={shown} /> : null}
      {manages && notices.data ? <NoticeActions meeting={meeting} /> : null}
      {manages && notices.data && latestSent === undefined && notices.data.some((notice) => isDue(notice) && notice.bundleStatus !== 'failed') ? (
        <p role="status">Kallelsen skickas nu …</p>
      ) : null}
      {!manages && notices.data && notices.data.length > 0 ? (
        <p>Utskicksrapporten visas för organets sekreterare.</p>
      ) : null}
    </section>
  );
}
