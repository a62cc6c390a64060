import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { Page } from '../../components/page';
import { ErrorNotice, LoadingNotice } from '../../components/status';
import { ParagraphsSection } from './paragraphs-section';

export function MinutesPage() {
  const { meetingId = '' } = useParams();
  const minutes = useQuery({
    queryKey: ['minutes', 'of-meeting', meetingId],
    queryFn: () => call(api.GET('/api/v1/meetings/{id}/minutes', { params: { path: { id: meetingId } } })),
  });
  if (minutes.isPending) return <Page title="Protokoll" ready={false}><LoadingNotice label="Hämtar protokollet" /></Page>;
  if (minutes.isError) return <Page title="Protokoll"><ErrorNotice error={minutes.error} /></Page>;
  return (
    <Page title="Protokoll">
      <ParagraphsSection minutes={minutes.data} />
    </Page>
  );
}
