import { createHash, randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as oidc from 'openid-client';
import type { Request } from 'express';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, AuditService, Authentication, RequestContext, ttlSeconds } from '@namndrum/core';
import { User } from '../entities/user.entity';
import { UserRoleGrant } from '../entities/user-role-grant.entity';
import { SessionService, StartedSession } from '../session.service';
import { UserAccessCache } from '../user-access-cache';
import { IdentityProvider, ProviderSecrets } from './identity-provider.entity';
import { ProviderSecretsReader } from './provider-secrets';
import { OidcClient, OidcTokens } from './oidc-client';
import { grantsFromGroups, identityFromClaims, ProviderIdentity, SignInRefused } from './provider-identity';
import { SamlClient, SamlRequestStore, SamlServiceProvider } from './saml-client';
import { UserIdentity } from './user-identity.entity';

/** How long a user has at the provider before the sign-in must start again. */
const ATTEMPT_TTL_SECONDS = 10 * 60;

export const SIGN_IN_BINDING_COOKIE = 'namndrum_sign_in';

export interface SignInStarted {
  redirectTo: string;
  /** For the browser binding cookie (OIDC): the callback is accepted only from the browser that started. */
  browserBinding: string | null;
}

export interface SignInCompleted {
  started: StartedSession;
  returnTo: string;
}

interface ConsumedAttempt {
  browser_binding_sha256: Buffer | null;
  nonce: string | null;
  code_verifier: string | null;
  return_to: string;
  expired: boolean;
}

/**
 * Sign-in through a municipality's identity provider, from the redirect to the provider to the session:
 * the attempt is kept in PostgreSQL and used once; the user is found by the provider's stable subject,
 * linked by a verified e-mail address or created only where the admin allowed it; roles come from the
 * provider's groups when the admin chose so.
 */
@Injectable()
export class ProviderSignInService {
  private readonly logger = new Logger(ProviderSignInService.name);

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly oidcClient: OidcClient,
    private readonly samlClient: SamlClient,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly access: UserAccessCache,
    private readonly secrets: ProviderSecretsReader,
  ) {}

  async start(key: string, returnTo: string): Promise<SignInStarted> {
    return refusalsReturningTo(() => returnTo, async () => {
      const provider = await this.enabledProvider(key);
      await this.dataSource.query(`DELETE FROM sign_in_attempts WHERE expires_at < now() - interval '1 hour'`);
      if (provider.protocol === 'saml') {
        const requestId = `_${randomBytes(20).toString('hex')}`;
        await this.saveAttempt(provider, { state: requestId, returnTo });
        return { redirectTo: await this.samlClient.authorizeUrl(provider, this.serviceProvider(provider), requestId), browserBinding: null };
      }
      const checks = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
      const browserBinding = randomBytes(32).toString('base64url');
      const url = await this.oidcClient.authorizationUrl(provider, this.redirectUri(provider), checks);
      await this.saveAttempt(provider, { state: checks.state, returnTo, browserBinding, nonce: checks.nonce, codeVerifier: checks.codeVerifier });
      return { redirectTo: url.href, browserBinding };
    });
  }

  /** The provider's answer at redirect_uri: its query as the provider sent it, with the browser's binding cookie. */
  async completeOidc(key: string, query: URLSearchParams, browserBinding: string | undefined, request: Request): Promise<SignInCompleted> {
    const provider = await this.enabledProvider(key);
    const state = query.get('state');
    const attempt = state ? await this.consumeAttempt(provider, state) : null;
    if (!attempt || attempt.expired) throw new SignInRefused('SSO_EXPIRED', state ? 'No sign-in under way with this state: expired, or used before' : 'The callback has no state');
    if (!attempt.browser_binding_sha256 || !browserBinding || !sha256(browserBinding).equals(attempt.browser_binding_sha256)) {
      throw new SignInRefused('SSO_EXPIRED', 'The callback came to another browser than the one that started the sign-in');
    }
    return refusalsReturningTo(() => attempt.return_to, async () => {
      const error = query.get('error');
      if (error) throw new SignInRefused(error === 'access_denied' ? 'SSO_CANCELLED' : 'SSO_REFUSED', `The provider answered ${error}: ${query.get('error_description') ?? ''}`);
      const callbackUrl = new URL(this.redirectUri(provider));
      callbackUrl.search = query.toString();
      const tokens = await this.oidcClient.exchange(provider, callbackUrl, { state: state!, nonce: attempt.nonce!, codeVerifier: attempt.code_verifier! });
      const identity = identityFromClaims(provider, tokens.claims);
      const providerSession = typeof tokens.claims.sid === 'string' ? { sid: tokens.claims.sid } : null;
      return { returnTo: attempt.return_to, started: await this.signIn(provider, identity, request, { providerSession, tokens }) };
    });
  }

  async completeSaml(key: string, samlResponse: string, request: Request): Promise<SignInCompleted> {
    const provider = await this.enabledProvider(key);
    let returnTo = '/';
    const store: SamlRequestStore = {
      exists: async (requestId: string) => {
        const rows = await this.dataSource.query<{ return_to: string }[]>(
          `SELECT return_to FROM sign_in_attempts WHERE provider_id = $1 AND state_sha256 = $2 AND expires_at > now()`,
          [provider.id, sha256(requestId)],
        );
        if (rows.length > 0) returnTo = rows[0].return_to;
        return rows.length > 0;
      },
      consume: async (requestId: string) => {
        const attempt = await this.consumeAttempt(provider, requestId);
        if (attempt && !attempt.expired) returnTo = attempt.return_to;
        return attempt !== null && !attempt.expired;
      },
    };
    // The response names its request only inside node-saml's checks: where the user was going is known once they reach it.
    return refusalsReturningTo(() => returnTo, async () => {
      const assertion = await this.samlClient.validate(provider, this.serviceProvider(provider), store, samlResponse);
      const identity = identityFromClaims(provider, assertion.claims);
      const providerSession = { nameId: assertion.nameId, nameIdFormat: assertion.nameIdFormat, ...(assertion.sessionIndex ? { sessionIndex: assertion.sessionIndex } : {}) };
      return { returnTo, started: await this.signIn(provider, identity, request, { providerSession, tokens: null, notAfter: assertion.sessionNotOnOrAfter }) };
    });
  }

  /**
   * Asks the provider whether a session's user may still sign in (a refresh-token grant), at most once
   * per IDP_RECHECK_INTERVAL for all processes: the session's row is locked while one asks. False:
   * the session has been ended.
   */
  async recheck(sessionId: string): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const [row] = await em.query<{ provider_id: string; user_id: string; provider_tokens_encrypted: string | null; due: boolean }[]>(
        `SELECT provider_id, user_id, provider_tokens_encrypted, provider_checked_at < now() - make_interval(secs => $2) AS due
         FROM user_sessions WHERE id = $1 AND revoked_at IS NULL AND provider_id IS NOT NULL FOR UPDATE`,
        [sessionId, ttlSeconds(this.config.IDP_RECHECK_INTERVAL)],
      );
      if (!row) return false;
      if (!row.due) return true;
      const provider = await em.getRepository(IdentityProvider).findOneBy({ id: row.provider_id, enabled: true });
      const tokens = this.sessions.openProviderTokens(sessionId, row.provider_tokens_encrypted);
      if (!provider || provider.protocol !== 'oidc' || !tokens.refreshToken) {
        await this.endSession(em, sessionId, 'no way to ask the provider again');
        return false;
      }
      let refreshed: OidcTokens;
      try {
        refreshed = await this.oidcClient.refresh(provider, tokens.refreshToken);
      } catch (error) {
        if (error instanceof SignInRefused && error.code === 'SSO_UNAVAILABLE') {
          // The provider being down must not sign everyone out; it is asked again in a minute, within the session's own bounds.
          this.logger.warn({ sessionId, providerId: provider.id, reason: error.message }, 'Could not re-check a session with its identity provider');
          await em.query(`UPDATE user_sessions SET provider_checked_at = now() - make_interval(secs => $2) + interval '1 minute' WHERE id = $1`, [sessionId, ttlSeconds(this.config.IDP_RECHECK_INTERVAL)]);
          return true;
        }
        await this.endSession(em, sessionId, (error as Error).message);
        return false;
      }
      const linked = await this.subjectOf(em, provider.id, row.user_id);
      const refreshedSubject = refreshed.claims[provider.subjectClaim];
      if (!linked || (refreshedSubject !== undefined && String(refreshedSubject) !== linked)) {
        await this.endSession(em, sessionId, 'the refreshed tokens name another subject');
        return false;
      }
      const identity = identityFromClaims(provider, { ...refreshed.claims, [provider.subjectClaim]: linked });
      if (provider.roleSource === 'provider' && provider.groupsClaim && refreshed.claims[provider.groupsClaim] !== undefined) {
        await this.applyProviderRoles(em, provider, row.user_id, identity);
      }
      await em.query(`UPDATE user_sessions SET provider_checked_at = now(), provider_tokens_encrypted = $2 WHERE id = $1`, [
        sessionId,
        this.sessions.sealProviderTokens(sessionId, { idToken: refreshed.idToken ?? tokens.idToken, refreshToken: refreshed.refreshToken }),
      ]);
      return true;
    });
  }

  /**
   * The provider signs a user out of Nämndrum (back-channel logout): the sessions of the provider's
   * session (sid), or all the user's sessions through this provider (sub, when sub is what names users
   * here). Answers how many sessions ended.
   */
  async backchannelLogout(key: string, logoutToken: string): Promise<number> {
    const provider = await this.enabledProvider(key);
    if (provider.protocol !== 'oidc') throw new SignInRefused('SSO_REFUSED', 'Back-channel logout is OpenID Connect');
    const target = await this.oidcClient.verifyLogoutToken(provider, logoutToken);
    const subject = provider.subjectClaim === 'sub' ? target.sub : null;
    const [rows] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE user_sessions s SET revoked_at = now()
       WHERE s.provider_id = $1 AND s.revoked_at IS NULL
         AND (s.provider_session ->> 'sid' = $2
              OR ($2::text IS NULL AND s.user_id IN (SELECT i.user_id FROM user_identities i WHERE i.provider_id = $1 AND i.subject = $3)))
       RETURNING s.id`,
      [provider.id, target.sid, subject],
    );
    this.logger.log({ providerId: provider.id, sid: target.sid, ended: rows.length }, 'Back-channel logout from the identity provider');
    return rows.length;
  }

  /** Where the browser goes to end its session at the provider as well (single logout), or null. */
  async endSessionUrl(sessionId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ provider_id: string | null; provider_tokens_encrypted: string | null }[]>(
      `SELECT provider_id, provider_tokens_encrypted FROM user_sessions WHERE id = $1`,
      [sessionId],
    );
    if (!row?.provider_id) return null;
    const provider = await this.dataSource.getRepository(IdentityProvider).findOneBy({ id: row.provider_id });
    if (provider?.protocol !== 'oidc') return null;
    const { idToken } = this.sessions.openProviderTokens(sessionId, row.provider_tokens_encrypted);
    return this.oidcClient.endSessionUrl(provider, idToken, new URL('/logga-in?utloggad=1', this.config.PUBLIC_BASE_URL).href);
  }

  /** The provider's stored secrets, or none when they cannot be opened any more (a new SECRETS_KEY): the admin enters them again. */
  readSecrets(provider: IdentityProvider): ProviderSecrets {
    try {
      return this.secrets.read(provider);
    } catch {
      return {};
    }
  }

  sealSecrets(providerId: string, secrets: ProviderSecrets): string | null {
    return this.secrets.seal(providerId, secrets);
  }

  spMetadata(provider: IdentityProvider): string {
    return this.samlClient.spMetadata(provider, this.serviceProvider(provider));
  }

  async enabledProvider(key: string): Promise<IdentityProvider> {
    const provider = await this.dataSource.getRepository(IdentityProvider).findOneBy({ key, enabled: true });
    if (!provider) throw new SignInRefused('SSO_UNAVAILABLE', `No enabled identity provider ${key}`);
    return provider;
  }

  redirectUri(provider: Pick<IdentityProvider, 'key'>): string {
    return new URL(`/api/auth/sso/${provider.key}/callback`, this.config.PUBLIC_BASE_URL).href;
  }

  serviceProvider(provider: Pick<IdentityProvider, 'key'>): SamlServiceProvider {
    const url = (path: string) => new URL(`/api/auth/sso/${provider.key}/${path}`, this.config.PUBLIC_BASE_URL).href;
    return { entityId: url('metadata'), acsUrl: url('acs') };
  }

  private async signIn(
    provider: IdentityProvider,
    identity: ProviderIdentity,
    request: Request,
    session: { providerSession: Record<string, string> | null; tokens: OidcTokens | null; notAfter?: Date | null },
  ): Promise<StartedSession> {
    return this.dataSource.transaction(async (em) => {
      const user = await this.resolveUser(em, provider, identity);
      if (provider.roleSource === 'provider') await this.applyProviderRoles(em, provider, user.id, identity);
      await em.query(`UPDATE users SET last_login_at = now() WHERE id = $1`, [user.id]);
      await em.query(`UPDATE user_identities SET last_sign_in_at = now() WHERE provider_id = $1 AND user_id = $2`, [provider.id, user.id]);
      const authentication: Authentication = { method: provider.protocol, providerName: provider.displayName };
      const ctx = new RequestContext(em, null, String(request.id ?? ''), provider.municipalityId);
      await this.audit.record(
        new RequestContext(em, { userId: user.id, municipalityId: user.municipalityId, personId: user.personId, email: user.email, grants: [], authentication }, ctx.requestId),
        { action: 'login', entityType: 'User', entityId: user.id, after: { method: provider.protocol, provider: provider.key } },
        provider.municipalityId,
      );
      return this.sessions.start(em, user.id, request, {
        method: provider.protocol,
        providerId: provider.id,
        providerSession: session.providerSession,
        tokens: session.tokens ? { idToken: session.tokens.idToken, refreshToken: session.tokens.refreshToken } : null,
        notAfter: session.notAfter ?? null,
      });
    });
  }

  private async resolveUser(em: EntityManager, provider: IdentityProvider, identity: ProviderIdentity): Promise<User> {
    const users = em.getRepository(User);
    const link = await em.getRepository(UserIdentity).findOneBy({ providerId: provider.id, subject: identity.subject });
    let user = link ? await users.findOneBy({ id: link.userId }) : null;
    if (!user && provider.linkByEmail && identity.email && identity.emailVerified) {
      user = await users.findOneBy({ email: identity.email, municipalityId: provider.municipalityId });
      if (user && (await em.getRepository(UserIdentity).existsBy({ providerId: provider.id, userId: user.id }))) {
        throw new SignInRefused('SSO_NO_ACCOUNT', `The user with ${identity.email} is linked to another subject at this provider`);
      }
      if (user) await em.getRepository(UserIdentity).insert({ userId: user.id, providerId: provider.id, subject: identity.subject });
    }
    if (!user && provider.createUsers) {
      if (!identity.email) throw new SignInRefused('SSO_NO_ACCOUNT', `The provider sent no ${provider.emailClaim}, which a new user needs`);
      if (await users.existsBy({ email: identity.email })) {
        throw new SignInRefused('SSO_NO_ACCOUNT', `A user with ${identity.email} exists but is not linked to this subject`);
      }
      user = await users.save(users.create({ municipalityId: provider.municipalityId, email: identity.email, passwordHash: null, personId: null, active: true }));
      await em.getRepository(UserIdentity).insert({ userId: user.id, providerId: provider.id, subject: identity.subject });
      const ctx = new RequestContext(em, null, '', provider.municipalityId);
      await this.audit.record(ctx, { action: 'create', entityType: 'User', entityId: user.id, after: { email: user.email, createdBy: `identity provider ${provider.key}` } }, provider.municipalityId);
    }
    if (!user) throw new SignInRefused('SSO_NO_ACCOUNT', `No user is linked to subject ${identity.subject}`);
    if (user.municipalityId !== provider.municipalityId) throw new SignInRefused('SSO_NO_ACCOUNT', 'The linked user belongs to another municipality');
    if (!user.active) throw new SignInRefused('SSO_ACCOUNT_INACTIVE', 'The user is deactivated in Nämndrum');
    return user;
  }

  /** Replaces the user's grants with those their groups map to, when they differ. */
  private async applyProviderRoles(em: EntityManager, provider: IdentityProvider, userId: string, identity: ProviderIdentity): Promise<void> {
    const wanted = grantsFromGroups(provider.roleMappings, identity.groups);
    const grants = em.getRepository(UserRoleGrant);
    const current = await grants.findBy({ userId });
    const same = (a: { role: string; organId: string | null; departmentId: string | null }, b: typeof a) => a.role === b.role && a.organId === b.organId && a.departmentId === b.departmentId;
    if (current.length === wanted.length && current.every((grant) => wanted.some((other) => same(grant, other)))) return;
    await grants.delete({ userId });
    if (wanted.length > 0) await grants.insert(wanted.map((grant) => ({ ...grant, userId })));
    const ctx = new RequestContext(em, null, '', provider.municipalityId);
    await this.audit.record(ctx, { action: 'update', entityType: 'User', entityId: userId, before: { grants: current.map(({ role, organId, departmentId }) => ({ role, organId, departmentId })) }, after: { grants: wanted, source: `groups at ${provider.key}` } }, provider.municipalityId);
    this.access.forget(userId);
  }

  private async subjectOf(em: EntityManager, providerId: string, userId: string): Promise<string | undefined> {
    return (await em.getRepository(UserIdentity).findOneBy({ providerId, userId }))?.subject;
  }

  private async endSession(em: EntityManager, sessionId: string, reason: string): Promise<void> {
    this.logger.log({ sessionId, reason }, 'Session ended: its identity provider no longer vouches for the user');
    await em.query(`UPDATE user_sessions SET revoked_at = now() WHERE id = $1`, [sessionId]);
  }

  private async saveAttempt(provider: IdentityProvider, attempt: { state: string; returnTo: string; browserBinding?: string; nonce?: string; codeVerifier?: string }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO sign_in_attempts (provider_id, state_sha256, browser_binding_sha256, nonce, code_verifier, return_to, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))`,
      [provider.id, sha256(attempt.state), attempt.browserBinding ? sha256(attempt.browserBinding) : null, attempt.nonce ?? null, attempt.codeVerifier ?? null, attempt.returnTo, ATTEMPT_TTL_SECONDS],
    );
  }

  /** Deletes the attempt as it reads it: of two callbacks with the same state, one gets it. */
  private async consumeAttempt(provider: IdentityProvider, state: string): Promise<ConsumedAttempt | null> {
    const [rows] = await this.dataSource.query<[ConsumedAttempt[], number]>(
      `DELETE FROM sign_in_attempts WHERE provider_id = $1 AND state_sha256 = $2
       RETURNING browser_binding_sha256, nonce, code_verifier, return_to, expires_at <= now() AS expired`,
      [provider.id, sha256(state)],
    );
    return rows[0] ?? null;
  }
}

/** A refusal in the step names where the user was going, so the sign-in page can send them there once they are in. */
async function refusalsReturningTo<T>(returnTo: () => string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw error instanceof SignInRefused ? error.returningTo(returnTo()) : error;
  }
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
