import { Injectable } from '@nestjs/common';
import { AuditService, ConflictError, Page, RequestContext, TenantRepository } from '@namndrum/core';
import { CreateDepartmentDto, DepartmentQueryDto, UpdateDepartmentDto } from './dto/department.dto';
import { Department } from './entities/department.entity';

@Injectable()
export class DepartmentService {
  constructor(private readonly audit: AuditService) {}

  departments(ctx: RequestContext): TenantRepository<Department> {
    return new TenantRepository(ctx, Department, 'Förvaltningen');
  }

  list(ctx: RequestContext, query: DepartmentQueryDto): Promise<Page<Department>> {
    const qb = this.departments(ctx).query('d').orderBy('d.name').addOrderBy('d.id');
    if (query.kind) qb.andWhere('d.kind = :kind', { kind: query.kind });
    if (query.q) qb.andWhere('(d.name ILIKE :q OR d.short_code ILIKE :q)', { q: `%${query.q}%` });
    return this.departments(ctx).paginate(qb, query);
  }

  get(ctx: RequestContext, id: string): Promise<Department> {
    return this.departments(ctx).get(id);
  }

  async create(ctx: RequestContext, dto: CreateDepartmentDto): Promise<Department> {
    await this.assertShortCodeFree(ctx, dto.shortCode);
    const repo = this.departments(ctx);
    const department = await repo.save(repo.create(dto));
    await this.audit.record(ctx, { action: 'create', entityType: 'Department', entityId: department.id, after: department });
    return department;
  }

  async update(ctx: RequestContext, id: string, dto: UpdateDepartmentDto): Promise<Department> {
    const repo = this.departments(ctx);
    const department = await repo.get(id);
    const before = { ...department };
    if (dto.shortCode !== undefined && dto.shortCode !== department.shortCode) {
      await this.assertShortCodeFree(ctx, dto.shortCode);
    }
    const saved = await repo.save(Object.assign(department, dto));
    await this.audit.record(ctx, { action: 'update', entityType: 'Department', entityId: id, before, after: saved });
    return saved;
  }

  private async assertShortCodeFree(ctx: RequestContext, shortCode: string): Promise<void> {
    if ((await this.departments(ctx).find({ shortCode })).length > 0) {
      throw new ConflictError('DEPARTMENT_CODE_TAKEN', `Det finns redan en förvaltning med kortnamnet ${shortCode}`);
    }
  }
}
