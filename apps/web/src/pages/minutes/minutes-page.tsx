import { useParams } from 'react-router';
import { Page } from '../../components/page';
import { ParagraphsSection } from './paragraphs-section';

export function MinutesPage() {
  const { meetingId = '' } = useParams();
  return (
    <Page title="Protokoll">
      <ParagraphsSection minutesId={meetingId} />
    </Page>
  );
}
