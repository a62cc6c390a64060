import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AppConfig,
  AuditService,
  AuthenticatedUser,
  RoleGrant,
  ORGANISATION_DIRECTORY,
  OrganisationDirectory,
  RequestContext,
  swedishDate,
} from '@namndrum/core';
import { AccessTokenDto, DerivedRoleDto, LoginDto, MeDto } from './dto/auth.dto';
import { User } from './entities/user.entity';
import { verifyPassword } from './password';

interface TokenPayload {
  sub: string;
}

const TTL_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

export function ttlSeconds(ttl: string): number {
  return Number(ttl.slice(0, -1)) * TTL_UNITS[ttl.slice(-1)];
}

@Injectable()
export class AuthService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
  ) {}

  async login(ctx: RequestContext, dto: LoginDto): Promise<AccessTokenDto> {
    const users = ctx.em.getRepository(User);
    const user = await users.findOneBy({ email: dto.email.trim().toLowerCase() });
    const valid = await verifyPassword(user?.passwordHash ?? null, dto.password);
    if (!user || !valid || !user.active) {
      throw new UnauthorizedException({ swedishMessage: 'Fel e-postadress eller lösenord' });
    }
    await users.update(user.id, { lastLoginAt: new Date() });
    const actorCtx = new RequestContext(ctx.em, toAuthenticated(user), ctx.requestId, user.municipalityId);
    await this.audit.record(actorCtx, { action: 'login', entityType: 'User', entityId: user.id }, user.municipalityId);
    const expiresIn = ttlSeconds(this.config.JWT_TTL);
    const payload: TokenPayload = { sub: user.id };
    return { accessToken: await this.jwt.signAsync(payload, { expiresIn }), tokenType: 'Bearer', expiresIn };
  }

  /** Verifies the token and reloads the user, so a deactivated user or a removed role takes effect at once. */
  async authenticate(token: string): Promise<AuthenticatedUser | null> {
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      return null;
    }
    // Runs on every request: one plain query rather than an entity load with its relation.
    const [row] = await this.dataSource.query<{ id: string; municipality_id: string | null; person_id: string | null; email: string; grants: RoleGrant[] }[]>(
      `SELECT u.id, u.municipality_id, u.person_id, u.email,
              coalesce(json_agg(json_build_object('role', g.role, 'organId', g.organ_id, 'departmentId', g.department_id)) FILTER (WHERE g.user_id IS NOT NULL), '[]') AS grants
       FROM users u LEFT JOIN user_role_grants g ON g.user_id = u.id
       WHERE u.id = $1 AND u.active
       GROUP BY u.id`,
      [payload.sub],
    );
    return row ? { userId: row.id, municipalityId: row.municipality_id, personId: row.person_id, email: row.email, grants: row.grants } : null;
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
export function toAuthenticated(user: User): AuthenticatedUser {
  return {
    userId: user.id,
    municipalityId: user.municipalityId,
    personId: user.personId,
    email: user.email,
    grants: (user.grants ?? []).map((grant) => ({ role: grant.role, organId: grant.organId, departmentId: grant.departmentId })),
  };
}
