import { Page } from '../../components/page';

export function MeetingPlanPage() {
  return (
    <Page title="Sammanträdesplan">
      <p>Sidan byggs.</p>
    </Page>
  );
}
