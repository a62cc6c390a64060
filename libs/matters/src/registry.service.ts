import { Injectable } from '@nestjs/common';
import { AuditService, ConflictError, InvalidInputError, Page, RequestContext, TenantRepository } from '@namndrum/core';
import { DepartmentService, OrganService } from '@namndrum/organisation';
import { isValidSuffixFormat } from './domain/case-number';
import { CreateRegistryDto, RegistryQueryDto, UpdateRegistryDto } from './dto/registry.dto';
import { Registry } from './entities/registry.entity';
import { requireReference } from './reference';

@Injectable()
export class RegistryService {
  constructor(
    private readonly audit: AuditService,
    private readonly organs: OrganService,
    private readonly departments: DepartmentService,
  ) {}

  registries(ctx: RequestContext): TenantRepository<Registry> {
    return new TenantRepository(ctx, Registry, 'Diariet');
  }

  list(ctx: RequestContext, query: RegistryQueryDto): Promise<Page<Registry>> {
    const qb = this.registries(ctx).query('r').orderBy('r.code');
    if (query.organId) qb.andWhere('r.organ_id = :organId', { organId: query.organId });
    return this.registries(ctx).paginate(qb, query);
  }

  get(ctx: RequestContext, id: string): Promise<Registry> {
    return this.registries(ctx).get(id);
  }

  async findByCode(ctx: RequestContext, code: string): Promise<Registry | null> {
    return (await this.registries(ctx).find({ code }))[0] ?? null;
  }

  async create(ctx: RequestContext, dto: CreateRegistryDto): Promise<Registry> {
    const organId = dto.organId ?? null;
    const departmentId = dto.departmentId ?? null;
    if ((organId === null) === (departmentId === null)) {
      throw new InvalidInputError('REGISTRY_OWNER', 'Ett diarium hör till antingen ett organ eller en förvaltning', [
        { field: 'organId', messages: ['give exactly one of organId and departmentId'] },
      ]);
    }
    if (organId) await requireReference(this.organs.get(ctx, organId), 'organId', 'Organet finns inte');
    if (departmentId) await requireReference(this.departments.get(ctx, departmentId), 'departmentId', 'Förvaltningen finns inte');
    this.assertSuffixFormat(dto.suffixFormat ?? null);
    if (await this.findByCode(ctx, dto.code)) {
      throw new ConflictError('REGISTRY_CODE_TAKEN', `Det finns redan ett diarium med koden ${dto.code}`);
    }
    const repo = this.registries(ctx);
    const registry = await repo.save(repo.create({ code: dto.code, name: dto.name, organId, departmentId, suffixFormat: dto.suffixFormat ?? null, active: true }));
    await this.audit.record(ctx, { action: 'create', entityType: 'Registry', entityId: registry.id, after: registry });
    return registry;
  }

  async update(ctx: RequestContext, id: string, dto: UpdateRegistryDto): Promise<Registry> {
    const repo = this.registries(ctx);
    const registry = await repo.get(id);
    const before = { ...registry };
    if (dto.suffixFormat !== undefined) this.assertSuffixFormat(dto.suffixFormat);
    const saved = await repo.save(Object.assign(registry, dto));
    await this.audit.record(ctx, { action: 'update', entityType: 'Registry', entityId: id, before, after: saved });
    return saved;
  }

  private assertSuffixFormat(format: string | null): void {
    if (format !== null && !isValidSuffixFormat(format)) {
      throw new InvalidInputError('SUFFIX_FORMAT_INVALID', 'Formatet för klassificeringssuffix är inte ett giltigt reguljärt uttryck', [
        { field: 'suffixFormat', messages: ['suffixFormat must be a regular expression'] },
      ]);
    }
  }
}
