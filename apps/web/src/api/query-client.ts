import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './client';

/** The app's one cache of server state, shared by the pages and by the routes that fetch ahead of them. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A refusal (4xx) will not change by asking again; a dropped connection may.
      retry: (failureCount, error) => failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
  },
});
