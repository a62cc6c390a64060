import { Page } from '../../components/page';

export function MatterPage() {
  return (
    <Page title="Ärende">
      <p>Sidan byggs.</p>
    </Page>
  );
}
