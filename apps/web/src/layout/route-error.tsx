import { useRouteError } from 'react-router';
import { isApiError } from '../api/client';
import { ErrorNotice } from '../components/status';
import { Page } from '../components/page';
import { NotFoundPage } from '../pages/not-found-page';

/** What a page shows when its data could not be fetched: the API's Swedish message, or "not found". */
export function RouteError() {
  const error = useRouteError();
  if (isApiError(error, 404)) return <NotFoundPage />;
  return (
    <Page title="Sidan kunde inte visas">
      <ErrorNotice error={error}>
        <p>
          <a href={window.location.pathname}>Ladda om sidan</a>
        </p>
      </ErrorNotice>
    </Page>
  );
}
