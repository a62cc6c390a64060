import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AuditService,
  ConflictError,
  InvalidInputError,
  NotFoundError,
  Page,
  RequestContext,
  swedishDate,
  TenantRepository,
} from '@namndrum/core';
import { DepartmentService, OrganService, PersonService } from '@namndrum/organisation';
import { formatCaseNumber, MAX_DOCUMENT_SEQUENCE, parseCaseNumber, suffixFitsFormat } from './domain/case-number';
import { allowedNextStatuses, canChangeStatus, isOpen, MATTER_STATUS_LABELS, MatterStatus } from './domain/matter-status';
import { canSeeMatter, matterEventAsRead, SecrecyAccess } from './domain/secrecy-access';
import { CancelMatterDto, ChangeMatterStatusDto, MatterQueryDto, RegisterMatterDto, UpdateMatterDto } from './dto/matter.dto';
import { Document } from './entities/document.entity';
import { MatterEvent, MatterEventKind } from './entities/matter-event.entity';
import { Matter } from './entities/matter.entity';
import { Registry } from './entities/registry.entity';
import { requireReference } from './reference';
import { RegistryService } from './registry.service';
import { MatterSecrecyService } from './matter-secrecy.service';
import { SecrecyAccessService } from './secrecy-access.service';

/** Above this many hits a search is listed newest first and its total is a lower bound. */
export const RANKED_SEARCH_LIMIT = 1000;

export type MatterPage = Page<Matter> & { totalIsLowerBound?: boolean };

export interface RegisterOptions {
  /** Only for imports and seeds (system actions): the date the matter was registered in the source diarium. */
  registeredOn?: string;
}

/** The words of a free-text query, lower-cased the Swedish way; the database turns them into a search (swedish_search_query). */
export function searchWords(text: string): string[] {
  return text
    .toLocaleLowerCase('sv-SE')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 12);
}

/** Told after a matter's details changed (the agenda closes the open items of a matter that may no longer be public). */
export type MatterChangeListener = (ctx: RequestContext, matter: Matter) => Promise<void>;

@Injectable()
export class MatterService {
  private readonly changeListeners: MatterChangeListener[] = [];

  constructor(
    private readonly audit: AuditService,
    private readonly registries: RegistryService,
    private readonly organs: OrganService,
    private readonly departments: DepartmentService,
    private readonly persons: PersonService,
    private readonly secrecy: SecrecyAccessService,
    private readonly readings: MatterSecrecyService,
  ) {}

  onMatterChanged(listener: MatterChangeListener): void {
    this.changeListeners.push(listener);
  }

  private matters(ctx: RequestContext): TenantRepository<Matter> {
    return new TenantRepository(ctx, Matter, 'Ärendet');
  }

  /**
   * Registers a matter and gives it the next case number of its registry and year. The number is
   * taken last, just before the insert, in the caller's transaction: concurrent registrations queue
   * on the counter row only for the rest of that transaction, and a rollback hands the number back.
   */
  async register(ctx: RequestContext, dto: RegisterMatterDto, options: RegisterOptions = {}): Promise<Matter> {
    const registry = await requireReference(this.registries.get(ctx, dto.registryId), 'registryId', 'Diariet finns inte');
    if (!registry.active) {
      throw new ConflictError('REGISTRY_INACTIVE', `Diariet ${registry.code} tar inte emot nya ärenden`);
    }
    const suffix = dto.suffix ?? null;
    this.assertSuffix(registry, suffix);
    const organId = dto.organId ?? registry.organId;
    const organ = organId ? await requireReference(this.organs.get(ctx, organId), 'organId', 'Organet finns inte') : null;
    // Only a department given in the request needs checking; the registry's and the organ's exist.
    await this.assertReferences(ctx, { departmentId: dto.departmentId ?? null, caseOfficerId: dto.caseOfficerId ?? null });
    const departmentId = dto.departmentId ?? registry.departmentId ?? organ?.responsibleDepartmentId ?? null;
    const secret = dto.secret ?? false;
    this.assertSecrecy(secret, dto.secrecyProvision ?? null);
    if (options.registeredOn !== undefined && ctx.actor !== null) {
      throw new Error('Only system actions may register with an earlier date');
    }
    const registeredOn = options.registeredOn ?? swedishDate();
    const year = Number(registeredOn.slice(0, 4));

    const matter = await this.insertWithNextNumber(ctx, registry, {
      registryId: registry.id,
      year,
      suffix,
      title: dto.title,
      description: dto.description ?? null,
      classification: dto.classification ?? null,
      departmentId,
      caseOfficerId: dto.caseOfficerId ?? null,
      organId,
      status: 'registered',
      registeredOn,
      closedOn: null,
      secret,
      secrecyProvision: secret ? dto.secrecyProvision! : null,
      publicTitle: dto.publicTitle || null,
      personalData: dto.personalData ?? false,
      exerciseOfPublicAuthority: dto.exerciseOfPublicAuthority ?? false,
      cancellationReason: null,
      lastDocumentSequence: 0,
    });
    await this.audit.record(ctx, { action: 'register', entityType: 'Matter', entityId: matter.id, after: matter });
    return matter;
  }

  /**
   * Takes the next number of the registry's year, inserts the matter and its first history line in
   * one statement. The counter row stays locked until the transaction ends, so concurrent
   * registrations queue on it; the fewer round trips after this statement, the shorter the queue.
   */
  private async insertWithNextNumber(ctx: RequestContext, registry: Registry, values: Omit<Matter, 'id' | 'municipalityId' | 'sequence' | 'caseNumber' | 'createdAt' | 'updatedAt'>): Promise<Matter> {
    const id = randomUUID();
    const rows: { sequence: number; case_number: string; created_at: Date; updated_at: Date }[] = await ctx.em.query(
      `WITH next AS (
         INSERT INTO case_number_counters (registry_id, year, last_sequence) VALUES ($2, $3, 1)
         ON CONFLICT (registry_id, year) DO UPDATE SET last_sequence = case_number_counters.last_sequence + 1
         RETURNING last_sequence
       ), matter AS (
         INSERT INTO matters (id, municipality_id, registry_id, year, sequence, suffix, case_number, title, description, classification,
                              department_id, case_officer_id, organ_id, status, registered_on, secret, secrecy_provision, personal_data,
                              exercise_of_public_authority, public_title)
         SELECT $1, $4, $2, $3, next.last_sequence, $5, $6 || ' ' || $3 || '/' || next.last_sequence || coalesce('-' || $5, ''), $7, $8, $9,
                $10, $11, $12, $13, $14, $15, $16, $17,
                $19, $20
         FROM next
         RETURNING sequence, case_number, created_at, updated_at
       ), history AS (
         INSERT INTO matter_events (municipality_id, matter_id, kind, summary, data, actor_user_id)
         SELECT $4, $1, 'registered', 'Ärendet registrerades med diarienummer ' || case_number, jsonb_build_object('caseNumber', case_number), $18
         FROM matter
       )
       SELECT * FROM matter`,
      [
        id,
        registry.id,
        values.year,
        ctx.municipalityId,
        values.suffix,
        registry.code,
        values.title,
        values.description,
        values.classification,
        values.departmentId,
        values.caseOfficerId,
        values.organId,
        values.status,
        values.registeredOn,
        values.secret,
        values.secrecyProvision,
        values.personalData,
        ctx.actorUserId,
        values.exerciseOfPublicAuthority,
        values.publicTitle,
      ],
    );
    const [row] = rows;
    // The SQL above writes the number as formatCaseNumber does; a mismatch would be a bug here.
    const caseNumber = formatCaseNumber({ registryCode: registry.code, year: values.year, sequence: row.sequence, suffix: values.suffix });
    if (row.case_number !== caseNumber) throw new Error(`Case number written as ${row.case_number}, expected ${caseNumber}`);
    return this.matters(ctx).create({ ...values, id, sequence: row.sequence, caseNumber, createdAt: row.created_at, updatedAt: row.updated_at });
  }

  async list(ctx: RequestContext, query: MatterQueryDto): Promise<MatterPage> {
    const qb = this.matters(ctx).query('m');
    if (query.registryId) qb.andWhere('m.registry_id = :registryId', { registryId: query.registryId });
    if (query.year) qb.andWhere('m.year = :year', { year: query.year });
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (query.departmentId) qb.andWhere('m.department_id = :departmentId', { departmentId: query.departmentId });
    if (query.caseOfficerId) qb.andWhere('m.case_officer_id = :caseOfficerId', { caseOfficerId: query.caseOfficerId });
    if (query.organId) qb.andWhere('m.organ_id = :organId', { organId: query.organId });
    const access = await this.secrecy.of(ctx);
    this.restrictToVisible(qb, access);
    const text = query.q?.trim();
    const caseNumber = text ? parseCaseNumber(text) : null;
    if (caseNumber) {
      qb.innerJoin(Registry, 'r', 'r.id = m.registry_id')
        .andWhere('r.code = :code AND m.year = :caseYear AND m.sequence = :sequence', { code: caseNumber.registryCode, caseYear: caseNumber.year, sequence: caseNumber.sequence });
    } else if (text && searchWords(text).length > 0) {
      return this.search(ctx, qb, searchWords(text), query, access);
    }
    qb.orderBy('m.registered_on', 'DESC').addOrderBy('m.year', 'DESC').addOrderBy('m.sequence', 'DESC');
    return this.matters(ctx).paginate(qb, query);
  }

  /**
   * Full-text search. Up to RANKED_SEARCH_LIMIT hits are counted exactly and ordered by relevance
   * (title before description before documents). A broader search would have to read every hit to
   * rank and count it; it is shown newest first instead, which the date index answers at once, and
   * its total is reported as a lower bound.
   */
  private async search(ctx: RequestContext, qb: ReturnType<TenantRepository<Matter>['query']>, words: string[], page: MatterQueryDto, access: SecrecyAccess): Promise<MatterPage> {
    // The secret text (a secret tjänsteskrivelse's, secret documents') is searched and ranked only where the reader has secrecy access to the matter.
    const entitled = this.entitled(access);
    const query = 'swedish_search_query(CAST(:words AS text[]))';
    qb.andWhere(`(m.search_vector @@ ${query} OR (m.secret_search_vector @@ ${query} AND ${entitled.sql}))`, { words, ...entitled.parameters });
    const [countSql, countParameters] = qb.clone().select('1').limit(RANKED_SEARCH_LIMIT + 1).getQueryAndParameters();
    const [{ hits }] = await ctx.em.query(`SELECT count(*)::int AS hits FROM (${countSql}) AS capped`, countParameters);
    const ranked = hits <= RANKED_SEARCH_LIMIT;
    if (ranked) qb.orderBy(`ts_rank(m.search_vector || CASE WHEN ${entitled.sql} THEN coalesce(m.secret_search_vector, ''::tsvector) ELSE ''::tsvector END, ${query})`, 'DESC');
    else qb.orderBy('m.registered_on', 'DESC');
    qb.addOrderBy('m.year', 'DESC').addOrderBy('m.sequence', 'DESC');
    const items = await qb.skip((page.page - 1) * page.pageSize).take(page.pageSize).getMany();
    return { items, total: Math.min(hits, RANKED_SEARCH_LIMIT), page: page.page, pageSize: page.pageSize, totalIsLowerBound: !ranked };
  }

  /** A matter the actor may see; a secret one without access is reported as missing. */
  async get(ctx: RequestContext, id: string): Promise<Matter> {
    const matter = await this.matters(ctx).get(id);
    await this.assertVisible(ctx, matter);
    return matter;
  }

  async lookup(ctx: RequestContext, text: string): Promise<Matter> {
    const parsed = parseCaseNumber(text);
    if (!parsed) {
      throw new InvalidInputError('CASE_NUMBER_MALFORMED', `"${text}" är inget diarienummer. Skriv till exempel SUN 2022/5 eller KS 2021/263-00.`, [
        { field: 'caseNumber', messages: ['caseNumber must look like "<code> <year>/<sequence>"'] },
      ]);
    }
    // A numeric suffix this long is no classification code, and as a document number it overflows its column.
    if (parsed.suffix !== null && /^\d+$/.test(parsed.suffix) && Number(parsed.suffix) > MAX_DOCUMENT_SEQUENCE) {
      throw new InvalidInputError('CASE_NUMBER_MALFORMED', `Handlingsnumret i "${text.trim()}" är för stort (caseNumber)`, [
        { field: 'caseNumber', messages: [`a document number is at most ${MAX_DOCUMENT_SEQUENCE}`] },
      ]);
    }
    const matter = await this.matters(ctx)
      .query('m')
      .innerJoin(Registry, 'r', 'r.id = m.registry_id')
      .andWhere('r.code = :code AND m.year = :year AND m.sequence = :sequence', { code: parsed.registryCode, year: parsed.year, sequence: parsed.sequence })
      .getOne();
    if (!matter || !(await this.suffixIdentifies(ctx, matter, parsed.suffix))) {
      throw new NotFoundError(`Ärendet ${text.trim()}`);
    }
    await this.assertVisible(ctx, matter);
    return matter;
  }

  /** "KS 2021/263-00" names the matter by its classification suffix; "KS 2021/263-3" names its third document. */
  private async suffixIdentifies(ctx: RequestContext, matter: Matter, suffix: string | null): Promise<boolean> {
    if (suffix === null || suffix === matter.suffix) return true;
    if (!/^\d+$/.test(suffix)) return false;
    return new TenantRepository(ctx, Document, 'Handlingen').repository.exists({ where: { matterId: matter.id, sequence: Number(suffix) } });
  }

  async update(ctx: RequestContext, id: string, dto: UpdateMatterDto): Promise<Matter> {
    const repo = this.matters(ctx);
    const matter = await this.get(ctx, id);
    if (matter.status === 'cancelled') {
      throw new ConflictError('MATTER_CANCELLED', `Ärendet ${matter.caseNumber} är makulerat och kan inte ändras`);
    }
    if (dto.organId) await requireReference(this.organs.get(ctx, dto.organId), 'organId', 'Organet finns inte');
    await this.assertReferences(ctx, { departmentId: dto.departmentId ?? null, caseOfficerId: dto.caseOfficerId ?? null });
    const secret = dto.secret ?? matter.secret;
    const secrecyProvision = dto.secrecyProvision !== undefined ? dto.secrecyProvision : matter.secrecyProvision;
    this.assertSecrecy(secret, secrecyProvision);
    const before = { ...matter };
    Object.assign(matter, dto, { secret, secrecyProvision: secret ? secrecyProvision : null });
    const saved = await repo.save(matter);
    const changed = Object.keys(dto).filter((key) => (before as unknown as Record<string, unknown>)[key] !== (saved as unknown as Record<string, unknown>)[key]);
    if (changed.length > 0) {
      await this.recordEvent(ctx, saved, 'updated', 'Ärendets uppgifter ändrades', { fields: changed });
      await this.audit.record(ctx, { action: 'update', entityType: 'Matter', entityId: id, before, after: saved });
      for (const listener of this.changeListeners) await listener(ctx, saved);
    }
    return saved;
  }

  async changeStatus(ctx: RequestContext, id: string, dto: ChangeMatterStatusDto): Promise<Matter> {
    const matter = await this.get(ctx, id);
    if (!canChangeStatus(matter.status, dto.status)) {
      const allowed = allowedNextStatuses(matter.status).map((status) => MATTER_STATUS_LABELS[status].toLowerCase());
      throw new ConflictError(
        'STATUS_CHANGE_NOT_ALLOWED',
        `Ärendet är ${MATTER_STATUS_LABELS[matter.status].toLowerCase()} och kan inte bli ${MATTER_STATUS_LABELS[dto.status].toLowerCase()}` +
          (allowed.length > 0 ? ` (möjligt: ${allowed.join(', ')})` : ''),
      );
    }
    return this.moveTo(ctx, matter, dto.status, dto.comment);
  }

  /** Moves an open matter forward when a step of its preparation implies it (a report drafted or signed); never backwards. */
  async advance(ctx: RequestContext, matter: Matter, to: 'in_preparation' | 'ready_for_decision'): Promise<void> {
    const order: MatterStatus[] = ['registered', 'in_preparation', 'ready_for_decision'];
    if (order.includes(matter.status) && order.indexOf(matter.status) < order.indexOf(to)) {
      await this.moveTo(ctx, matter, to);
    }
  }

  /**
   * A decision from verified minutes enters the matter's history ("Beslutat i Social- och
   * utbildningsnämnden 2023-01-11 § 3"). The deciding organ's decision makes the matter decided; a
   * preparing utskott's only records that it was handled; a referral back returns it to preparation.
   * Read without the reader's secrecy check: the verifier of the minutes need not see the matter.
   */
  async recordDecision(ctx: RequestContext, matterId: string, decision: { organId: string; outcome: 'decided' | 'referred_back' | 'postponed'; summary: string; data: Record<string, unknown> }): Promise<void> {
    const matter = await this.matters(ctx).get(matterId);
    await this.recordEvent(ctx, matter, 'decided', decision.summary, { ...decision.data, outcome: decision.outcome });
    const finalOrgan = matter.organId === null || matter.organId === decision.organId;
    if (decision.outcome === 'referred_back' && canChangeStatus(matter.status, 'in_preparation')) {
      await this.moveTo(ctx, matter, 'in_preparation', decision.summary);
    } else if (decision.outcome === 'decided' && finalOrgan) {
      if (matter.status === 'registered' || matter.status === 'in_preparation') await this.moveTo(ctx, matter, 'ready_for_decision', decision.summary);
      if (matter.status === 'ready_for_decision') await this.moveTo(ctx, matter, 'decided', decision.summary);
    }
  }

  private async moveTo(ctx: RequestContext, matter: Matter, to: MatterStatus, comment?: string): Promise<Matter> {
    const before = { ...matter };
    matter.status = to;
    if (to === 'closed') matter.closedOn = swedishDate();
    if (to === 'in_preparation' || to === 'ready_for_decision') matter.closedOn = null;
    const saved = await this.matters(ctx).save(matter);
    await this.recordEvent(ctx, saved, 'status_changed', `Status ändrades från ${MATTER_STATUS_LABELS[before.status].toLowerCase()} till ${MATTER_STATUS_LABELS[to].toLowerCase()}`, {
      from: before.status,
      to,
      comment: comment ?? null,
    });
    await this.audit.record(ctx, { action: 'change_status', entityType: 'Matter', entityId: matter.id, before, after: saved });
    return saved;
  }

  /** Makulering: the registration was made in error. The number stays taken and the matter stays in the diarium, marked. */
  async cancel(ctx: RequestContext, id: string, dto: CancelMatterDto): Promise<Matter> {
    const matter = await this.get(ctx, id);
    if (!canChangeStatus(matter.status, 'cancelled')) {
      throw new ConflictError('CANCEL_NOT_ALLOWED', `Ärendet är ${MATTER_STATUS_LABELS[matter.status].toLowerCase()} och kan inte makuleras`);
    }
    const before = { ...matter };
    matter.status = 'cancelled';
    matter.cancellationReason = dto.reason;
    const saved = await this.matters(ctx).save(matter);
    await this.recordEvent(ctx, saved, 'cancelled', `Registreringen makulerades: ${dto.reason}`, { reason: dto.reason });
    await this.audit.record(ctx, { action: 'cancel', entityType: 'Matter', entityId: id, before, after: saved });
    return saved;
  }

  /** Refuses work on a matter that can no longer change (closed or cancelled). */
  assertOpen(matter: Matter): void {
    if (!isOpen(matter.status)) {
      throw new ConflictError('MATTER_NOT_OPEN', `Ärendet ${matter.caseNumber} är ${MATTER_STATUS_LABELS[matter.status].toLowerCase()}`);
    }
  }

  async events(ctx: RequestContext, id: string): Promise<MatterEvent[]> {
    const matter = await this.get(ctx, id);
    const events = await ctx.em.getRepository(MatterEvent).find({ where: { matterId: matter.id, municipalityId: ctx.municipalityId }, order: { occurredAt: 'ASC', id: 'ASC' } });
    const reading = (await this.readings.readings(ctx, [matter.id])).get(matter.id);
    return events.map((event) => matterEventAsRead(event, reading));
  }

  /** Adds a line to the matter's history; other contexts record "sent to an organ" and "decided in organ X § N" here. */
  async recordEvent(ctx: RequestContext, matter: Matter, kind: MatterEventKind, summary: string, data: Record<string, unknown> = {}): Promise<MatterEvent> {
    const repo = ctx.em.getRepository(MatterEvent);
    return repo.save(repo.create({ municipalityId: matter.municipalityId, matterId: matter.id, kind, summary, data, actorUserId: ctx.actorUserId }));
  }

  /** Allocates the matter's next document sequence, gap-free like the case number. */
  async nextDocumentSequence(ctx: RequestContext, matterId: string): Promise<number> {
    const [rows] = await ctx.em.query(
      'UPDATE matters SET last_document_sequence = last_document_sequence + 1 WHERE id = $1 AND municipality_id = $2 RETURNING last_document_sequence',
      [matterId, ctx.municipalityId],
    );
    return (rows as { last_document_sequence: number }[])[0].last_document_sequence;
  }

  async accessOf(ctx: RequestContext): Promise<SecrecyAccess> {
    return this.secrecy.of(ctx);
  }

  private async assertVisible(ctx: RequestContext, matter: Matter): Promise<void> {
    if (!canSeeMatter(await this.secrecy.of(ctx), matter)) {
      throw new NotFoundError('Ärendet');
    }
  }

  private restrictToVisible(qb: ReturnType<TenantRepository<Matter>['query']>, access: SecrecyAccess): void {
    if (access.all) return;
    const entitled = this.entitled(access);
    qb.andWhere(`(m.secret = false OR ${entitled.sql})`, entitled.parameters);
  }

  /** hasSecrecyAccess in SQL for matter `m`, with its parameters. */
  private entitled(access: SecrecyAccess): { sql: string; parameters: Record<string, string[]> } {
    if (access.all) return { sql: 'true', parameters: {} };
    return {
      sql: '(m.organ_id = ANY(CAST(:accessOrgans AS uuid[])) OR m.department_id = ANY(CAST(:accessDepartments AS uuid[])))',
      parameters: { accessOrgans: access.organIds, accessDepartments: access.departmentIds },
    };
  }

  private assertSuffix(registry: Registry, suffix: string | null): void {
    if (suffix === null) return;
    if (registry.suffixFormat === null) {
      throw new InvalidInputError('SUFFIX_NOT_USED', `Diariet ${registry.code} använder inga klassificeringssuffix`, [{ field: 'suffix', messages: ['this registry takes no suffix'] }]);
    }
    if (!suffixFitsFormat(suffix, registry.suffixFormat)) {
      throw new InvalidInputError('SUFFIX_MALFORMED', `Suffixet "${suffix}" följer inte diariets format`, [{ field: 'suffix', messages: [`suffix must match ${registry.suffixFormat}`] }]);
    }
  }

  private assertSecrecy(secret: boolean, provision: string | null): void {
    if (secret && !provision) {
      throw new InvalidInputError('SECRECY_PROVISION_MISSING', 'Ange vilken bestämmelse i offentlighets- och sekretesslagen sekretessen grundar sig på', [
        { field: 'secrecyProvision', messages: ['secrecyProvision is required when secret'] },
      ]);
    }
  }

  private async assertReferences(ctx: RequestContext, refs: { departmentId: string | null; caseOfficerId: string | null }): Promise<void> {
    if (refs.departmentId) await requireReference(this.departments.get(ctx, refs.departmentId), 'departmentId', 'Förvaltningen finns inte');
    if (refs.caseOfficerId) await requireReference(this.persons.get(ctx, refs.caseOfficerId), 'caseOfficerId', 'Handläggaren finns inte');
  }
}
