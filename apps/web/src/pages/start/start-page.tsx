import { Page } from '../../components/page';

export function StartPage() {
  return (
    <Page title="Start">
      <p>Sidan byggs.</p>
    </Page>
  );
}
