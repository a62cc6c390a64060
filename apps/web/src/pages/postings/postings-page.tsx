import { Page } from '../../components/page';

export function PostingsPage() {
  return (
    <Page title="Anslagstavla">
      <p>Sidan byggs.</p>
    </Page>
  );
}
