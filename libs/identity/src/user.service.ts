import { Inject, Injectable } from '@nestjs/common';
import {
  AuditService,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  ORGANISATION_DIRECTORY,
  OrganisationDirectory,
  Page,
  pageOf,
  Permission,
  RequestContext,
} from '@namndrum/core';
import type { RoleGrant } from '@namndrum/core';
import { CreateUserDto, RoleGrantDto, UpdateUserDto, UserQueryDto } from './dto/user.dto';
import { User } from './entities/user.entity';
import { UserRoleGrant } from './entities/user-role-grant.entity';
import { UserAccessCache } from './user-access-cache';
import { hashPassword } from './password';

export type PublicUser = Omit<User, 'passwordHash' | 'tokenVersion'>;

export function withoutSecrets(user: User): PublicUser {
  const { passwordHash: _passwordHash, tokenVersion: _tokenVersion, ...rest } = user;
  return rest;
}

@Injectable()
export class UserService {
  constructor(
    private readonly audit: AuditService,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
    private readonly access: UserAccessCache,
  ) {}

  async list(ctx: RequestContext, query: UserQueryDto): Promise<Page<PublicUser>> {
    const qb = ctx.em
      .getRepository(User)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.grants', 'g')
      .where('u.municipality_id = :municipalityId', { municipalityId: ctx.municipalityId })
      .orderBy('u.email')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    if (query.q) qb.andWhere('u.email ILIKE :q', { q: `%${query.q}%` });
    if (query.role) qb.andWhere('EXISTS (SELECT 1 FROM user_role_grants r WHERE r.user_id = u.id AND r.role = :role)', { role: query.role });
    const [users, total] = await qb.getManyAndCount();
    return pageOf(users.map(withoutSecrets), total, query);
  }

  async get(ctx: RequestContext, id: string): Promise<PublicUser> {
    return withoutSecrets(await this.load(ctx, id));
  }

  async create(ctx: RequestContext, dto: CreateUserDto): Promise<PublicUser> {
    const target = this.targetContext(ctx, dto.municipalityId);
    const email = dto.email.trim().toLowerCase();
    if (await ctx.em.getRepository(User).existsBy({ email })) {
      throw new ConflictError('USER_EMAIL_TAKEN', `Det finns redan en användare med e-postadressen ${email}`);
    }
    await this.assertPerson(target, dto.personId ?? null);
    const grants = await this.validGrants(target, dto.grants ?? []);
    const users = ctx.em.getRepository(User);
    const user = users.create({
      municipalityId: target.municipalityId,
      email,
      passwordHash: await hashPassword(dto.password),
      personId: dto.personId ?? null,
      active: true,
      lastLoginAt: null,
      grants,
    });
    const saved = await users.save(user);
    const created = await this.load(target, saved.id);
    await this.audit.record(target, { action: 'create', entityType: 'User', entityId: saved.id, after: created });
    return withoutSecrets(created);
  }

  async update(ctx: RequestContext, id: string, dto: UpdateUserDto): Promise<PublicUser> {
    const user = await this.load(ctx, id);
    const before = structuredClone(user);
    if (dto.personId !== undefined) {
      await this.assertPerson(ctx, dto.personId);
      user.personId = dto.personId;
    }
    if (dto.active !== undefined) {
      if (!dto.active && user.id === ctx.actorUserId) {
        throw new ConflictError('CANNOT_DEACTIVATE_SELF', 'Du kan inte inaktivera ditt eget konto');
      }
      if (!dto.active && user.active) user.tokenVersion += 1;
      user.active = dto.active;
    }
    if (dto.password !== undefined) {
      user.passwordHash = await hashPassword(dto.password);
      user.tokenVersion += 1;
    }
    if (dto.grants !== undefined) {
      await ctx.em.getRepository(UserRoleGrant).delete({ userId: user.id });
      user.grants = await this.validGrants(ctx, dto.grants);
    }
    await ctx.em.getRepository(User).save(user);
    ctx.afterCommit(async () => this.access.forget(user.id));
    const saved = await this.load(ctx, id);
    await this.audit.record(ctx, {
      action: dto.password !== undefined ? 'update_with_password' : 'update',
      entityType: 'User',
      entityId: id,
      before,
      after: saved,
    });
    return withoutSecrets(saved);
  }

  private async load(ctx: RequestContext, id: string): Promise<User> {
    const user = await ctx.em.getRepository(User).findOne({ where: { id, municipalityId: ctx.municipalityId }, relations: { grants: true } });
    if (!user) {
      throw new NotFoundError('Användaren');
    }
    return user;
  }

  /** Admins create users in their own municipality; system administrators in the one they name. */
  private targetContext(ctx: RequestContext, municipalityId: string | undefined): RequestContext {
    if (municipalityId === undefined || (ctx.hasTenant && municipalityId === ctx.municipalityId)) {
      return ctx;
    }
    if (!ctx.can(Permission.MunicipalitiesCreate)) {
      throw new ForbiddenError('Du kan bara skapa användare i din egen kommun');
    }
    return new RequestContext(ctx.em, ctx.actor, ctx.requestId, municipalityId);
  }

  private async assertPerson(ctx: RequestContext, personId: string | null): Promise<void> {
    if (personId !== null && !(await this.directory.personExists(ctx, personId))) {
      throw new NotFoundError('Personen', [{ field: 'personId', messages: ['unknown person'] }]);
    }
  }

  private async validGrants(ctx: RequestContext, grants: RoleGrantDto[]): Promise<UserRoleGrant[]> {
    const result: UserRoleGrant[] = [];
    for (const [index, grant] of grants.entries()) {
      const valid = await this.validGrant(ctx, grant, `grants.${index}`);
      const duplicate = result.some((other) => other.role === valid.role && other.organId === valid.organId && other.departmentId === valid.departmentId);
      if (!duplicate) {
        result.push(Object.assign(new UserRoleGrant(), valid));
      }
    }
    return result;
  }

  /** A grant scoped as its role needs, to an organ or department of the actor's municipality; `field` names it in the error. */
  async validGrant(ctx: RequestContext, grant: RoleGrantDto, field: string): Promise<RoleGrant> {
    const organId = grant.organId ?? null;
    const departmentId = grant.departmentId ?? null;
    if ((grant.role === 'secretary') !== (organId !== null)) {
      throw new InvalidInputError('GRANT_SCOPE', 'Nämndsekreterare knyts till ett organ, och bara den rollen', [{ field: `${field}.organId`, messages: ['organId is required for secretary and only for it'] }]);
    }
    if ((grant.role === 'department_head' || grant.role === 'case_officer') !== (departmentId !== null)) {
      throw new InvalidInputError('GRANT_SCOPE', 'Förvaltningschef och handläggare knyts till en förvaltning, och bara de rollerna', [{ field: `${field}.departmentId`, messages: ['departmentId is required for department_head and case_officer and only for them'] }]);
    }
    if (organId && !(await this.directory.organExists(ctx, organId))) {
      throw new NotFoundError('Organet', [{ field: `${field}.organId`, messages: ['unknown organ'] }]);
    }
    if (departmentId && !(await this.directory.departmentExists(ctx, departmentId))) {
      throw new NotFoundError('Förvaltningen', [{ field: `${field}.departmentId`, messages: ['unknown department'] }]);
    }
    return { role: grant.role, organId, departmentId };
  }
}
