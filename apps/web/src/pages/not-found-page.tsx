import { Link } from 'react-aria-components';
import { Page } from '../components/page';

export function NotFoundPage() {
  return (
    <Page title="Sidan finns inte">
      <p>Adressen leder inte till någon sida i Nämndrum. Den kan ha ändrats, eller så är länken felskriven.</p>
      <p>
        <Link href="/">Till startsidan</Link>
      </p>
    </Page>
  );
}
