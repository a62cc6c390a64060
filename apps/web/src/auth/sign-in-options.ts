import { queryOptions } from '@tanstack/react-query';
import { api, call, type Schemas } from '../api/client';

export type SignInOptions = Schemas['SignInOptionsDto'];
export type SignInProvider = Schemas['SignInProviderDto'];

/** How one can sign in: the municipalities' identity providers, and whether passwords are still allowed. Public. */
export const signInOptionsQuery = queryOptions({
  queryKey: ['sign-in-options'] as const,
  queryFn: () => call(api.GET('/api/v1/auth/providers')),
  staleTime: 5 * 60_000,
});

/**
 * Where the browser goes to sign in through a provider: a full page load, since the provider's pages
 * and the callback that sets the session cookie are not the app's. `returnTo` is where it lands after.
 */
export function providerSignInHref(provider: SignInProvider, returnTo: string): string {
  const separator = provider.startUrl.includes('?') ? '&' : '?';
  return `${provider.startUrl}${separator}returnTo=${encodeURIComponent(returnTo)}`;
}

/**
 * The provider's name on its button: "Ludvika kommuns konto", with the municipality's name added only
 * when another municipality's provider goes by the same name.
 */
export function providerButtonLabel(provider: SignInProvider, all: readonly SignInProvider[]): string {
  const ambiguous = all.some((other) => other !== provider && other.displayName.trim().toLowerCase() === provider.displayName.trim().toLowerCase());
  return ambiguous ? `Logga in med ${provider.displayName} (${provider.municipalityName})` : `Logga in med ${provider.displayName}`;
}

/** What went wrong, for the codes the API sends the browser back with (/logga-in?fel=<CODE>). */
const SIGN_IN_FAILURES: Record<string, string> = {
  SSO_CANCELLED: 'Inloggningen avbröts.',
  SSO_EXPIRED: 'Inloggningen tog för lång tid eller har redan använts. Försök igen.',
  SSO_NO_ACCOUNT: 'Det finns inget konto i Nämndrum för dig. Kontakta kommunens nämndsekreterare eller systemförvaltare.',
  SSO_ACCOUNT_INACTIVE: 'Ditt konto i Nämndrum är avstängt. Kontakta kommunens systemförvaltare.',
  SSO_REFUSED: 'Inloggningstjänstens svar kunde inte godtas. Försök igen, och kontakta systemförvaltaren om det upprepas.',
  SSO_UNAVAILABLE: 'Inloggningstjänsten svarar inte just nu. Försök igen om en stund.',
  SSO_PASSWORD_OFF: 'Inloggning med lösenord är avstängd för din kommun. Logga in med kommunens konto.',
};

export function signInFailureMessage(code: string): string {
  return Object.hasOwn(SIGN_IN_FAILURES, code) ? SIGN_IN_FAILURES[code] : 'Inloggningen misslyckades. Försök igen, och kontakta systemförvaltaren om det upprepas.';
}

/** "Inloggad med Ludvika kommuns konto" or "Inloggad med e-post och lösenord"; nothing when the API does not say. */
export function signedInWithLabel(signedInWith: Schemas['SignedInWithDto'] | undefined): string | null {
  if (!signedInWith) return null;
  if (signedInWith.method === 'password') return 'Inloggad med e-post och lösenord';
  return signedInWith.providerName ? `Inloggad med ${signedInWith.providerName}` : 'Inloggad med kommunens konto';
}
