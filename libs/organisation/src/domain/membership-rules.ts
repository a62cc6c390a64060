import { MembershipRole, Position } from '../entities/membership.entity';
import { DateRange, rangeContains, rangesOverlap, uncoveredParts } from './date-range';

export interface SeatCandidate {
  id?: string;
  personId: string;
  organId: string;
  role: MembershipRole;
  position: Position;
  substituteOrder: number | null;
  validFrom: string;
  validTo: string;
}

export interface ExistingSeat extends SeatCandidate {
  id: string;
}

export interface RuleViolation {
  code: string;
  field: string;
  /** Swedish, shown to the secretary as it is. */
  message: string;
  /** Conflicts are 409 (another seat is in the way); everything else is invalid input (400). */
  conflict: boolean;
}

const POSITION_NAMES: Record<Exclude<Position, 'none'>, string> = {
  chair: 'ordförande',
  first_vice_chair: 'vice ordförande',
  second_vice_chair: 'andre vice ordförande',
};

export function seatRange(seat: Pick<SeatCandidate, 'validFrom' | 'validTo'>): DateRange {
  return { from: seat.validFrom, to: seat.validTo };
}

/** A seat's own consistency: ordered dates, positions held by members, order numbers for substitutes. */
export function checkSeatShape(seat: SeatCandidate): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (seat.validFrom > seat.validTo) {
    violations.push({ code: 'DATES_REVERSED', field: 'validTo', message: 'Uppdraget kan inte sluta innan det börjar', conflict: false });
  }
  if (seat.position !== 'none' && seat.role !== 'member') {
    violations.push({ code: 'POSITION_NEEDS_MEMBER', field: 'position', message: 'Bara en ledamot kan vara ordförande eller vice ordförande', conflict: false });
  }
  if (seat.substituteOrder !== null && seat.role !== 'substitute') {
    violations.push({ code: 'ORDER_NEEDS_SUBSTITUTE', field: 'substituteOrder', message: 'Inkallelseordning anges bara för ersättare', conflict: false });
  }
  return violations;
}

/** A membership's dates lie inside its term. */
export function checkWithinTerm(seat: SeatCandidate, term: DateRange): RuleViolation[] {
  return rangeContains(term, seatRange(seat))
    ? []
    : [{ code: 'OUTSIDE_TERM', field: 'validFrom', message: `Uppdraget måste ligga inom mandatperioden ${term.from}–${term.to ?? ''}`, conflict: false }];
}

/** No person holds two seats in the same organ at once; one chair (and one of each vice chair) at a time. */
export function checkSeatConflicts(seat: SeatCandidate, othersInOrgan: ExistingSeat[]): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const overlapping = othersInOrgan.filter((other) => other.id !== seat.id && other.organId === seat.organId && rangesOverlap(seatRange(other), seatRange(seat)));
  if (overlapping.some((other) => other.personId === seat.personId)) {
    violations.push({ code: 'SEAT_OVERLAP', field: 'personId', message: 'Personen har redan ett uppdrag i organet under den perioden', conflict: true });
  }
  if (seat.position !== 'none' && overlapping.some((other) => other.position === seat.position)) {
    violations.push({
      code: 'POSITION_TAKEN',
      field: 'position',
      message: `Organet har redan en ${POSITION_NAMES[seat.position]} under den perioden`,
      conflict: true,
    });
  }
  return violations;
}

/** Where the rules say so, an utskott's members come from its parent organ for the whole period. */
export function checkSeatInParent(seat: SeatCandidate, parentSeatsOfPerson: DateRange[]): RuleViolation[] {
  return uncoveredParts(seatRange(seat), parentSeatsOfPerson).length === 0
    ? []
    : [{ code: 'NOT_IN_PARENT_ORGAN', field: 'personId', message: 'Personen måste ha ett uppdrag i det överordnade organet under hela perioden', conflict: false }];
}

/**
 * A member's personal substitutes (personliga ersättare) are substitute seats of the same organ that
 * overlap the member's seat in time. `linked` holds the seats the member names, by id.
 */
export function checkPersonalSubstitutes(seat: SeatCandidate, linked: ExistingSeat[]): RuleViolation[] {
  const field = 'personalSubstituteMembershipIds';
  if (linked.length === 0) return [];
  if (seat.role !== 'member') {
    return [{ code: 'PERSONAL_SUBSTITUTES_NEED_MEMBER', field, message: 'Bara en ledamot har personliga ersättare', conflict: false }];
  }
  const violations: RuleViolation[] = [];
  if (linked.some((other) => other.organId !== seat.organId)) {
    violations.push({ code: 'PERSONAL_SUBSTITUTE_OTHER_ORGAN', field, message: 'En personlig ersättare måste ha ett uppdrag i samma organ', conflict: false });
  }
  if (linked.some((other) => other.role !== 'substitute')) {
    violations.push({ code: 'PERSONAL_SUBSTITUTE_NOT_SUBSTITUTE', field, message: 'En personlig ersättare måste ha ett uppdrag som ersättare', conflict: false });
  }
  if (linked.some((other) => !rangesOverlap(seatRange(other), seatRange(seat)))) {
    violations.push({ code: 'PERSONAL_SUBSTITUTE_NO_OVERLAP', field, message: 'Den personliga ersättarens uppdrag måste gälla under samma tid som ledamotens', conflict: false });
  }
  return violations;
}
