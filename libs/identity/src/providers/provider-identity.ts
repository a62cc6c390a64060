import type { RoleGrant } from '@namndrum/core';
import type { IdentityProvider, RoleMapping } from './identity-provider.entity';

/** Who the provider says signed in, read from the id token's claims or the assertion's attributes. */
export interface ProviderIdentity {
  subject: string;
  email: string | null;
  /** Whether the provider vouches for the address: OIDC's email_verified; a SAML IdP's attributes come from its directory. */
  emailVerified: boolean;
  groups: string[];
}

/** Codes the sign-in page shows in Swedish (/logga-in?fel=CODE); the reason behind a code goes to the log only. */
export type SignInFailureCode = 'SSO_CANCELLED' | 'SSO_EXPIRED' | 'SSO_NO_ACCOUNT' | 'SSO_ACCOUNT_INACTIVE' | 'SSO_REFUSED' | 'SSO_UNAVAILABLE';

export class SignInRefused extends Error {
  constructor(
    readonly code: SignInFailureCode,
    reason: string,
    /** The path the user was signing in to, once the attempt is known to be theirs. */
    readonly returnTo: string | null = null,
  ) {
    super(reason);
  }

  /** The same refusal, knowing where the user was going: they can try again from there. */
  returningTo(returnTo: string): SignInRefused {
    return new SignInRefused(this.code, this.message, this.returnTo ?? returnTo);
  }
}

/** The sign-in page explaining a refusal (`fel`), keeping the page the user was going to (`till`), as the web app reads them. */
export function signInFailurePath(refusal: SignInRefused): string {
  const query = new URLSearchParams({ fel: refusal.code });
  if (refusal.returnTo && refusal.returnTo !== '/') query.set('till', refusal.returnTo);
  return `/logga-in?${query}`;
}

type Claims = Record<string, unknown>;

export function identityFromClaims(provider: Pick<IdentityProvider, 'subjectClaim' | 'emailClaim' | 'groupsClaim' | 'protocol'>, claims: Claims): ProviderIdentity {
  const subject = claimText(claims[provider.subjectClaim]);
  if (!subject) throw new SignInRefused('SSO_REFUSED', `The provider sent no ${provider.subjectClaim} to match the user on`);
  const email = claimText(claims[provider.emailClaim])?.toLowerCase() ?? null;
  // Entra ID sends no email_verified; its xms_edov says the same.
  const verified = provider.protocol === 'saml' || [claims.email_verified, claims.xms_edov].some((flag) => flag === true || flag === 'true');
  return { subject, email, emailVerified: email !== null && verified, groups: provider.groupsClaim ? claimTexts(claims[provider.groupsClaim]) : [] };
}

/** The grants a user's groups give under the provider's mappings, each once. */
export function grantsFromGroups(mappings: RoleMapping[], groups: string[]): RoleGrant[] {
  const member = new Set(groups);
  const grants = new Map<string, RoleGrant>();
  for (const mapping of mappings) {
    if (!member.has(mapping.group)) continue;
    const grant: RoleGrant = { role: mapping.role, organId: mapping.organId, departmentId: mapping.departmentId };
    grants.set(`${grant.role}/${grant.organId}/${grant.departmentId}`, grant);
  }
  return [...grants.values()];
}

/** A relative path on this site to go to after signing in; anything else (another site, a scheme) is the start page. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || /[\u0000-\u001f]/.test(value)) return '/';
  return value.slice(0, 2000);
}

function claimText(value: unknown): string | null {
  if (Array.isArray(value)) return value.length === 1 ? claimText(value[0]) : null;
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function claimTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(claimText).filter((text): text is string => text !== null);
  const single = claimText(value);
  return single === null ? [] : [single];
}
