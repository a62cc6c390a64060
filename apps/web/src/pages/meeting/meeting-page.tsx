import { Link, Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { Page } from '../../components/page';
import { ErrorNotice, LoadingNotice } from '../../components/status';
import { formatTimeSpan } from '../../format/dates';
import { AgendaTab } from './agenda-tab';
import { AttendanceTab } from './attendance-tab';
import { MeetingDetails } from './meeting-details';
import { NoticeTab } from './notice-tab';

const TABS = [
  { id: 'dagordning', label: 'Föredragningslista' },
  { id: 'kallelse', label: 'Kallelse och utskick' },
  { id: 'narvaro', label: 'Närvaro' },
  { id: 'uppgifter', label: 'Tid och plats' },
] as const;

export function meetingQueryKey(meetingId: string) {
  return ['meeting', meetingId] as const;
}

export function useMeeting(meetingId: string) {
  return useQuery({
    queryKey: meetingQueryKey(meetingId),
    queryFn: () => call(api.GET('/api/v1/meetings/{id}', { params: { path: { id: meetingId } } })),
  });
}

/** One meeting: its agenda, its notice and who has received it, who comes, and its time and place — one tab each, the tab in the address. */
export function MeetingPage() {
  const { meetingId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const meeting = useMeeting(meetingId);
  const selected = TABS.some((tab) => tab.id === searchParams.get('flik')) ? (searchParams.get('flik') as string) : 'dagordning';
  const select = (key: Key) => setSearchParams((params) => ({ ...Object.fromEntries(params), flik: String(key) }), { replace: true });

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
          <NoticeTab meeting={meeting.data} />
        </TabPanel>
        <TabPanel id="narvaro">
          <AttendanceTab meeting={meeting.data} />
        </TabPanel>
        <TabPanel id="uppgifter">
          <MeetingDetails meeting={meeting.data} />
        </TabPanel>
      </Tabs>
    </Page>
  );
}
