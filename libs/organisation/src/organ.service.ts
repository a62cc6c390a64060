import { Injectable } from '@nestjs/common';
import { AuditService, ConflictError, InvalidInputError, NotFoundError, Page, Permission, RequestContext, TenantRepository } from '@namndrum/core';
import { CreateOrganDto, OrganQueryDto, UpdateOrganDto } from './dto/organ.dto';
import { Department } from './entities/department.entity';
import { Organ } from './entities/organ.entity';
import { DEFAULT_ORGAN_RULES, OrganRules } from './entities/organ-rules';
import { checkCouncilRules, defaultRulesForKind } from './domain/council-rules';

@Injectable()
export class OrganService {
  constructor(private readonly audit: AuditService) {}

  organs(ctx: RequestContext): TenantRepository<Organ> {
    return new TenantRepository(ctx, Organ, 'Organet');
  }

  list(ctx: RequestContext, query: OrganQueryDto): Promise<Page<Organ>> {
    const qb = this.organs(ctx).query('o').orderBy('o.name').addOrderBy('o.id');
    if (query.kind) qb.andWhere('o.kind = :kind', { kind: query.kind });
    if (query.parentOrganId) qb.andWhere('o.parent_organ_id = :parentOrganId', { parentOrganId: query.parentOrganId });
    if (query.responsibleDepartmentId) qb.andWhere('o.responsible_department_id = :departmentId', { departmentId: query.responsibleDepartmentId });
    if (query.q) qb.andWhere('(o.name ILIKE :q OR o.short_name ILIKE :q)', { q: `%${query.q}%` });
    return this.organs(ctx).paginate(qb, query);
  }

  get(ctx: RequestContext, id: string): Promise<Organ> {
    return this.organs(ctx).get(id);
  }

  async create(ctx: RequestContext, dto: CreateOrganDto): Promise<Organ> {
    const repo = this.organs(ctx);
    const { rules, ...fields } = dto;
    await this.assertShortNameFree(ctx, dto.shortName);
    const organ = repo.create({ parentOrganId: null, responsibleDepartmentId: null, ...fields });
    organ.rules = Object.assign(new OrganRules(), structuredClone(DEFAULT_ORGAN_RULES), defaultRulesForKind(organ.kind), rules ?? {});
    await this.assertValidStructure(ctx, organ);
    const saved = await repo.save(organ);
    const reloaded = await repo.get(saved.id);
    await this.audit.record(ctx, { action: 'create', entityType: 'Organ', entityId: saved.id, after: reloaded });
    return reloaded;
  }

  /** Admins change any organ; a secretary changes the rules of the organs in the grant, nothing structural. */
  async update(ctx: RequestContext, id: string, dto: UpdateOrganDto): Promise<Organ> {
    const repo = this.organs(ctx);
    const organ = await repo.get(id);
    ctx.requireOrganPermission(Permission.OrganManage, id);
    const { rules, ...fields } = dto;
    if (Object.keys(fields).length > 0 && !ctx.can(Permission.OrganisationManage)) {
      throw new ConflictError('ONLY_RULES', 'Du kan bara ändra organets regler. Namn och organisation ändras av en administratör.');
    }
    const before = structuredClone(organ);
    if (dto.shortName !== undefined && dto.shortName !== organ.shortName) {
      await this.assertShortNameFree(ctx, dto.shortName);
    }
    Object.assign(organ, fields);
    Object.assign(organ.rules, rules ?? {});
    await this.assertValidStructure(ctx, organ);
    await repo.save(organ);
    const saved = await repo.get(id);
    await this.audit.record(ctx, { action: 'update', entityType: 'Organ', entityId: id, before, after: saved });
    return saved;
  }

  private async assertShortNameFree(ctx: RequestContext, shortName: string): Promise<void> {
    if ((await this.organs(ctx).find({ shortName })).length > 0) {
      throw new ConflictError('ORGAN_SHORT_NAME_TAKEN', `Det finns redan ett organ med kortnamnet ${shortName}`);
    }
  }

  private async assertValidStructure(ctx: RequestContext, organ: Organ): Promise<void> {
    if (organ.kind === 'subcommittee' && !organ.parentOrganId) {
      throw new InvalidInputError('SUBCOMMITTEE_NEEDS_PARENT', 'Ett utskott måste höra till en nämnd eller styrelse', [{ field: 'parentOrganId', messages: ['required for a subcommittee'] }]);
    }
    if (organ.rules.membersFromParentOrgan && !organ.parentOrganId) {
      throw new InvalidInputError('RULE_NEEDS_PARENT', 'Regeln att ledamöterna ska komma från det överordnade organet kräver ett överordnat organ', [{ field: 'rules.membersFromParentOrgan', messages: ['requires parentOrganId'] }]);
    }
    if (organ.rules.verification === 'chair_and_verifiers' && organ.rules.verifierCount < 1) {
      throw new InvalidInputError('VERIFIERS_NEEDED', 'Ange minst en justerare', [{ field: 'rules.verifierCount', messages: ['must be at least 1 when verification is chair_and_verifiers'] }]);
    }
    const councilViolations = checkCouncilRules(organ.kind, organ.rules);
    if (councilViolations.length > 0) {
      const [first] = councilViolations;
      throw new InvalidInputError(first.code, first.message, councilViolations.map((violation) => ({ field: violation.field, messages: [violation.message] })));
    }
    if (organ.responsibleDepartmentId && !(await new TenantRepository(ctx, Department, 'Förvaltningen').exists(organ.responsibleDepartmentId))) {
      throw new NotFoundError('Den ansvariga förvaltningen', [{ field: 'responsibleDepartmentId', messages: ['unknown department'] }]);
    }
    let ancestorId = organ.parentOrganId;
    const repo = this.organs(ctx);
    while (ancestorId) {
      if (organ.id && ancestorId === organ.id) {
        throw new InvalidInputError('ORGAN_CYCLE', 'Ett organ kan inte ligga under sig självt', [{ field: 'parentOrganId', messages: ['would create a cycle'] }]);
      }
      const ancestor = await repo.repository.findOneBy({ id: ancestorId, municipalityId: ctx.municipalityId });
      if (!ancestor) {
        throw new NotFoundError('Det överordnade organet', [{ field: 'parentOrganId', messages: ['unknown organ'] }]);
      }
      ancestorId = ancestor.parentOrganId;
    }
  }
}
