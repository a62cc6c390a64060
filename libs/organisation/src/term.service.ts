import { Injectable } from '@nestjs/common';
import { AuditService, ConflictError, InvalidInputError, Page, RequestContext, TenantRepository } from '@namndrum/core';
import { rangesOverlap } from './domain/date-range';
import { CreateTermDto, TermQueryDto, UpdateTermDto } from './dto/term.dto';
import { Membership } from './entities/membership.entity';
import { Term } from './entities/term.entity';

@Injectable()
export class TermService {
  constructor(private readonly audit: AuditService) {}

  private terms(ctx: RequestContext): TenantRepository<Term> {
    return new TenantRepository(ctx, Term, 'Mandatperioden');
  }

  list(ctx: RequestContext, query: TermQueryDto): Promise<Page<Term>> {
    const qb = this.terms(ctx).query('t').orderBy('t.start_date', 'DESC').addOrderBy('t.id');
    if (query.date) qb.andWhere(':date BETWEEN t.start_date AND t.end_date', { date: query.date });
    return this.terms(ctx).paginate(qb, query);
  }

  get(ctx: RequestContext, id: string): Promise<Term> {
    return this.terms(ctx).get(id);
  }

  async create(ctx: RequestContext, dto: CreateTermDto): Promise<Term> {
    await this.assertValidPeriod(ctx, dto.startDate, dto.endDate);
    const repo = this.terms(ctx);
    const term = await repo.save(repo.create(dto));
    await this.audit.record(ctx, { action: 'create', entityType: 'Term', entityId: term.id, after: term });
    return term;
  }

  async update(ctx: RequestContext, id: string, dto: UpdateTermDto): Promise<Term> {
    const repo = this.terms(ctx);
    const term = await repo.get(id);
    const before = { ...term };
    const startDate = dto.startDate ?? term.startDate;
    const endDate = dto.endDate ?? term.endDate;
    await this.assertValidPeriod(ctx, startDate, endDate, id);
    const outside = await ctx.em
      .getRepository(Membership)
      .createQueryBuilder('m')
      .where('m.term_id = :id AND (m.valid_from < :startDate OR m.valid_to > :endDate)', { id, startDate, endDate })
      .getCount();
    if (outside > 0) {
      throw new ConflictError('TERM_HAS_SEATS_OUTSIDE', `${outside} uppdrag skulle hamna utanför mandatperioden. Ändra dem först.`);
    }
    const saved = await repo.save(Object.assign(term, dto));
    await this.audit.record(ctx, { action: 'update', entityType: 'Term', entityId: id, before, after: saved });
    return saved;
  }

  private async assertValidPeriod(ctx: RequestContext, startDate: string, endDate: string, ownId?: string): Promise<void> {
    if (startDate > endDate) {
      throw new InvalidInputError('DATES_REVERSED', 'Mandatperioden kan inte sluta innan den börjar', [{ field: 'endDate', messages: ['endDate must not be before startDate'] }]);
    }
    const others = (await this.terms(ctx).find()).filter((term) => term.id !== ownId);
    const overlapping = others.find((term) => rangesOverlap({ from: term.startDate, to: term.endDate }, { from: startDate, to: endDate }));
    if (overlapping) {
      throw new ConflictError('TERM_OVERLAP', `Perioden överlappar mandatperioden ${overlapping.name}`);
    }
  }
}
