import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SAML, ValidateInResponseTo, type CacheProvider, type Profile } from '@node-saml/node-saml';
import { AppConfig } from '@namndrum/core';
import type { IdentityProvider, SamlSettings } from './identity-provider.entity';
import { SignInRefused } from './provider-identity';

/** The attempt store node-saml checks InResponseTo against: the sign_in_attempts table, not one process's memory. */
export interface SamlRequestStore {
  /** Whether an attempt with this request id is under way and unexpired. */
  exists(requestId: string): Promise<boolean>;
  /** Uses the attempt up; true only for the one call that did. */
  consume(requestId: string): Promise<boolean>;
}

export interface SamlAssertion {
  claims: Record<string, unknown>;
  nameId: string;
  nameIdFormat: string;
  sessionIndex: string | null;
  /** The AuthnStatement's SessionNotOnOrAfter: the IdP's bound on the session it vouches for. */
  sessionNotOnOrAfter: Date | null;
}

/** The SP's own URLs for a provider, as registered at the IdP. */
export interface SamlServiceProvider {
  entityId: string;
  acsUrl: string;
}

/**
 * SAML 2.0 with node-saml: an AuthnRequest by HTTP-Redirect, and a response by HTTP-POST whose
 * assertion must be signed by a certificate from the IdP's metadata, addressed to this SP (audience),
 * within its validity window (IDP_CLOCK_TOLERANCE_SECONDS either side), and in response to a request
 * this SP sent and has not had answered before.
 */
@Injectable()
export class SamlClient {
  constructor(private readonly config: AppConfig) {}

  async authorizeUrl(provider: IdentityProvider, sp: SamlServiceProvider, requestId: string): Promise<string> {
    const saml = this.samlFor(provider, sp, { exists: async () => false, consume: async () => false }, () => requestId);
    return saml.getAuthorizeUrlAsync('', undefined, {});
  }

  async validate(provider: IdentityProvider, sp: SamlServiceProvider, store: SamlRequestStore, samlResponse: string): Promise<SamlAssertion> {
    const used = new Set<string>();
    const cache: SamlRequestStore = {
      exists: (requestId) => store.exists(requestId),
      consume: async (requestId) => {
        const consumed = await store.consume(requestId);
        if (consumed) used.add(requestId);
        return consumed;
      },
    };
    let profile: Profile | null;
    try {
      ({ profile } = await this.samlFor(provider, sp, cache).validatePostResponseAsync({ SAMLResponse: samlResponse }));
    } catch (error) {
      const message = (error as Error).message;
      // An answer to no request under way: expired, or used already (a second tab, the back button, a replay).
      const answersNothing = /InResponseTo is not valid/.test(message);
      throw new SignInRefused(answersNothing ? 'SSO_EXPIRED' : 'SSO_REFUSED', `The SAML response failed its checks: ${message}`);
    }
    if (!profile) throw new SignInRefused('SSO_REFUSED', 'The SAML response held no assertion');
    // node-saml checks neither the assertion's issuer nor where the response was addressed.
    if (profile.issuer !== (provider.settings as SamlSettings).entityId) {
      throw new SignInRefused('SSO_REFUSED', `The assertion's issuer ${profile.issuer} is not the provider's ${(provider.settings as SamlSettings).entityId}`);
    }
    const destination = /<(?:\w+:)?Response\b[^>]*\sDestination="([^"]*)"/.exec(profile.getSamlResponseXml?.() ?? '')?.[1];
    if (destination !== undefined && destination !== sp.acsUrl) {
      throw new SignInRefused('SSO_REFUSED', `The response was addressed to ${destination}, not to ${sp.acsUrl}`);
    }
    const requestId = inResponseTo(profile);
    // node-saml uses the attempt up on success; if another request with the same response did so first, this one is a replay.
    if (!requestId || !(used.has(requestId) || (await store.consume(requestId)))) {
      throw new SignInRefused('SSO_EXPIRED', 'The SAML response answers a request already answered');
    }
    const { sessionIndex, nameID, nameIDFormat, ...rest } = profile;
    return { claims: { ...attributesOf(rest), nameID }, nameId: nameID, nameIdFormat: nameIDFormat, sessionIndex: sessionIndex ?? null, sessionNotOnOrAfter: sessionNotOnOrAfter(profile) };
  }

  spMetadata(provider: IdentityProvider, sp: SamlServiceProvider): string {
    return this.samlFor(provider, sp, { exists: async () => false, consume: async () => false }).generateServiceProviderMetadata(null, null);
  }

  private samlFor(provider: IdentityProvider, sp: SamlServiceProvider, store: SamlRequestStore, generateUniqueId = newRequestId): SAML {
    const settings = provider.settings as SamlSettings;
    const cacheProvider: CacheProvider = {
      saveAsync: async (key, value) => ({ value, createdAt: Date.now() }),
      // node-saml reads the answer as the time the request was sent; the store has already checked the attempt's expiry.
      getAsync: async (key) => ((await store.exists(key)) ? new Date().toISOString() : null),
      removeAsync: async (key) => (key && (await store.consume(key)) ? key : null),
    };
    return new SAML({
      callbackUrl: sp.acsUrl,
      entryPoint: settings.ssoUrl,
      issuer: sp.entityId,
      audience: sp.entityId,
      idpIssuer: settings.entityId,
      idpCert: settings.certificates,
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: false,
      acceptedClockSkewMs: this.config.IDP_CLOCK_TOLERANCE_SECONDS * 1000,
      validateInResponseTo: ValidateInResponseTo.always,
      cacheProvider,
      generateUniqueId,
      identifierFormat: null,
      disableRequestedAuthnContext: true,
    });
  }
}

function newRequestId(): string {
  return `_${randomBytes(20).toString('hex')}`;
}

function sessionNotOnOrAfter(profile: Profile): Date | null {
  const assertion = profile.getAssertion?.() as { Assertion?: { AuthnStatement?: { $?: { SessionNotOnOrAfter?: string } }[] } } | undefined;
  const value = assertion?.Assertion?.AuthnStatement?.[0]?.$?.SessionNotOnOrAfter;
  const time = value ? new Date(value) : null;
  return time && !Number.isNaN(time.getTime()) ? time : null;
}

function inResponseTo(profile: Profile): string | null {
  return typeof profile.inResponseTo === 'string' ? profile.inResponseTo : null;
}

/** The assertion's attributes by name: one value a string, several a list. */
function attributesOf(rest: Record<string, unknown>): Record<string, unknown> {
  return typeof rest.attributes === 'object' && rest.attributes !== null ? (rest.attributes as Record<string, unknown>) : {};
}
