import { Injectable } from '@nestjs/common';
import {
  AuditService,
  ConflictError,
  InvalidInputError,
  NotFoundError,
  Page,
  Permission,
  RequestContext,
  swedishDate,
  TenantRepository,
} from '@namndrum/core';
import { rangeIncludesDate } from './domain/date-range';
import { checkPersonalSubstitutes, checkSeatConflicts, checkSeatInParent, checkSeatShape, checkWithinTerm, RuleViolation, SeatCandidate, seatRange } from './domain/membership-rules';
import { CreateMembershipDto, MembershipQueryDto, OrganCompositionDto, SeatDto, SeatHolderDto, UpdateMembershipDto } from './dto/membership.dto';
import { Membership } from './entities/membership.entity';
import { Organ } from './entities/organ.entity';
import { Person } from './entities/person.entity';
import { Term } from './entities/term.entity';

const POSITION_RANK = { chair: 0, first_vice_chair: 1, second_vice_chair: 2, none: 3 } as const;

@Injectable()
export class MembershipService {
  constructor(private readonly audit: AuditService) {}

  private memberships(ctx: RequestContext): TenantRepository<Membership> {
    return new TenantRepository(ctx, Membership, 'Uppdraget');
  }

  list(ctx: RequestContext, query: MembershipQueryDto): Promise<Page<Membership>> {
    const qb = this.memberships(ctx).query('m').orderBy('m.valid_from', 'DESC').addOrderBy('m.id');
    if (query.organId) qb.andWhere('m.organ_id = :organId', { organId: query.organId });
    if (query.personId) qb.andWhere('m.person_id = :personId', { personId: query.personId });
    if (query.termId) qb.andWhere('m.term_id = :termId', { termId: query.termId });
    if (query.role) qb.andWhere('m.role = :role', { role: query.role });
    if (query.activeOn) qb.andWhere(':activeOn BETWEEN m.valid_from AND m.valid_to', { activeOn: query.activeOn });
    return this.memberships(ctx).paginate(qb, query);
  }

  get(ctx: RequestContext, id: string): Promise<Membership> {
    return this.memberships(ctx).get(id);
  }

  async create(ctx: RequestContext, dto: CreateMembershipDto): Promise<Membership> {
    const organ = await new TenantRepository(ctx, Organ, 'Organet').get(dto.organId);
    ctx.requireOrganPermission(Permission.OrganManage, organ.id);
    const person = await new TenantRepository(ctx, Person, 'Personen').get(dto.personId);
    const term = await new TenantRepository(ctx, Term, 'Mandatperioden').get(dto.termId);
    const repo = this.memberships(ctx);
    const membership = repo.create({
      personId: person.id,
      organId: organ.id,
      termId: term.id,
      role: dto.role,
      position: dto.position ?? 'none',
      party: dto.party === undefined ? person.party : dto.party,
      substituteOrder: dto.substituteOrder ?? null,
      personalSubstituteMembershipIds: dto.personalSubstituteMembershipIds ?? [],
      validFrom: dto.validFrom ?? term.startDate,
      validTo: dto.validTo ?? term.endDate,
    });
    await this.assertRules(ctx, membership, organ, term);
    const saved = await repo.save(membership);
    await this.audit.record(ctx, { action: 'create', entityType: 'Membership', entityId: saved.id, after: saved });
    return saved;
  }

  async update(ctx: RequestContext, id: string, dto: UpdateMembershipDto): Promise<Membership> {
    const repo = this.memberships(ctx);
    const membership = await repo.get(id);
    ctx.requireOrganPermission(Permission.OrganManage, membership.organId);
    const before = { ...membership };
    Object.assign(membership, dto);
    if (dto.role === 'member' && dto.substituteOrder === undefined) membership.substituteOrder = null;
    if (dto.role === 'substitute' && dto.position === undefined) membership.position = 'none';
    if (dto.role === 'substitute' && dto.personalSubstituteMembershipIds === undefined) membership.personalSubstituteMembershipIds = [];
    const organ = await new TenantRepository(ctx, Organ, 'Organet').get(membership.organId);
    const term = await new TenantRepository(ctx, Term, 'Mandatperioden').get(membership.termId);
    await this.assertRules(ctx, membership, organ, term);
    await this.assertSubcommitteeSeatsStillCovered(ctx, membership);
    await this.assertStillPersonalSubstitute(ctx, membership);
    const saved = await repo.save(membership);
    await this.audit.record(ctx, { action: 'update', entityType: 'Membership', entityId: id, before, after: saved });
    return saved;
  }

  /** Who sits in the organ on the date: members by position then name, substitutes in call-in order. */
  async composition(ctx: RequestContext, organId: string, date = swedishDate()): Promise<OrganCompositionDto> {
    const organ = await new TenantRepository(ctx, Organ, 'Organet').get(organId);
    const seats = await this.memberships(ctx)
      .query('m')
      .innerJoinAndSelect('m.person', 'person')
      .andWhere('m.organ_id = :organId AND :date BETWEEN m.valid_from AND m.valid_to', { organId, date })
      .getMany();
    const byName = (a: Membership, b: Membership) =>
      a.person!.lastName.localeCompare(b.person!.lastName, 'sv') || a.person!.firstName.localeCompare(b.person!.firstName, 'sv');
    const members = seats.filter((seat) => seat.role === 'member').sort((a, b) => POSITION_RANK[a.position] - POSITION_RANK[b.position] || byName(a, b));
    const substitutes = seats
      .filter((seat) => seat.role === 'substitute')
      .sort((a, b) => (a.substituteOrder ?? Number.MAX_SAFE_INTEGER) - (b.substituteOrder ?? Number.MAX_SAFE_INTEGER) || byName(a, b));
    const personalFor = (seat: Membership) => members.filter((member) => member.personalSubstituteMembershipIds.includes(seat.id)).map((member) => member.id);
    return {
      organId: organ.id,
      organName: organ.name,
      date,
      members: members.map((seat) => toSeatHolder(seat, [])),
      substitutes: substitutes.map((seat) => toSeatHolder(seat, personalFor(seat))),
    };
  }

  /** All seats a person holds or has held, newest first, each marked whether it is held on the date. */
  async seatsOf(ctx: RequestContext, personId: string, date = swedishDate()): Promise<SeatDto[]> {
    await new TenantRepository(ctx, Person, 'Personen').get(personId);
    const seats = await this.memberships(ctx)
      .query('m')
      .innerJoinAndSelect('m.organ', 'organ')
      .andWhere('m.person_id = :personId', { personId })
      .orderBy('m.valid_from', 'DESC')
      .addOrderBy('organ.name')
      .getMany();
    const substituteSeatIds = seats.filter((seat) => seat.role === 'substitute').map((seat) => seat.id);
    const linkingMembers = substituteSeatIds.length
      ? await this.memberships(ctx).query('m').andWhere("m.role = 'member' AND m.personal_substitute_membership_ids && CAST(:ids AS uuid[])", { ids: substituteSeatIds }).getMany()
      : [];
    const personalFor = (seat: Membership) => linkingMembers.filter((member) => member.personalSubstituteMembershipIds.includes(seat.id)).map((member) => member.id);
    return seats.map((seat) => ({
      membershipId: seat.id,
      organId: seat.organId,
      organName: seat.organ!.name,
      organShortName: seat.organ!.shortName,
      termId: seat.termId,
      role: seat.role,
      position: seat.position,
      party: seat.party,
      substituteOrder: seat.substituteOrder,
      personalSubstituteMembershipIds: seat.personalSubstituteMembershipIds,
      personalSubstituteFor: personalFor(seat),
      validFrom: seat.validFrom,
      validTo: seat.validTo,
      current: rangeIncludesDate(seatRange(seat), date),
    }));
  }

  /** Shortening a seat in a nämnd may not leave the person's utskott seats without the nämnd seat they rest on. */
  private async assertSubcommitteeSeatsStillCovered(ctx: RequestContext, changed: Membership): Promise<void> {
    const children = await new TenantRepository(ctx, Organ, 'Organet').find({ parentOrganId: changed.organId });
    const bound = children.filter((child) => child.rules.membersFromParentOrgan);
    if (bound.length === 0) return;
    const parentSeats = (await this.memberships(ctx).find({ organId: changed.organId, personId: changed.personId }))
      .map((seat) => (seat.id === changed.id ? changed : seat))
      .map(seatRange);
    for (const child of bound) {
      for (const childSeat of await this.memberships(ctx).find({ organId: child.id, personId: changed.personId })) {
        if (checkSeatInParent(childSeat, parentSeats).length > 0) {
          throw new ConflictError('SUBCOMMITTEE_SEAT_DEPENDS', `Personen har ett uppdrag i ${child.name} som förutsätter uppdraget. Ändra det uppdraget först.`, [
            { field: 'validTo', messages: [`seat ${childSeat.id} in ${child.shortName} would lose its parent seat`] },
          ]);
        }
      }
    }
  }

  /** The seats a member names as personal substitutes, each of which must exist in the municipality. */
  private async linkedSeats(ctx: RequestContext, ids: string[]): Promise<Membership[]> {
    if (ids.length === 0) return [];
    const found = await this.memberships(ctx).query('m').andWhere('m.id IN (:...ids)', { ids }).getMany();
    if (found.length < ids.length) {
      throw new NotFoundError('Den personliga ersättarens uppdrag', [{ field: 'personalSubstituteMembershipIds', messages: ['unknown membership'] }]);
    }
    return found;
  }

  /** A seat that is some member's personal substitute stays a substitute seat of the member's time. */
  private async assertStillPersonalSubstitute(ctx: RequestContext, changed: Membership): Promise<void> {
    const members = await this.memberships(ctx).query('m').andWhere(':id = ANY(m.personal_substitute_membership_ids)', { id: changed.id }).getMany();
    for (const member of members) {
      const [violation] = checkPersonalSubstitutes(member, [changed]);
      if (violation) {
        throw new ConflictError('PERSONAL_SUBSTITUTE_IN_USE', `Uppdraget är personlig ersättare för en ledamot. ${violation.message}.`, [
          { field: violation.code === 'PERSONAL_SUBSTITUTE_NOT_SUBSTITUTE' ? 'role' : 'validFrom', messages: [`personal substitute of membership ${member.id}`] },
        ]);
      }
    }
  }

  private async assertRules(ctx: RequestContext, membership: Membership, organ: Organ, term: Term): Promise<void> {
    const candidate: SeatCandidate = membership;
    const shape = [...checkSeatShape(candidate), ...checkWithinTerm(candidate, { from: term.startDate, to: term.endDate })];
    throwFirst(shape);
    const others = await this.memberships(ctx).find({ organId: organ.id });
    throwFirst(checkSeatConflicts(candidate, others));
    throwFirst(checkPersonalSubstitutes(candidate, await this.linkedSeats(ctx, membership.personalSubstituteMembershipIds)));
    if (organ.rules.membersFromParentOrgan && organ.parentOrganId) {
      const parentSeats = await this.memberships(ctx).find({ organId: organ.parentOrganId, personId: membership.personId });
      throwFirst(checkSeatInParent(candidate, parentSeats.map(seatRange)));
    }
  }
}

function throwFirst(violations: RuleViolation[]): void {
  const [first] = violations;
  if (!first) return;
  const details = violations.map((violation) => ({ field: violation.field, messages: [violation.message] }));
  throw first.conflict ? new ConflictError(first.code, first.message, details) : new InvalidInputError(first.code, first.message, details);
}

function toSeatHolder(seat: Membership, personalSubstituteFor: string[]): SeatHolderDto {
  return {
    membershipId: seat.id,
    person: seat.person!,
    role: seat.role,
    position: seat.position,
    party: seat.party,
    substituteOrder: seat.substituteOrder,
    personalSubstituteMembershipIds: seat.personalSubstituteMembershipIds,
    personalSubstituteFor,
    validFrom: seat.validFrom,
    validTo: seat.validTo,
  };
}

