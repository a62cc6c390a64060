import { createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CookieOptions, Request, Response } from 'express';
import { DataSource, EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { AppConfig, AuthenticatedUser, Authentication, AuthMethod, RoleGrant, secureCookies, ttlSeconds } from '@namndrum/core';
import { UserSession } from './entities/user-session.entity';
import { ProviderSecretsReader, SessionTokens } from './providers/provider-secrets';
import { csrfTokenOf, newSessionSecret, sessionSecretSha256 } from './session-secrets';

export const SESSION_COOKIE = 'namndrum_session';

/** A browser's session as the request that carries its cookie sees it. */
export interface BrowserSession {
  id: string;
  csrfToken: string;
  expiresAt: Date;
  /** A session from an identity provider due to be checked with it again (IDP_RECHECK_INTERVAL). */
  providerCheckDue?: boolean;
}

/** How a session was signed in through an identity provider, and what single logout and re-checks need. */
export interface ProviderSessionStart {
  method: Exclude<AuthMethod, 'password'>;
  providerId: string;
  providerSession: Record<string, string> | null;
  tokens: SessionTokens | null;
  /** The provider's own bound on the session (SAML's SessionNotOnOrAfter), when sooner than SESSION_TTL. */
  notAfter?: Date | null;
}

/** A session just started: the secret goes into the cookie and nowhere else. */
export interface StartedSession extends BrowserSession {
  secret: string;
}

export type AuthenticatedRequest = Request & { user?: AuthenticatedUser; browserSession?: BrowserSession };

/** The browser session the request was signed in with; undefined when it came with a bearer token. */
export const CurrentSession = createParamDecorator((_data: unknown, execution: ExecutionContext): BrowserSession | undefined => {
  return execution.switchToHttp().getRequest<AuthenticatedRequest>().browserSession;
});

/** How often at most a session's last use is written: the idle timeout is that coarse. */
const LAST_SEEN_RESOLUTION_SECONDS = 60;

/**
 * Browser sessions, kept in PostgreSQL so that every API process sees a sign-out, a password change
 * or a deactivated user at once. A session ends at SESSION_TTL after sign-in, or SESSION_IDLE_TTL
 * after its last use, whichever comes first.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secrets: ProviderSecretsReader,
  ) {}

  /**
   * Starts a session for the user as they now are (their current token version). The user's ended
   * sessions are deleted at the same time, so the table holds live sessions and, of each user, only
   * those ended since their last sign-in.
   */
  async start(em: EntityManager, userId: string, request: Request, provider?: ProviderSessionStart): Promise<StartedSession> {
    await em.query(
      `DELETE FROM user_sessions WHERE user_id = $1 AND (revoked_at IS NOT NULL OR expires_at <= now() OR last_seen_at <= now() - make_interval(secs => $2))`,
      [userId, ttlSeconds(this.config.SESSION_IDLE_TTL)],
    );
    const secret = newSessionSecret();
    const id = randomUUID();
    const [row] = await em.query<{ id: string; expires_at: Date }[]>(
      `INSERT INTO user_sessions (id, user_id, secret_sha256, token_version, expires_at, user_agent, client_address,
                                  auth_method, provider_id, provider_session, provider_tokens_encrypted, provider_checked_at)
       SELECT $6, id, $2, token_version, least(now() + make_interval(secs => $3), $11::timestamptz), $4, $5, $7, $8, $9, $10, CASE WHEN $7 = 'oidc' THEN now() END
       FROM users WHERE id = $1
       RETURNING id, expires_at`,
      [
        userId,
        sessionSecretSha256(secret),
        ttlSeconds(this.config.SESSION_TTL),
        request.get('user-agent')?.slice(0, 500) ?? null,
        request.ip ?? null,
        id,
        provider?.method ?? 'password',
        provider?.providerId ?? null,
        provider?.providerSession ?? null,
        provider?.tokens ? this.secrets.sealSessionTokens(id, provider.tokens) : null,
        provider?.notAfter ?? null,
      ],
    );
    return { secret, ...this.describe(row.id, row.expires_at) };
  }

  sealProviderTokens(sessionId: string, tokens: SessionTokens): string {
    return this.secrets.sealSessionTokens(sessionId, tokens);
  }

  openProviderTokens(sessionId: string, sealed: string | null): SessionTokens {
    return this.secrets.openSessionTokens(sessionId, sealed);
  }

  /**
   * The user and session a cookie's secret belongs to, or null when the session has ended: expired,
   * idle too long, revoked, the user deactivated or their password changed since, its identity
   * provider disabled, or signed in with a password where the municipality has turned passwords off.
   */
  async authenticate(secret: string): Promise<{ user: AuthenticatedUser; session: BrowserSession } | null> {
    // Runs on every cookie-authenticated request: one plain query, as for bearer tokens.
    const [row] = await this.dataSource.query<
      {
        id: string;
        municipality_id: string | null;
        person_id: string | null;
        email: string;
        grants: RoleGrant[];
        session_id: string;
        expires_at: Date;
        seen_long_ago: boolean;
        auth_method: AuthMethod;
        provider_name: string | null;
        provider_check_due: boolean;
      }[]
    >(
      `SELECT u.id, u.municipality_id, u.person_id, u.email, s.id AS session_id, s.expires_at, s.auth_method, p.display_name AS provider_name,
              s.last_seen_at < now() - make_interval(secs => $3) AS seen_long_ago,
              coalesce(s.provider_checked_at < now() - make_interval(secs => $4), false) AS provider_check_due,
              coalesce(json_agg(json_build_object('role', g.role, 'organId', g.organ_id, 'departmentId', g.department_id)) FILTER (WHERE g.user_id IS NOT NULL), '[]') AS grants
       FROM user_sessions s
       JOIN users u ON u.id = s.user_id AND u.active AND u.token_version = s.token_version
       LEFT JOIN municipalities m ON m.id = u.municipality_id
       LEFT JOIN identity_providers p ON p.id = s.provider_id
       LEFT JOIN user_role_grants g ON g.user_id = u.id
       WHERE s.secret_sha256 = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(secs => $2)
         AND (s.provider_id IS NULL OR p.enabled) AND (s.auth_method <> 'password' OR m.password_sign_in IS NOT FALSE)
       GROUP BY u.id, s.id, p.id`,
      [sessionSecretSha256(secret), ttlSeconds(this.config.SESSION_IDLE_TTL), LAST_SEEN_RESOLUTION_SECONDS, ttlSeconds(this.config.IDP_RECHECK_INTERVAL)],
    );
    if (!row) return null;
    if (row.seen_long_ago) {
      await this.dataSource.query(`UPDATE user_sessions SET last_seen_at = now() WHERE id = $1`, [row.session_id]);
    }
    const authentication: Authentication = { method: row.auth_method, providerName: row.provider_name };
    return {
      user: { userId: row.id, municipalityId: row.municipality_id, personId: row.person_id, email: row.email, grants: row.grants, authentication },
      session: { ...this.describe(row.session_id, row.expires_at), providerCheckDue: row.provider_check_due },
    };
  }

  async revoke(em: EntityManager, sessionId: string): Promise<void> {
    await em.getRepository(UserSession).update({ id: sessionId }, { revokedAt: () => 'now()' });
  }

  /** Sets the session cookie: HttpOnly so no script reads it, SameSite=Lax so other sites' forms do not carry it. */
  setCookie(response: Response, session: StartedSession): void {
    response.cookie(SESSION_COOKIE, session.secret, { ...this.cookieOptions(), maxAge: ttlSeconds(this.config.SESSION_TTL) * 1000 });
  }

  clearCookie(response: Response): void {
    response.cookie(SESSION_COOKIE, '', { ...this.cookieOptions(), maxAge: 0 });
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies(this.config) };
  }

  private describe(id: string, expiresAt: Date): BrowserSession {
    return { id, csrfToken: csrfTokenOf(id, this.config.JWT_SECRET), expiresAt };
  }
}
