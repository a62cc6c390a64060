/**
 * Who serves at each paragraph: the seat holders present, the substitutes serving in the seats of
 * those absent, less those disqualified (jäv), with the substitute a disqualification names in their
 * place. Quorum is more than half of the seats (KL 6 kap. 27 §); disqualified members do not count.
 */

export type SpanCapacity = 'member' | 'serving_substitute' | 'substitute' | 'official' | 'other';

export interface AttendanceSpan {
  personId: string | null;
  capacity: SpanCapacity;
  replacesPersonId: string | null;
  /** § numbers, both included; null = from the start / to the end. */
  fromParagraph: number | null;
  toParagraph: number | null;
}

export interface DisqualificationFact {
  personId: string;
  substitutePersonId: string | null;
}

export interface SeatOccupant {
  /** The member who holds the seat. */
  seatPersonId: string;
  /** Who serves in it at this paragraph: the member, or a substitute. */
  servingPersonId: string;
  substitute: boolean;
}

export interface ParagraphAttendance {
  number: number;
  seats: number;
  serving: SeatOccupant[];
  /** Seats nobody serves in (absent, or disqualified without a substitute). */
  vacant: string[];
  disqualified: string[];
  /** Everyone present at the paragraph, in any capacity. */
  present: Set<string>;
  quorum: boolean;
}

export function presentAt(span: Pick<AttendanceSpan, 'fromParagraph' | 'toParagraph'>, number: number): boolean {
  return (span.fromParagraph === null || span.fromParagraph <= number) && (span.toParagraph === null || number <= span.toParagraph);
}

/** More than half of the seats must be filled by someone who takes part. */
export function hasQuorum(serving: number, seats: number): boolean {
  return serving * 2 > seats;
}

export function attendanceAt(seatPersonIds: string[], spans: AttendanceSpan[], number: number, disqualifications: DisqualificationFact[] = []): ParagraphAttendance {
  const here = spans.filter((span) => span.personId !== null && presentAt(span, number));
  const present = new Set(here.map((span) => span.personId!));
  const disqualified = new Set(disqualifications.map((fact) => fact.personId));
  const standIns = new Map(disqualifications.filter((fact) => fact.substitutePersonId !== null).map((fact) => [fact.personId, fact.substitutePersonId!]));
  const serving: SeatOccupant[] = [];
  const vacant: string[] = [];
  for (const seat of seatPersonIds) {
    const member = here.find((span) => span.capacity === 'member' && span.personId === seat);
    const substitute = here.find((span) => span.capacity === 'serving_substitute' && span.replacesPersonId === seat);
    const occupant = member ? { servingPersonId: seat, substitute: false } : substitute ? { servingPersonId: substitute.personId!, substitute: true } : null;
    if (occupant && !disqualified.has(occupant.servingPersonId)) {
      serving.push({ seatPersonId: seat, ...occupant });
    } else if (occupant && standIns.has(occupant.servingPersonId)) {
      serving.push({ seatPersonId: seat, servingPersonId: standIns.get(occupant.servingPersonId)!, substitute: true });
    } else {
      vacant.push(seat);
    }
  }
  return { number, seats: seatPersonIds.length, serving, vacant, disqualified: [...disqualified], present, quorum: hasQuorum(serving.length, seatPersonIds.length) };
}

export interface AttendanceProblem {
  field: string;
  message: string;
}

/**
 * What is wrong with a list of spans for minutes numbered first..last: people in the wrong capacity,
 * spans outside the minutes, two people in one seat, one person in two places at once.
 */
export function attendanceProblems(
  spans: AttendanceSpan[],
  register: { members: Set<string>; substitutes: Set<string> },
  paragraphs: { first: number; last: number },
  names: (personId: string) => string,
): AttendanceProblem[] {
  const problems: AttendanceProblem[] = [];
  spans.forEach((span, index) => {
    const field = `attendees[${index}]`;
    const name = span.personId ? names(span.personId) : 'personen';
    if (span.fromParagraph !== null && span.toParagraph !== null && span.fromParagraph > span.toParagraph) {
      problems.push({ field: `${field}.toParagraph`, message: `${name}: närvaron slutar före den börjar (§ ${span.fromParagraph}–${span.toParagraph})` });
    }
    for (const [key, value] of [['fromParagraph', span.fromParagraph], ['toParagraph', span.toParagraph]] as const) {
      if (value !== null && (value < paragraphs.first || value > paragraphs.last)) {
        problems.push({ field: `${field}.${key}`, message: `${name}: § ${value} finns inte i protokollet (§ ${paragraphs.first}–${paragraphs.last})` });
      }
    }
    if (span.capacity === 'member' && !(span.personId && register.members.has(span.personId))) {
      problems.push({ field: `${field}.personId`, message: `${name} är inte ledamot i organet på sammanträdesdagen` });
    }
    if ((span.capacity === 'serving_substitute' || span.capacity === 'substitute') && !(span.personId && register.substitutes.has(span.personId))) {
      problems.push({ field: `${field}.personId`, message: `${name} är inte ersättare i organet på sammanträdesdagen` });
    }
    if (span.capacity === 'serving_substitute' && !(span.replacesPersonId && register.members.has(span.replacesPersonId))) {
      problems.push({ field: `${field}.replacesPersonId`, message: `${name}: en tjänstgörande ersättare måste ersätta en ledamot i organet` });
    }
    if (span.capacity !== 'serving_substitute' && span.replacesPersonId !== null) {
      problems.push({ field: `${field}.replacesPersonId`, message: `${name}: bara en tjänstgörande ersättare ersätter någon` });
    }
  });
  if (problems.length > 0) return problems;
  for (let number = paragraphs.first; number <= paragraphs.last; number++) {
    const here = spans.map((span, index) => ({ span, index })).filter(({ span }) => presentAt(span, number));
    const seen = new Map<string, number>();
    for (const { span, index } of here) {
      if (span.personId === null) continue;
      if (seen.has(span.personId)) {
        problems.push({ field: `attendees[${index}]`, message: `${names(span.personId)} är antecknad två gånger vid § ${number}` });
      }
      seen.set(span.personId, index);
    }
    const seats = new Map<string, number>();
    for (const { span, index } of here) {
      const seat = span.capacity === 'member' ? span.personId : span.capacity === 'serving_substitute' ? span.replacesPersonId : null;
      if (seat === null) continue;
      if (seats.has(seat)) {
        problems.push({ field: `attendees[${index}]`, message: `Två personer tjänstgör samtidigt på ${names(seat)}s plats vid § ${number}` });
      }
      seats.set(seat, index);
    }
    if (problems.length > 0) return problems;
  }
  return problems;
}

/** "ej § 5", "§§ 3–7", "§ 3" — how the minutes note a presence that does not cover every paragraph. */
export function spanNote(span: Pick<AttendanceSpan, 'fromParagraph' | 'toParagraph'>, paragraphs: { first: number; last: number }): string | null {
  const from = span.fromParagraph ?? paragraphs.first;
  const to = span.toParagraph ?? paragraphs.last;
  if (from <= paragraphs.first && to >= paragraphs.last) return null;
  return from === to ? `§ ${from}` : `§§ ${from}–${to}`;
}

/** "§§ 1–7", or "§ 4" for one paragraph. */
export function paragraphRange(numbers: number[]): string {
  if (numbers.length === 0) return '';
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  return first === last ? `§ ${first}` : `§§ ${first}–${last}`;
}
