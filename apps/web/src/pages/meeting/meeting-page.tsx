import { lazy, Suspense, useEffect } from 'react';
import { Link, Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Page } from '../../components/page';
import { ErrorNotice, LoadingNotice } from '../../components/status';
import { formatTimeSpan } from '../../format/dates';
import { AgendaTab } from './agenda-tab';
import { meetingQuery } from './meeting-queries';

// The agenda is what the page opens on; the other tabs' code comes once the page is idle, or at once
// when the address names one of them, so that the first view waits for its own code only.
const loadNoticeTab = () => import('./notice-tab');
const loadAttendanceTab = () => import('./attendance-tab');
const loadMeetingDetails = () => import('./meeting-details');
const NoticeTab = lazy(async () => ({ default: (await loadNoticeTab()).NoticeTab }));
const AttendanceTab = lazy(async () => ({ default: (await loadAttendanceTab()).AttendanceTab }));
const MeetingDetails = lazy(async () => ({ default: (await loadMeetingDetails()).MeetingDetails }));

const TABS = [
  { id: 'dagordning', label: 'Föredragningslista' },
  { id: 'kallelse', label: 'Kallelse och utskick' },
  { id: 'narvaro', label: 'Närvaro' },
  { id: 'uppgifter', label: 'Tid och plats' },
] as const;

export function useMeeting(meetingId: string) {
  return useQuery(meetingQuery(meetingId));
}

/** One meeting: its agenda, its notice and who has received it, who comes, and its time and place — one tab each, the tab in the address. */
export function MeetingPage() {
  const { meetingId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const meeting = useMeeting(meetingId);
  const selected = TABS.some((tab) => tab.id === searchParams.get('flik')) ? (searchParams.get('flik') as string) : 'dagordning';
  const select = (key: Key) => setSearchParams((params) => ({ ...Object.fromEntries(params), flik: String(key) }), { replace: true });
  const shown = meeting.isSuccess;
  useEffect(() => {
    if (!shown) return;
    // Once the browser has nothing else to do, not while the agenda is still being drawn.
    const idle = requestIdleCallback(() => void Promise.all([loadNoticeTab(), loadAttendanceTab(), loadMeetingDetails()]), { timeout: 5_000 });
    return () => cancelIdleCallback(idle);
  }, [shown]);

  if (meeting.isPending) return <Page title="Sammanträde" ready={false}><LoadingNotice label="Hämtar sammanträdet" /></Page>;
  if (meeting.isError) return <Page title="Sammanträde"><ErrorNotice error={meeting.error} /></Page>;

  return (
    <Page
      title="Sammanträde"
      subtitle={`${formatTimeSpan(meeting.data.startsAt, meeting.data.endsAt)}, ${meeting.data.place}`}
      actions={
        <Link href={`/moten/${meetingId}/protokoll`} className="button">
          Protokoll
        </Link>
      }
    >
      <Tabs selectedKey={selected} onSelectionChange={select}>
        <TabList aria-label="Sammanträdets delar">
          {TABS.map((tab) => (
            <Tab key={tab.id} id={tab.id}>
              {tab.label}
            </Tab>
          ))}
        </TabList>
        <TabPanel id="dagordning">
          <AgendaTab meeting={meeting.data} />
        </TabPanel>
        <TabPanel id="kallelse">
          <Suspense fallback={<LoadingNotice label="Hämtar kallelserna" />}>
            <NoticeTab meeting={meeting.data} />
          </Suspense>
        </TabPanel>
        <TabPanel id="narvaro">
          <Suspense fallback={<LoadingNotice label="Hämtar närvaron" />}>
            <AttendanceTab meeting={meeting.data} />
          </Suspense>
        </TabPanel>
        <TabPanel id="uppgifter">
          <Suspense fallback={<LoadingNotice label="Hämtar tid och plats" />}>
            <MeetingDetails meeting={meeting.data} />
          </Suspense>
        </TabPanel>
      </Tabs>
    </Page>
  );
}
