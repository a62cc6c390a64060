import { Injectable } from '@nestjs/common';
import { AuditService, ConflictError, Page, RequestContext, TenantRepository } from '@namndrum/core';
import { CreatePersonDto, PersonQueryDto, UpdatePersonDto } from './dto/person.dto';
import { Person } from './entities/person.entity';

@Injectable()
export class PersonService {
  constructor(private readonly audit: AuditService) {}

  persons(ctx: RequestContext): TenantRepository<Person> {
    return new TenantRepository(ctx, Person, 'Personen');
  }

  list(ctx: RequestContext, query: PersonQueryDto): Promise<Page<Person>> {
    const qb = this.persons(ctx).query('p').orderBy('p.last_name').addOrderBy('p.first_name').addOrderBy('p.id');
    if (query.kind) qb.andWhere('p.kind = :kind', { kind: query.kind });
    if (query.party) qb.andWhere('p.party = :party', { party: query.party });
    if (query.q) {
      qb.andWhere(`(p.first_name || ' ' || p.last_name ILIKE :q OR p.title ILIKE :q OR p.email ILIKE :q)`, { q: `%${query.q}%` });
    }
    return this.persons(ctx).paginate(qb, query);
  }

  get(ctx: RequestContext, id: string): Promise<Person> {
    return this.persons(ctx).get(id);
  }

  async create(ctx: RequestContext, dto: CreatePersonDto): Promise<Person> {
    const email = normaliseEmail(dto.email);
    await this.assertEmailFree(ctx, email);
    const repo = this.persons(ctx);
    const person = await repo.save(repo.create({ title: null, phone: null, party: null, ...dto, email }));
    await this.audit.record(ctx, { action: 'create', entityType: 'Person', entityId: person.id, after: person });
    return person;
  }

  async update(ctx: RequestContext, id: string, dto: UpdatePersonDto): Promise<Person> {
    const repo = this.persons(ctx);
    const person = await repo.get(id);
    const before = { ...person };
    const changes = { ...dto };
    if (dto.email !== undefined) {
      changes.email = normaliseEmail(dto.email);
      if (changes.email !== person.email) await this.assertEmailFree(ctx, changes.email);
    }
    const saved = await repo.save(Object.assign(person, changes));
    await this.audit.record(ctx, { action: 'update', entityType: 'Person', entityId: id, before, after: saved });
    return saved;
  }

  private async assertEmailFree(ctx: RequestContext, email: string | null): Promise<void> {
    if (email !== null && (await this.persons(ctx).find({ email })).length > 0) {
      throw new ConflictError('PERSON_EMAIL_TAKEN', `Det finns redan en person med e-postadressen ${email}`);
    }
  }
}

function normaliseEmail(email: string | null | undefined): string | null {
  return email ? email.trim().toLowerCase() : null;
}
