import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider, RouterProvider as AriaRouterProvider } from 'react-aria-components';
import { RouterProvider } from 'react-router';
import { queryClient } from './api/query-client';
import { router } from './router';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      {/* react-aria-components' links and menus navigate through the router, without reloading the page. */}
      <AriaRouterProvider navigate={(path) => void router.navigate(path)} useHref={(href) => href}>
        {/* Every widget's own words (a drag handle's label, a list's announcements) in Swedish, whatever the browser's language. */}
        <I18nProvider locale="sv-SE">
          <RouterProvider router={router} />
        </I18nProvider>
      </AriaRouterProvider>
    </QueryClientProvider>
  </StrictMode>,
);
