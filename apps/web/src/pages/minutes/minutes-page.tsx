import { Link } from 'react-aria-components';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { Page } from '../../components/page';
import { ErrorNotice, LoadingNotice } from '../../components/status';
import { formatDate, formatTimeSpan } from '../../format/dates';
import { AttendanceSection } from './attendance-section';
import { JusteringSection } from './justering-section';
import { MinutesQuorum } from './minutes-quorum';
import { minutesFrameKey, minutesKey, MINUTES_STATUS_LABELS } from './minutes-shared';
import { MinutesStart } from './minutes-start';
import { ParagraphsSection } from './paragraphs-section';

/**
 * The secretary's minutes of one meeting: marking it held and opening the minutes, then attendance
 * with the quorum always in view, the paragraphs, and justering through to the posting.
 */
export function MinutesPage() {
  const { meetingId = '' } = useParams();
  const frame = useQuery({
    queryKey: minutesFrameKey(meetingId),
    queryFn: () => call(api.GET('/api/v1/meetings/{id}/minutes-page', { params: { path: { id: meetingId } } })),
  });
  // Asked for alongside the frame, so an open protokoll shows without waiting for it; "no minutes yet" is the frame's to say.
  const minutes = useQuery({
    queryKey: minutesKey(meetingId),
    queryFn: () => call(api.GET('/api/v1/meetings/{id}/minutes', { params: { path: { id: meetingId } } })),
    enabled: frame.data?.minutesId !== null,
  });

  if (frame.isPending) return <Page title="Protokoll" ready={false}><LoadingNotice label="Hämtar protokollet" /></Page>;
  if (frame.isError) return <Page title="Protokoll"><ErrorNotice error={frame.error} /></Page>;

  const { meeting, organ } = frame.data;
  const title = `Protokoll ${organ.shortName} ${formatDate(meeting.startsAt)}`;
  const subtitle = `${organ.name}, ${formatTimeSpan(meeting.startsAt, meeting.endsAt)}, ${meeting.place}`;
  const backToMeeting = (
    <Link href={`/moten/${meetingId}`} className="button">
      Till sammanträdet
    </Link>
  );

  if (frame.data.minutesId === null) {
    return (
      <Page title={title} subtitle={subtitle} actions={backToMeeting}>
        <MinutesStart frame={frame.data} />
      </Page>
    );
  }
  if (minutes.isPending) return <Page title={title} subtitle={subtitle} ready={false}><LoadingNotice label="Hämtar protokollet" /></Page>;
  if (minutes.isError) return <Page title={title} subtitle={subtitle}><ErrorNotice error={minutes.error} /></Page>;

  const shown = minutes.data;
  return (
    <Page
      title={title}
      subtitle={
        <>
          {subtitle} · {shown.paragraphRange} ·{' '}
          <span className={`badge ${shown.status === 'draft' ? '' : 'badge-success'}`}>{MINUTES_STATUS_LABELS[shown.status]}</span>
        </>
      }
      actions={backToMeeting}
    >
      <MinutesQuorum minutes={shown} />
      <AttendanceSection minutes={shown} frame={frame.data} />
      <ParagraphsSection minutes={shown} />
      <JusteringSection minutes={shown} frame={frame.data} />
    </Page>
  );
}
