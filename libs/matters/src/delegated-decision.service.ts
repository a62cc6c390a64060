import { Injectable } from '@nestjs/common';
import { AuditService, Clock, ConflictError, InvalidInputError, NotFoundError, Page, RequestContext, swedishDate, TenantRepository } from '@namndrum/core';
import { MembershipService, OrganService, PersonService } from '@namndrum/organisation';
import { In, IsNull } from 'typeorm';
import { delegatedDecisionStatus, DelegatedDecisionStatus, ReportCutoff, ReportLine, reportLines } from './domain/delegated-decisions';
import { canSeeMatter } from './domain/secrecy-access';
import { DelegatedDecisionQueryDto, RegisterDelegatedDecisionDto, UpdateDelegatedDecisionDto } from './dto/delegated-decision.dto';
import { DelegatedDecision } from './entities/delegated-decision.entity';
import { Matter } from './entities/matter.entity';
import { requireReference } from './reference';
import { SecrecyAccessService } from './secrecy-access.service';

export type DelegatedDecisionView = DelegatedDecision & { status: DelegatedDecisionStatus };

/** Who reads a report: a signed-in reader (secret matters by their access) or everyone a notice or minutes reach (never a secret matter's decision). */
export type ReportAudience = 'reader' | 'public';

/**
 * The register of decisions taken on an organ's behalf (delegationsbeslut and the chair's urgent
 * decisions) and what the standard item "Anmälan av delegationsbeslut" reports of them. A decision in a
 * secret matter follows the matter: readers without access to it do not see it at all in the register,
 * and see only its number, date, point and delegate in a report.
 */
@Injectable()
export class DelegatedDecisionService {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly organs: OrganService,
    private readonly persons: PersonService,
    private readonly memberships: MembershipService,
    private readonly secrecy: SecrecyAccessService,
  ) {}

  private decisions(ctx: RequestContext): TenantRepository<DelegatedDecision> {
    return new TenantRepository(ctx, DelegatedDecision, 'Delegationsbeslutet');
  }

  async register(ctx: RequestContext, dto: RegisterDelegatedDecisionDto): Promise<DelegatedDecisionView> {
    await requireReference(this.organs.get(ctx, dto.organId), 'organId', 'Organet finns inte');
    const decision = this.decisions(ctx).create({
      organId: dto.organId,
      kind: dto.kind,
      decisionText: dto.decisionText,
      delegationPoint: dto.delegationPoint ?? null,
      decidedOn: dto.decidedOn,
      delegatePersonId: null,
      delegateName: '',
      delegateTitle: null,
      matterId: null,
      caseNumber: null,
      reportedAtMeetingId: null,
      reportedInParagraphId: null,
      reportedInParagraph: null,
      reportedAt: null,
      registeredAt: this.clock.now(),
      registeredByUserId: ctx.actorUserId,
    });
    await this.apply(ctx, decision, dto);
    const saved = await this.decisions(ctx).save(decision);
    await this.audit.record(ctx, { action: 'register', entityType: 'DelegatedDecision', entityId: saved.id, after: saved });
    return this.view(saved);
  }

  async list(ctx: RequestContext, query: DelegatedDecisionQueryDto): Promise<Page<DelegatedDecisionView>> {
    if (query.from && query.to && query.from > query.to) {
      throw new InvalidInputError('DATE_SPAN_REVERSED', 'Från-datumet ligger efter till-datumet', [{ field: 'to', messages: ['to must not be before from'] }]);
    }
    const qb = this.decisions(ctx).query('d').leftJoin(Matter, 'm', 'm.id = d.matter_id');
    if (query.organId) qb.andWhere('d.organ_id = :organId', { organId: query.organId });
    if (query.from) qb.andWhere('d.decided_on >= :from', { from: query.from });
    if (query.to) qb.andWhere('d.decided_on <= :to', { to: query.to });
    if (query.kind) qb.andWhere('d.kind = :kind', { kind: query.kind });
    if (query.meetingId) qb.andWhere('d.reported_at_meeting_id = :meetingId', { meetingId: query.meetingId });
    if (query.status === 'registered') qb.andWhere('d.reported_in_paragraph_id IS NULL');
    if (query.status === 'in_minutes') qb.andWhere('d.reported_in_paragraph_id IS NOT NULL AND d.reported_at IS NULL');
    if (query.status === 'reported') qb.andWhere('d.reported_at IS NOT NULL');
    const access = await this.secrecy.of(ctx);
    if (!access.all) {
      qb.andWhere('(m.id IS NULL OR m.secret = false OR m.organ_id = ANY(CAST(:accessOrgans AS uuid[])) OR m.department_id = ANY(CAST(:accessDepartments AS uuid[])))', {
        accessOrgans: access.organIds,
        accessDepartments: access.departmentIds,
      });
    }
    qb.orderBy('d.decided_on', 'DESC').addOrderBy('d.created_at', 'DESC');
    const page = await this.decisions(ctx).paginate(qb, query);
    return { ...page, items: page.items.map((decision) => this.view(decision)) };
  }

  async get(ctx: RequestContext, id: string): Promise<DelegatedDecisionView> {
    return this.view(await this.visible(ctx, id));
  }

  async update(ctx: RequestContext, id: string, dto: UpdateDelegatedDecisionDto): Promise<DelegatedDecisionView> {
    const decision = await this.visible(ctx, id, true);
    this.assertEditable(decision, 'ändras');
    const before = { ...decision };
    if (dto.kind !== undefined) decision.kind = dto.kind;
    if (dto.decisionText !== undefined) decision.decisionText = dto.decisionText;
    if (dto.delegationPoint !== undefined) decision.delegationPoint = dto.delegationPoint;
    if (dto.decidedOn !== undefined) decision.decidedOn = dto.decidedOn;
    await this.apply(ctx, decision, dto);
    const saved = await this.decisions(ctx).save(decision);
    await this.audit.record(ctx, { action: 'update', entityType: 'DelegatedDecision', entityId: id, before, after: saved });
    return this.view(saved);
  }

  /** A decision registered in error is withdrawn: gone from the register, kept in the audit log. */
  async withdraw(ctx: RequestContext, id: string): Promise<void> {
    const decision = await this.visible(ctx, id, true);
    this.assertEditable(decision, 'tas bort');
    await this.decisions(ctx).repository.delete({ id: decision.id, municipalityId: ctx.municipalityId });
    await this.audit.record(ctx, { action: 'withdraw', entityType: 'DelegatedDecision', entityId: id, before: decision });
  }

  /**
   * The decisions a meeting of the organ reports: those the meeting's minutes took up, or, before
   * that, every decision not yet taken up by any minutes within the cutoff (see reportCutoff).
   */
  async reportFor(ctx: RequestContext, organId: string, meetingId: string, cutoff: ReportCutoff, audience: ReportAudience): Promise<ReportLine[]> {
    const rows = await this.decisions(ctx)
      .query('d')
      .andWhere('d.organ_id = :organId', { organId })
      .andWhere(
        '(d.reported_at_meeting_id = :meetingId OR (d.reported_in_paragraph_id IS NULL AND d.decided_on <= :decidedOnOrBefore AND d.registered_at <= :registeredAtOrBefore))',
        { meetingId, decidedOnOrBefore: cutoff.decidedOnOrBefore, registeredAtOrBefore: cutoff.registeredAtOrBefore },
      )
      .getMany();
    const secretMatters = await this.secretMatters(ctx, rows);
    const access = audience === 'reader' ? await this.secrecy.of(ctx) : null;
    return reportLines(rows, (decision) => {
      const matter = secretMatters.get(decision.id);
      return matter === undefined || (access !== null && canSeeMatter(access, matter));
    });
  }

  /** The minutes of the meeting take the decisions up in their paragraph: from now on they are fixed. */
  async takeUpInMinutes(ctx: RequestContext, decisionIds: string[], meetingId: string, paragraph: { id: string; label: string }): Promise<void> {
    if (decisionIds.length === 0) return;
    const taken = { reportedAtMeetingId: meetingId, reportedInParagraphId: paragraph.id, reportedInParagraph: paragraph.label };
    await this.decisions(ctx).repository.update({ id: In(decisionIds), municipalityId: ctx.municipalityId, reportedInParagraphId: IsNull() }, taken);
    for (const id of decisionIds) await this.audit.record(ctx, { action: 'take_up_in_minutes', entityType: 'DelegatedDecision', entityId: id, after: taken });
  }

  /** The minutes (or the paragraph, verified at the meeting) are verified: the decisions they list are reported. */
  async markReported(ctx: RequestContext, paragraphIds: string[], at: Date): Promise<void> {
    if (paragraphIds.length === 0) return;
    const reported = await this.decisions(ctx).find({ reportedInParagraphId: In(paragraphIds), reportedAt: IsNull() });
    if (reported.length === 0) return;
    await this.decisions(ctx).repository.update({ id: In(reported.map((decision) => decision.id)), municipalityId: ctx.municipalityId }, { reportedAt: at });
    for (const decision of reported) {
      await this.audit.record(ctx, { action: 'report', entityType: 'DelegatedDecision', entityId: decision.id, after: { reportedAtMeetingId: decision.reportedAtMeetingId, reportedInParagraph: decision.reportedInParagraph, reportedAt: at } });
    }
  }

  private view(decision: DelegatedDecision): DelegatedDecisionView {
    return Object.assign(decision, { status: delegatedDecisionStatus(decision) });
  }

  /** The decision, if the reader may see it: one in a secret matter is missing to those without access to the matter. */
  private async visible(ctx: RequestContext, id: string, forUpdate = false): Promise<DelegatedDecision> {
    const repo = this.decisions(ctx);
    const decision = forUpdate
      ? ((await repo.repository.findOne({ where: { id, municipalityId: ctx.municipalityId }, lock: { mode: 'pessimistic_write' } })) ?? (await repo.get(id)))
      : await repo.get(id);
    const matter = (await this.secretMatters(ctx, [decision])).get(decision.id);
    if (matter && !canSeeMatter(await this.secrecy.of(ctx), matter)) throw new NotFoundError('Delegationsbeslutet');
    return decision;
  }

  private async secretMatters(ctx: RequestContext, decisions: DelegatedDecision[]): Promise<Map<string, Pick<Matter, 'secret' | 'organId' | 'departmentId'>>> {
    const matterIds = [...new Set(decisions.map((decision) => decision.matterId).filter((id): id is string => id !== null))];
    if (matterIds.length === 0) return new Map();
    const matters = await new TenantRepository(ctx, Matter, 'Ärendet').find({ id: In(matterIds), secret: true });
    const byId = new Map(matters.map((matter) => [matter.id, matter]));
    return new Map(decisions.filter((decision) => decision.matterId !== null && byId.has(decision.matterId)).map((decision) => [decision.id, byId.get(decision.matterId!)!]));
  }

  private assertEditable(decision: DelegatedDecision, verb: string): void {
    const status = delegatedDecisionStatus(decision);
    if (status === 'registered') return;
    const where = `sammanträdets protokoll ${decision.reportedInParagraph ?? ''}`.trim();
    throw new ConflictError(
      status === 'reported' ? 'DELEGATED_DECISION_REPORTED' : 'DELEGATED_DECISION_IN_MINUTES',
      status === 'reported'
        ? `Beslutet är anmält (${where}) och kan inte ${verb}`
        : `Beslutet är upptaget i ${where} för anmälan och kan inte ${verb}`,
    );
  }

  /** KL 6 kap. 39 §: the chair, or another member the nämnd has chosen, decides an urgent matter; a member of the organ on that day. */
  private async assertMemberDecided(ctx: RequestContext, decision: DelegatedDecision): Promise<void> {
    const organ = await this.organs.get(ctx, decision.organId);
    if (decision.delegatePersonId === null) {
      throw new InvalidInputError('URGENT_DECISION_BY_MEMBER', `Ett brådskande beslut fattas av ordföranden eller en annan ledamot i ${organ.name}; ange ledamoten ur registret`, [
        { field: 'delegatePersonId', messages: ['an urgent chair decision is taken by a member of the organ, given as delegatePersonId'] },
      ]);
    }
    const composition = await this.memberships.composition(ctx, decision.organId, decision.decidedOn);
    if (!composition.members.some((seat) => seat.person.id === decision.delegatePersonId)) {
      throw new InvalidInputError('URGENT_DECISION_BY_MEMBER', `${decision.delegateName} var inte ledamot i ${organ.name} den ${decision.decidedOn}`, [
        { field: 'delegatePersonId', messages: ['not a member of the organ on decidedOn'] },
      ]);
    }
  }

  /** The checks and references both registration and update need: point, date, delegate and matter. */
  private async apply(ctx: RequestContext, decision: DelegatedDecision, dto: Partial<RegisterDelegatedDecisionDto>): Promise<void> {
    if (decision.kind === 'delegated' && !decision.delegationPoint) {
      throw new InvalidInputError('DELEGATION_POINT_MISSING', 'Ange punkten i delegationsordningen som beslutet fattades med stöd av', [
        { field: 'delegationPoint', messages: ['delegationPoint is required for delegated decisions'] },
      ]);
    }
    if (decision.decidedOn > swedishDate(this.clock.now())) {
      throw new InvalidInputError('DECIDED_IN_FUTURE', 'Beslutsdatumet kan inte ligga i framtiden', [{ field: 'decidedOn', messages: ['decidedOn must not be in the future'] }]);
    }
    if (dto.delegatePersonId !== undefined || dto.delegateName !== undefined) {
      const personId = dto.delegatePersonId ?? null;
      const name = dto.delegateName ?? null;
      if ((personId === null) === (name === null)) {
        throw new InvalidInputError('DELEGATE_AMBIGUOUS', 'Ange delegaten antingen som en person i registret eller med namn, inte båda eller ingen', [
          { field: 'delegatePersonId', messages: ['give exactly one of delegatePersonId and delegateName'] },
        ]);
      }
      if (personId !== null) {
        const person = await requireReference(this.persons.get(ctx, personId), 'delegatePersonId', 'Personen finns inte i registret');
        decision.delegatePersonId = person.id;
        decision.delegateName = `${person.firstName} ${person.lastName}`;
        decision.delegateTitle = dto.delegateTitle !== undefined ? dto.delegateTitle : (person.title ?? null);
      } else {
        decision.delegatePersonId = null;
        decision.delegateName = name!;
        decision.delegateTitle = dto.delegateTitle ?? null;
      }
    } else if (dto.delegateTitle !== undefined) {
      decision.delegateTitle = dto.delegateTitle;
    }
    if (!decision.delegateName) {
      throw new InvalidInputError('DELEGATE_MISSING', 'Ange vem som fattade beslutet', [{ field: 'delegatePersonId', messages: ['give delegatePersonId or delegateName'] }]);
    }
    if (decision.kind === 'urgent_chair') await this.assertMemberDecided(ctx, decision);
    if (dto.matterId !== undefined) {
      if (dto.matterId === null) {
        decision.matterId = null;
        decision.caseNumber = null;
      } else {
        const matter = await requireReference(new TenantRepository(ctx, Matter, 'Ärendet').get(dto.matterId), 'matterId', 'Ärendet finns inte');
        if (!canSeeMatter(await this.secrecy.of(ctx), matter)) {
          throw new InvalidInputError('UNKNOWN_REFERENCE', 'Ärendet finns inte', [{ field: 'matterId', messages: ['matterId does not exist'] }]);
        }
        decision.matterId = matter.id;
        decision.caseNumber = matter.caseNumber;
      }
    }
  }
}
