import { createBrowserRouter } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { RouteError } from './layout/route-error';
import { NotFoundPage } from './pages/not-found-page';
import { SignInPage } from './pages/sign-in-page';

/**
 * Each page is its own chunk, loaded when first visited. The API process serves index.html for
 * these paths (WEB_APP_ROUTES in apps/api/src/web-app.ts): add a new top-level path there too.
 */
export const router = createBrowserRouter([
  { path: '/logga-in', element: <SignInPage /> },
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { errorElement: <RouteError />, children: [
        { index: true, lazy: async () => ({ Component: (await import('./pages/start/start-page')).StartPage }) },
        { path: 'sammantradesplan', lazy: async () => ({ Component: (await import('./pages/plan/meeting-plan-page')).MeetingPlanPage }) },
        { path: 'moten/:meetingId', lazy: async () => ({ Component: (await import('./pages/meeting/meeting-page')).MeetingPage }) },
        { path: 'moten/:meetingId/protokoll', lazy: async () => ({ Component: (await import('./pages/minutes/minutes-page')).MinutesPage }) },
        { path: 'diarium', lazy: async () => ({ Component: (await import('./pages/matters/matters-page')).MattersPage }) },
        { path: 'arenden/:matterId', lazy: async () => ({ Component: (await import('./pages/matters/matter-page')).MatterPage }) },
        { path: 'styrmodell', lazy: async () => ({ Component: (await import('./pages/goals/goal-frameworks-page')).GoalFrameworksPage }) },
        { path: 'anslag', lazy: async () => ({ Component: (await import('./pages/postings/postings-page')).PostingsPage }) },
        { path: '*', element: <NotFoundPage /> },
      ] },
    ],
  },
]);
