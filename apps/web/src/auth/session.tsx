import { createContext, useContext, type ReactNode } from 'react';
import { queryOptions, useQuery, useQueryClient, useMutation } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api, call, isApiError, rememberCsrfToken, type Schemas } from '../api/client';
import { LoadingNotice } from '../components/status';

export type Session = Schemas['SessionDto'];
export type SignedInUser = Session['user'];

export const SESSION_KEY = ['session'] as const;

/** The browser's session: an HttpOnly cookie the script never sees, and the CSRF token it sends with writes. */
async function fetchSession(): Promise<Session | null> {
  try {
    const session = await call(api.GET('/api/v1/auth/session'));
    rememberCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error, 401)) {
      rememberCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const sessionQuery = queryOptions({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000 });

export function useSessionQuery() {
  return useQuery(sessionQuery);
}

const SessionContext = createContext<Session | null>(null);

/** The signed-in user; only inside <RequireSession>. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <RequireSession>');
  return session;
}

/** Pages behind it need a session; without one the browser goes to the sign-in page and comes back after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const session = useSessionQuery();
  if (session.isPending) return <LoadingNotice label="Hämtar din inloggning" />;
  if (session.isError) throw session.error;
  if (!session.data) {
    if (leavingToSignOut) return <LoadingNotice label="Loggar ut" />;
    const back = `${location.pathname}${location.search}`;
    return <Navigate to={back === '/' ? '/logga-in' : `/logga-in?till=${encodeURIComponent(back)}`} replace />;
  }
  return <SessionContext.Provider value={session.data}>{children}</SessionContext.Provider>;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Schemas['LoginDto']) => call(api.POST('/api/v1/auth/session', { body: credentials })),
    onSuccess: (session) => {
      rememberCsrfToken(session.csrfToken);
      // The POST answers no signedInWith (GET does): this sign-in was by password.
      queryClient.setQueryData(SESSION_KEY, { ...session, signedInWith: session.signedInWith ?? { method: 'password', providerName: null } });
    },
  });
}

/**
 * Set once the browser is on its way to the identity provider to sign out there too: the page it leaves
 * shows that it is signing out instead of sending the browser to the sign-in page meanwhile, which would
 * be a navigation of the app's own racing the one to the provider.
 */
let leavingToSignOut = false;

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => call(api.DELETE('/api/v1/auth/session')),
    onSettled: (signedOut) => {
      const endSessionUrl = signedOut?.endSessionUrl ?? null;
      if (endSessionUrl) leavingToSignOut = true;
      rememberCsrfToken(null);
      // Nothing one user read stays in memory for the next one at this browser.
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
      if (endSessionUrl) {
        // Signed in through the municipality's identity provider: signed out there too (single logout),
        // which sends the browser back to /logga-in?utloggad=1.
        window.location.assign(endSessionUrl);
        // Brought back from the back-forward cache, the page asks the server again rather than show "Loggar ut".
        window.addEventListener('pageshow', (event) => {
          if (event.persisted) window.location.reload();
        }, { once: true });
      } else {
        void navigate('/logga-in', { replace: true });
      }
    },
  });
}

/** The organs the user is nämndsekreterare for (a secretary grant per organ; an admin serves every organ). */
export function secretaryOrganIds(user: SignedInUser): string[] {
  return user.grants.filter((grant) => grant.role === 'secretary' && grant.organId).map((grant) => grant.organId as string);
}

/** The municipality's administratör (role admin): users, roles and how the municipality signs in. */
export function isMunicipalityAdmin(user: SignedInUser): boolean {
  return user.grants.some((grant) => grant.role === 'admin');
}

/** Serves some organ as nämndsekreterare, or every organ as admin. */
export function servesOrgans(user: SignedInUser): boolean {
  return secretaryOrganIds(user).length > 0 || user.grants.some((grant) => grant.role === 'admin');
}
