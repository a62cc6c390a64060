import { HttpStatus, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  AppConfig,
  AuditService,
  AuthenticatedUser,
  Authentication,
  DomainError,
  InvalidInputError,
  PASSWORD_AUTHENTICATION,
  RoleGrant,
  ORGANISATION_DIRECTORY,
  OrganisationDirectory,
  RequestContext,
  swedishDate,
  ttlSeconds,
} from '@namndrum/core';
import type { Request } from 'express';
import { AccessTokenDto, ChangePasswordDto, DerivedRoleDto, LoginDto, MeDto, SessionDto } from './dto/auth.dto';
import { User } from './entities/user.entity';
import { LoginLimiter, normalizedEmail } from './login-limiter';
import { hashPassword, verifyPassword } from './password';
import { BrowserSession, SessionService, StartedSession } from './session.service';
import { UserAccessCache } from './user-access-cache';

interface TokenPayload {
  sub: string;
  /** The user's token version when the token was issued. */
  ver: number;
  exp?: number;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
    private readonly limiter: LoginLimiter,
    private readonly sessions: SessionService,
    private readonly access: UserAccessCache,
  ) {}

  /** Admitted by LoginThrottlerGuard; a success gives back the place the attempt took among the account's failures. */
  async login(ctx: RequestContext, dto: LoginDto): Promise<AccessTokenDto> {
    return this.issueToken(await this.signIn(ctx, dto));
  }

  /** Signs a browser in: a server-side session whose secret the caller puts in the cookie. Limited and audited as login. */
  async startSession(ctx: RequestContext, dto: LoginDto, request: Request): Promise<{ started: StartedSession; answer: SessionDto }> {
    const user = await this.signIn(ctx, dto);
    const started = await this.sessions.start(ctx.em, user.id, request);
    const actorCtx = new RequestContext(ctx.em, toAuthenticated(user), ctx.requestId, user.municipalityId);
    return { started, answer: { user: await this.me(actorCtx), csrfToken: started.csrfToken, expiresAt: started.expiresAt } };
  }

  /** Ends the browser's session server-side, so its cookie is refused from now on even if replayed. */
  async endSession(ctx: RequestContext, session: BrowserSession): Promise<void> {
    await this.sessions.revoke(ctx.em, session.id);
    await this.audit.record(ctx, { action: 'logout', entityType: 'User', entityId: ctx.actorUserId });
  }

  private async signIn(ctx: RequestContext, dto: LoginDto): Promise<User> {
    const users = ctx.em.getRepository(User);
    const user = await users.findOne({ where: { email: normalizedEmail(dto.email) }, relations: { grants: true } });
    const valid = await verifyPassword(user?.passwordHash ?? null, dto.password);
    if (!user || !valid || !user.active) {
      throw new UnauthorizedException({ swedishMessage: 'Fel e-postadress eller lösenord' });
    }
    // Told only to one who knew the password, so the answer says nothing of which addresses have accounts.
    if (user.municipalityId && !(await this.passwordsAllowed(ctx.em, user.municipalityId))) {
      throw new DomainError('PASSWORD_SIGN_IN_OFF', HttpStatus.FORBIDDEN, 'Kommunen har stängt av inloggning med lösenord: logga in med kommunens konto');
    }
    await this.limiter.succeeded(dto.email);
    await users.update(user.id, { lastLoginAt: new Date() });
    const actorCtx = new RequestContext(ctx.em, toAuthenticated(user), ctx.requestId, user.municipalityId);
    await this.audit.record(actorCtx, { action: 'login', entityType: 'User', entityId: user.id }, user.municipalityId);
    return user;
  }

  private async passwordsAllowed(em: EntityManager, municipalityId: string): Promise<boolean> {
    const [row] = await em.query<{ password_sign_in: boolean }[]>(`SELECT password_sign_in FROM municipalities WHERE id = $1`, [municipalityId]);
    return row?.password_sign_in !== false;
  }

  /**
   * Changes the signed-in user's own password; every token and session from before is refused, so the
   * answer is a new token and, for a browser signed in by its session, a new session in its place.
   */
  async changePassword(ctx: RequestContext, dto: ChangePasswordDto, session: BrowserSession | undefined, request: Request): Promise<{ token: AccessTokenDto; renewed?: StartedSession }> {
    const users = ctx.em.getRepository(User);
    const user = await users.findOneByOrFail({ id: ctx.actorUserId! });
    if (!(await verifyPassword(user.passwordHash, dto.currentPassword))) {
      throw new InvalidInputError('WRONG_PASSWORD', 'Det nuvarande lösenordet stämmer inte', [{ field: 'currentPassword', messages: ['does not match the current password'] }]);
    }
    await this.limiter.succeeded(user.email);
    user.passwordHash = await hashPassword(dto.newPassword);
    user.tokenVersion += 1;
    await users.save(user);
    ctx.afterCommit(async () => this.access.forget(user.id));
    await this.audit.record(ctx, { action: 'change_password', entityType: 'User', entityId: user.id }, user.municipalityId);
    if (!session) return { token: await this.issueToken(user) };
    await this.sessions.revoke(ctx.em, session.id);
    return { token: await this.issueToken(user), renewed: await this.sessions.start(ctx.em, user.id, request) };
  }

  /**
   * Verifies the token and finds its user as PostgreSQL has them now (through UserAccessCache, which
   * forgets a user when a change to them commits), so a deactivated user, a removed role or a changed
   * password (a new token version) takes effect at once. A token must expire.
   */
  async authenticate(token: string): Promise<AuthenticatedUser | null> {
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      return null;
    }
    if (typeof payload.exp !== 'number' || !Number.isInteger(payload.ver) || typeof payload.sub !== 'string') {
      return null;
    }
    return this.access.read(payload.sub, payload.ver, () => this.loadUser(payload.sub, payload.ver));
  }

  /** The user a token names, if still active at the token's version: one plain query rather than an entity load with its relation. */
  private async loadUser(userId: string, tokenVersion: number): Promise<AuthenticatedUser | null> {
    const [row] = await this.dataSource.query<{ id: string; municipality_id: string | null; person_id: string | null; email: string; grants: RoleGrant[] }[]>(
      `SELECT u.id, u.municipality_id, u.person_id, u.email,
              coalesce(json_agg(json_build_object('role', g.role, 'organId', g.organ_id, 'departmentId', g.department_id)) FILTER (WHERE g.user_id IS NOT NULL), '[]') AS grants
       FROM users u LEFT JOIN user_role_grants g ON g.user_id = u.id LEFT JOIN municipalities m ON m.id = u.municipality_id
       WHERE u.id = $1 AND u.active AND u.token_version = $2 AND m.password_sign_in IS NOT FALSE
       GROUP BY u.id`,
      [userId, tokenVersion],
    );
    return row ? { userId: row.id, municipalityId: row.municipality_id, personId: row.person_id, email: row.email, grants: row.grants, authentication: PASSWORD_AUTHENTICATION } : null;
  }

  private async issueToken(user: User): Promise<AccessTokenDto> {
    const expiresIn = ttlSeconds(this.config.JWT_TTL);
    const payload: TokenPayload = { sub: user.id, ver: user.tokenVersion };
    return { accessToken: await this.jwt.signAsync(payload, { expiresIn }), tokenType: 'Bearer', expiresIn };
  }

  async me(ctx: RequestContext): Promise<MeDto> {
    const actor = ctx.actor!;
    const seats = actor.personId && ctx.hasTenant ? await this.directory.currentSeats(ctx, actor.personId, swedishDate()) : [];
    const seatRoles: DerivedRoleDto[] = seats.flatMap((seat) => {
      const roles: DerivedRoleDto[] = [{ role: seat.role, organId: seat.organId, organShortName: seat.organShortName }];
      if (seat.position === 'chair') roles.push({ role: 'chair', organId: seat.organId, organShortName: seat.organShortName });
      return roles;
    });
    return { userId: actor.userId, email: actor.email, municipalityId: actor.municipalityId, personId: actor.personId, grants: actor.grants, seatRoles };
  }
}

/** The actor a user acts as: their municipality, person and granted roles. */
export function toAuthenticated(user: User, authentication: Authentication = PASSWORD_AUTHENTICATION): AuthenticatedUser {
  return {
    authentication,
    userId: user.id,
    municipalityId: user.municipalityId,
    personId: user.personId,
    email: user.email,
    grants: (user.grants ?? []).map((grant) => ({ role: grant.role, organId: grant.organId, departmentId: grant.departmentId })),
  };
}
