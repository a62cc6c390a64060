import { Page } from '../../components/page';

export function MattersPage() {
  return (
    <Page title="Diarium">
      <p>Sidan byggs.</p>
    </Page>
  );
}
