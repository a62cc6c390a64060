import { createBrowserRouter } from 'react-router';
import { queryClient } from './api/query-client';
import { servesOrgans, sessionQuery } from './auth/session';
import { signInOptionsQuery } from './auth/sign-in-options';
import { AppLayout } from './layout/app-layout';
import { RouteError } from './layout/route-error';
import { NotFoundPage } from './pages/not-found-page';
import { agendaQuery, meetingQuery, noticesQuery } from './pages/meeting/meeting-queries';
import { SignInPage } from './pages/sign-in-page';
import { secretaryOverviewQuery } from './pages/start/overview-query';

/**
 * A route's loader asks for the page's data while the page's own code is still loading, and returns at
 * once: the page shows itself as it does, with what has come or a loading notice, and finds its queries
 * already under way. Without a session the questions are refused and the page goes to sign-in as before.
 */
function prefetchSession(): null {
  void queryClient.prefetchQuery(sessionQuery);
  return null;
}

/** The sign-in page asks who is signed in (to send them on) and how one can sign in. */
function prefetchSignInPage(): null {
  void queryClient.prefetchQuery(sessionQuery);
  void queryClient.prefetchQuery(signInOptionsQuery);
  return null;
}

function prefetchMeetingPage(meetingId: string): null {
  void queryClient.prefetchQuery(meetingQuery(meetingId));
  void queryClient.prefetchQuery(agendaQuery(meetingId));
  void queryClient.prefetchQuery(noticesQuery(meetingId));
  return null;
}

function prefetchStartPage(): null {
  void queryClient.ensureQueryData(sessionQuery).then((session) => {
    if (session && servesOrgans(session.user)) void queryClient.prefetchQuery(secretaryOverviewQuery);
  }, () => undefined /* the page shows the session's error itself */);
  return null;
}

/**
 * Each page is its own chunk, loaded when first visited. The API process serves index.html for
 * these paths (WEB_APP_ROUTES in apps/api/src/web-app.ts): add a new top-level path there too.
 */
export const router = createBrowserRouter([
  { path: '/logga-in', loader: prefetchSignInPage, element: <SignInPage /> },
  {
    path: '/',
    // Every page asks who is signed in: asked first, before the page's own questions.
    loader: prefetchSession,
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { errorElement: <RouteError />, children: [
        { index: true, loader: prefetchStartPage, lazy: async () => ({ Component: (await import('./pages/start/start-page')).StartPage }) },
        { path: 'sammantradesplan', lazy: async () => ({ Component: (await import('./pages/plan/meeting-plan-page')).MeetingPlanPage }) },
        { path: 'moten/:meetingId', loader: ({ params }) => prefetchMeetingPage(params.meetingId!), lazy: async () => ({ Component: (await import('./pages/meeting/meeting-page')).MeetingPage }) },
        { path: 'moten/:meetingId/protokoll', lazy: async () => ({ Component: (await import('./pages/minutes/minutes-page')).MinutesPage }) },
        { path: 'diarium', lazy: async () => ({ Component: (await import('./pages/matters/matters-page')).MattersPage }) },
        { path: 'arenden/:matterId', lazy: async () => ({ Component: (await import('./pages/matters/matter-page')).MatterPage }) },
        { path: 'styrmodell', lazy: async () => ({ Component: (await import('./pages/goals/goal-frameworks-page')).GoalFrameworksPage }) },
        { path: 'anslag', lazy: async () => ({ Component: (await import('./pages/postings/postings-page')).PostingsPage }) },
        { path: 'installningar/inloggning', lazy: async () => ({ Component: (await import('./pages/settings/sign-in-settings-page')).SignInSettingsPage }) },
        { path: '*', element: <NotFoundPage /> },
      ] },
    ],
  },
]);
