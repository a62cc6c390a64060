import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider as AriaRouterProvider } from 'react-aria-components';
import { RouterProvider } from 'react-router';
import { isApiError } from './api/client';
import { router } from './router';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A refusal (4xx) will not change by asking again; a dropped connection may.
      retry: (failureCount, error) => failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      {/* react-aria-components' links and menus navigate through the router, without reloading the page. */}
      <AriaRouterProvider navigate={(path) => void router.navigate(path)} useHref={(href) => href}>
        <RouterProvider router={router} />
      </AriaRouterProvider>
    </QueryClientProvider>
  </StrictMode>,
);
