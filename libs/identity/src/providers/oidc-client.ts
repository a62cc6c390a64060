import { Injectable, Logger } from '@nestjs/common';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import * as oidc from 'openid-client';
import { AppConfig, identityProvidersOverHttp } from '@namndrum/core';
import type { IdentityProvider, OidcSettings } from './identity-provider.entity';
import { ProviderSecretsReader } from './provider-secrets';
import { SignInRefused } from './provider-identity';

/** What a code exchange or a refresh gives back that Nämndrum keeps. */
export interface OidcTokens {
  claims: Record<string, unknown>;
  idToken: string | null;
  refreshToken: string | null;
}

export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

const DISCOVERY_TIMEOUT_SECONDS = 10;
const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';
/** A logout token older than this is refused: the provider sends it as the user signs out. */
const LOGOUT_TOKEN_MAX_AGE_SECONDS = 5 * 60;

/** Whom a back-channel logout token signs out: the provider's session (sid), or the user (sub) everywhere. */
export interface LogoutTarget {
  sid: string | null;
  sub: string | null;
}
/** A provider's discovery document and keys are asked for again after this long, so a rotated key is found. */
const CONFIGURATION_TTL_MS = 60 * 60 * 1000;

/**
 * OpenID Connect with openid-client: discovery, the authorization code flow with PKCE (S256), state and
 * nonce, and the id token's signature, issuer, audience and times checked by the library within
 * IDP_CLOCK_TOLERANCE_SECONDS.
 */
@Injectable()
export class OidcClient {
  private readonly logger = new Logger(OidcClient.name);
  private readonly configurations = new Map<string, { version: number; expires: number; configuration: Promise<oidc.Configuration> }>();
  private readonly keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

  constructor(
    private readonly config: AppConfig,
    private readonly secrets: ProviderSecretsReader,
  ) {}

  /** Discovers the provider anew, for an admin saving its settings: a wrong issuer or an unreachable one fails here, not at a user's sign-in. */
  async verifyDiscovery(settings: OidcSettings, clientSecret: string | undefined): Promise<void> {
    await this.discover(settings, clientSecret);
  }

  async authorizationUrl(provider: IdentityProvider, redirectUri: string, checks: OidcChecks): Promise<URL> {
    const configuration = await this.configuration(provider);
    return oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: settingsOf(provider).scopes.join(' '),
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  async exchange(provider: IdentityProvider, callbackUrl: URL, checks: OidcChecks): Promise<OidcTokens> {
    const configuration = await this.configuration(provider);
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      return { claims: { ...tokens.claims() }, idToken: tokens.id_token ?? null, refreshToken: tokens.refresh_token ?? null };
    } catch (error) {
      throw refusal(error, 'The code exchange or the id token failed its checks');
    }
  }

  /** Asks the provider whether the user may still sign in; throws SignInRefused when the provider says no. */
  async refresh(provider: IdentityProvider, refreshToken: string): Promise<OidcTokens> {
    const configuration = await this.configuration(provider);
    try {
      const tokens = await oidc.refreshTokenGrant(configuration, refreshToken);
      return { claims: { ...(tokens.claims() ?? {}) }, idToken: tokens.id_token ?? null, refreshToken: tokens.refresh_token ?? refreshToken };
    } catch (error) {
      throw refusal(error, 'The refresh token was refused');
    }
  }

  /** Where the browser ends its session at the provider too, or null when the provider has no end_session_endpoint. */
  async endSessionUrl(provider: IdentityProvider, idToken: string | null, postLogoutRedirectUri: string): Promise<string | null> {
    try {
      const configuration = await this.configuration(provider);
      if (!configuration.serverMetadata().end_session_endpoint) return null;
      const parameters: Record<string, string> = { post_logout_redirect_uri: postLogoutRedirectUri, client_id: settingsOf(provider).clientId };
      if (idToken) parameters.id_token_hint = idToken;
      return oidc.buildEndSessionUrl(configuration, parameters).href;
    } catch (error) {
      this.logger.warn({ providerId: provider.id, err: error }, 'No end-session URL: the provider could not be reached');
      return null;
    }
  }

  /**
   * Verifies a back-channel logout token (OpenID Connect Back-Channel Logout 1.0, 2.6): signed with
   * the provider's keys, from its issuer, for this client, recent, carrying the logout event and a sub
   * or sid, and no nonce. Throws SignInRefused otherwise.
   */
  async verifyLogoutToken(provider: IdentityProvider, logoutToken: string): Promise<LogoutTarget> {
    const configuration = await this.configuration(provider);
    const metadata = configuration.serverMetadata();
    if (!metadata.jwks_uri) throw new SignInRefused('SSO_REFUSED', 'The provider publishes no keys (jwks_uri)');
    const keySetKey = `${provider.id}:${metadata.jwks_uri}`;
    let keys = this.keySets.get(keySetKey);
    if (!keys) {
      keys = createRemoteJWKSet(new URL(metadata.jwks_uri), { timeoutDuration: DISCOVERY_TIMEOUT_SECONDS * 1000 });
      this.keySets.set(keySetKey, keys);
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(logoutToken, keys, {
        issuer: metadata.issuer,
        audience: settingsOf(provider).clientId,
        clockTolerance: this.config.IDP_CLOCK_TOLERANCE_SECONDS,
        maxTokenAge: LOGOUT_TOKEN_MAX_AGE_SECONDS,
        requiredClaims: ['iat', 'events'],
      }));
    } catch (error) {
      throw new SignInRefused(error instanceof joseErrors.JOSEError ? 'SSO_REFUSED' : 'SSO_UNAVAILABLE', `The logout token failed its checks: ${(error as Error).message}`);
    }
    const events = payload.events as Record<string, unknown> | undefined;
    if (typeof events !== 'object' || events === null || typeof events[BACKCHANNEL_LOGOUT_EVENT] !== 'object') {
      throw new SignInRefused('SSO_REFUSED', 'The logout token carries no back-channel logout event');
    }
    if (payload.nonce !== undefined) throw new SignInRefused('SSO_REFUSED', 'A logout token must not carry a nonce');
    const sid = typeof payload.sid === 'string' ? payload.sid : null;
    const sub = typeof payload.sub === 'string' ? payload.sub : null;
    if (!sid && !sub) throw new SignInRefused('SSO_REFUSED', 'The logout token names neither a session (sid) nor a user (sub)');
    return { sid, sub };
  }

  private configuration(provider: IdentityProvider): Promise<oidc.Configuration> {
    const version = provider.updatedAt.getTime();
    const cached = this.configurations.get(provider.id);
    if (cached && cached.version === version && cached.expires > Date.now()) return cached.configuration;
    let clientSecret: string | undefined;
    try {
      clientSecret = this.secrets.read(provider).clientSecret;
    } catch {
      return Promise.reject(new SignInRefused('SSO_UNAVAILABLE', 'The stored client secret cannot be opened (was SECRETS_KEY or JWT_SECRET changed?): the admin must enter it again'));
    }
    const configuration = this.discover(settingsOf(provider), clientSecret);
    this.configurations.set(provider.id, { version, expires: Date.now() + CONFIGURATION_TTL_MS, configuration });
    configuration.catch(() => this.configurations.delete(provider.id));
    return configuration;
  }

  private async discover(settings: OidcSettings, clientSecret: string | undefined): Promise<oidc.Configuration> {
    try {
      return await oidc.discovery(
        new URL(settings.issuer),
        settings.clientId,
        { client_secret: clientSecret, [oidc.clockTolerance]: this.config.IDP_CLOCK_TOLERANCE_SECONDS },
        clientSecret ? oidc.ClientSecretBasic(clientSecret) : oidc.None(),
        // enableNonRepudiationChecks: openid-client otherwise trusts the token endpoint's TLS and leaves the id token's signature unchecked.
        { timeout: DISCOVERY_TIMEOUT_SECONDS, execute: [oidc.enableNonRepudiationChecks, ...(identityProvidersOverHttp(this.config) ? [oidc.allowInsecureRequests] : [])] },
      );
    } catch (error) {
      throw new SignInRefused('SSO_UNAVAILABLE', `Discovery at ${settings.issuer} failed: ${(error as Error).message}`);
    }
  }
}

function settingsOf(provider: IdentityProvider): OidcSettings {
  return provider.settings as OidcSettings;
}

function refusal(error: unknown, what: string): SignInRefused {
  if (error instanceof SignInRefused) return error;
  const unreachable = error instanceof TypeError || (error as { code?: string }).code === 'OAUTH_TIMEOUT';
  return new SignInRefused(unreachable ? 'SSO_UNAVAILABLE' : 'SSO_REFUSED', `${what}: ${(error as Error).message}`);
}
