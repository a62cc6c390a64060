import { Injectable } from '@nestjs/common';
import { AuditService, ConflictError, Municipality, NotFoundError, Page, PageQueryDto, pageOf, Permission, RequestContext } from '@namndrum/core';
import { CreateMunicipalityDto, UpdateMunicipalityDto } from './dto/municipality.dto';


/** Municipalities are the tenants: a user sees its own; a system administrator provisions new ones. */
@Injectable()
export class MunicipalityService {
  constructor(private readonly audit: AuditService) {}

  private canSeeAll(ctx: RequestContext): boolean {
    return ctx.actor !== null && ctx.can(Permission.MunicipalitiesCreate);
  }

  async list(ctx: RequestContext, query: PageQueryDto): Promise<Page<Municipality>> {
    const qb = ctx.em.getRepository(Municipality).createQueryBuilder('m').orderBy('m.name').addOrderBy('m.id').skip((query.page - 1) * query.pageSize).take(query.pageSize);
    if (!this.canSeeAll(ctx)) {
      qb.where('m.id = :id', { id: ctx.hasTenant ? ctx.municipalityId : null });
    }
    const [items, total] = await qb.getManyAndCount();
    return pageOf(items, total, query);
  }

  async get(ctx: RequestContext, id: string): Promise<Municipality> {
    const visible = this.canSeeAll(ctx) || (ctx.hasTenant && ctx.municipalityId === id);
    const municipality = visible ? await ctx.em.getRepository(Municipality).findOneBy({ id }) : null;
    if (!municipality) {
      throw new NotFoundError('Kommunen');
    }
    return municipality;
  }

  async create(ctx: RequestContext, dto: CreateMunicipalityDto): Promise<Municipality> {
    await this.assertCodeFree(ctx, dto.code);
    const municipality = await ctx.em.getRepository(Municipality).save(ctx.em.getRepository(Municipality).create(dto));
    await this.audit.record(ctx, { action: 'create', entityType: 'Municipality', entityId: municipality.id, after: municipality }, municipality.id);
    return municipality;
  }

  async update(ctx: RequestContext, id: string, dto: UpdateMunicipalityDto): Promise<Municipality> {
    const municipality = await this.get(ctx, id);
    const before = { ...municipality };
    if (dto.code !== undefined && dto.code !== municipality.code) {
      await this.assertCodeFree(ctx, dto.code);
    }
    Object.assign(municipality, dto);
    const saved = await ctx.em.getRepository(Municipality).save(municipality);
    await this.audit.record(ctx, { action: 'update', entityType: 'Municipality', entityId: id, before, after: saved }, id);
    return saved;
  }

  private async assertCodeFree(ctx: RequestContext, code: string): Promise<void> {
    if (await ctx.em.getRepository(Municipality).existsBy({ code })) {
      throw new ConflictError('MUNICIPALITY_CODE_TAKEN', `Det finns redan en kommun med kommunkod ${code}`);
    }
  }
}
