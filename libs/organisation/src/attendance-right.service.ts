import { Injectable } from '@nestjs/common';
import { AuditService, InvalidInputError, Page, Permission, RequestContext, TenantRepository } from '@namndrum/core';
import { AttendanceRightQueryDto, CreateAttendanceRightDto, UpdateAttendanceRightDto } from './dto/attendance-right.dto';
import { AttendanceRight } from './entities/attendance-right.entity';
import { Organ } from './entities/organ.entity';
import { Person } from './entities/person.entity';

@Injectable()
export class AttendanceRightService {
  constructor(private readonly audit: AuditService) {}

  private rights(ctx: RequestContext): TenantRepository<AttendanceRight> {
    return new TenantRepository(ctx, AttendanceRight, 'Närvarorätten');
  }

  list(ctx: RequestContext, query: AttendanceRightQueryDto): Promise<Page<AttendanceRight>> {
    const qb = this.rights(ctx).query('a').orderBy('a.valid_from', 'DESC').addOrderBy('a.id');
    if (query.organId) qb.andWhere('a.organ_id = :organId', { organId: query.organId });
    if (query.personId) qb.andWhere('a.person_id = :personId', { personId: query.personId });
    if (query.activeOn) qb.andWhere('a.valid_from <= :activeOn AND (a.valid_to IS NULL OR a.valid_to >= :activeOn)', { activeOn: query.activeOn });
    return this.rights(ctx).paginate(qb, query);
  }

  /** The rights in force on the date, with their persons: who besides the members is called. */
  activeOn(ctx: RequestContext, organId: string, date: string): Promise<AttendanceRight[]> {
    return this.rights(ctx)
      .query('a')
      .leftJoinAndSelect('a.person', 'person')
      .andWhere('a.organ_id = :organId AND a.valid_from <= :date AND (a.valid_to IS NULL OR a.valid_to >= :date)', { organId, date })
      .orderBy('a.valid_from')
      .addOrderBy('a.id')
      .getMany();
  }

  get(ctx: RequestContext, id: string): Promise<AttendanceRight> {
    return this.rights(ctx).get(id);
  }

  async create(ctx: RequestContext, dto: CreateAttendanceRightDto): Promise<AttendanceRight> {
    await new TenantRepository(ctx, Organ, 'Organet').get(dto.organId);
    ctx.requireOrganPermission(Permission.OrganManage, dto.organId);
    const repo = this.rights(ctx);
    const right = repo.create({ personId: null, roleDescription: null, canSpeak: true, basis: null, validTo: null, ...dto });
    await this.assertValid(ctx, right);
    const saved = await repo.save(right);
    await this.audit.record(ctx, { action: 'create', entityType: 'AttendanceRight', entityId: saved.id, after: saved });
    return saved;
  }

  async update(ctx: RequestContext, id: string, dto: UpdateAttendanceRightDto): Promise<AttendanceRight> {
    const repo = this.rights(ctx);
    const right = await repo.get(id);
    ctx.requireOrganPermission(Permission.OrganManage, right.organId);
    const before = { ...right };
    Object.assign(right, dto);
    await this.assertValid(ctx, right);
    const saved = await repo.save(right);
    await this.audit.record(ctx, { action: 'update', entityType: 'AttendanceRight', entityId: id, before, after: saved });
    return saved;
  }

  private async assertValid(ctx: RequestContext, right: AttendanceRight): Promise<void> {
    if (!right.personId && !right.roleDescription) {
      throw new InvalidInputError('WHO_MISSING', 'Ange en person eller vilken befattning närvarorätten gäller', [{ field: 'personId', messages: ['personId or roleDescription is required'] }]);
    }
    if (right.validTo !== null && right.validTo < right.validFrom) {
      throw new InvalidInputError('DATES_REVERSED', 'Närvarorätten kan inte sluta innan den börjar', [{ field: 'validTo', messages: ['validTo must not be before validFrom'] }]);
    }
    if (right.personId) {
      await new TenantRepository(ctx, Person, 'Personen').get(right.personId);
    }
  }
}
