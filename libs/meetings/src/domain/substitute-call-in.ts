/**
 * Inkallelseordning: which substitute (ersättare) is called in for which absent member (ledamot).
 * Fullmäktige decides the order (KL 6 kap.); the organ's setting says which kind of order applies.
 */
export type CallInPolicy = 'same_party_first' | 'personal_substitute_first' | 'listed_order';

export interface Seat {
  personId: string;
  /** The party the seat belongs to, which may differ from the person's current party. */
  party: string | null;
  /** The member's personal substitutes (personliga ersättare), by person, in the order they are called. */
  personalSubstitutes?: string[];
}

export interface SubstituteSeat extends Seat {
  /** The organ's inkallelseordning, 1 first; null when not set (called after those with a number). */
  substituteOrder: number | null;
  name: string;
}

export interface ReportedAbsence {
  personId: string;
  reportedAt: Date;
}

/** A call already made (and e-mailed) for this meeting. */
export interface ExistingCall {
  absentPersonId: string;
  substitutePersonId: string;
}

export interface PlannedCall {
  absentPersonId: string;
  substitutePersonId: string;
}

export interface SubstituteCallPlan {
  /** One call per covered absent member, in the order the absences were reported. */
  calls: PlannedCall[];
  /** Absent members no one can replace, in the order the absences were reported. */
  uncovered: string[];
}

export interface SubstituteCallInput {
  policy: CallInPolicy;
  members: Seat[];
  substitutes: SubstituteSeat[];
  absences: ReportedAbsence[];
  existingCalls: ExistingCall[];
}

function byListedOrder(a: SubstituteSeat, b: SubstituteSeat): number {
  const orderA = a.substituteOrder ?? Number.POSITIVE_INFINITY;
  const orderB = b.substituteOrder ?? Number.POSITIVE_INFINITY;
  if (orderA !== orderB) return orderA < orderB ? -1 : 1;
  // Substitutes without a number are called alphabetically, and person id makes the order total so
  // that the same input always gives the same calls (each change e-mails people).
  return a.name.localeCompare(b.name, 'sv') || compareIds(a.personId, b.personId);
}

// Plain code-unit order: ids are opaque, and locale rules must not decide who is called first.
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The order in which the substitutes would be asked to serve for `member`, before availability.
 * - listed_order: the organ's inkallelseordning.
 * - same_party_first: the substitutes of the member's party in that order, then the others in that order.
 * - personal_substitute_first: the member's personal substitutes in the member's order, then the rest
 *   as same_party_first, the fallback the reglemente names when a personal substitute cannot serve.
 */
export function substituteCallInOrder(policy: CallInPolicy, member: Seat, substitutes: SubstituteSeat[]): SubstituteSeat[] {
  const listed = [...substitutes].sort(byListedOrder);
  if (policy === 'listed_order') return listed;
  const personal =
    policy === 'personal_substitute_first'
      ? (member.personalSubstitutes ?? []).flatMap((personId) => listed.filter((substitute) => substitute.personId === personId))
      : [];
  const rest = listed.filter((substitute) => !personal.includes(substitute));
  if (member.party === null) return [...personal, ...rest];
  const sameParty = rest.filter((substitute) => substitute.party === member.party);
  const others = rest.filter((substitute) => substitute.party !== member.party);
  return [...personal, ...sameParty, ...others];
}

/**
 * Who is called in for whom. Absent members are served in the order their absences were reported
 * (ties by person id), each by the first available substitute in the call-in order. A substitute who
 * has reported an absence is never called, and a substitute serves for at most one member.
 *
 * Calls already made are kept whenever they still hold (the member is still absent, the substitute is
 * still a substitute, not absent and not already serving for someone else), even when the order would
 * now choose someone else, e.g. after an earlier absence was withdrawn or a same-party substitute
 * became free again: every change sends e-mails and people plan their day around a call. Kept calls
 * are settled first, so a member needing a new substitute never takes one away from another member.
 * A call whose substitute has become absent passes to the next available substitute. Under
 * personal_substitute_first the personal substitutes are settled next, so that a member reported absent
 * earlier never takes another member's personal substitute as a fallback.
 */
export function planSubstituteCalls(input: SubstituteCallInput): SubstituteCallPlan {
  const { policy, members, substitutes, absences, existingCalls } = input;

  const reportedAt = new Map<string, number>();
  for (const absence of absences) {
    const at = absence.reportedAt.getTime();
    const earlier = reportedAt.get(absence.personId);
    // The first report counts: reporting again (say, to add a comment) must not move one back in line.
    if (earlier === undefined || at < earlier) reportedAt.set(absence.personId, at);
  }

  const memberIds = new Set(members.map((member) => member.personId));
  const reported = (member: Seat) => reportedAt.get(member.personId) ?? Number.POSITIVE_INFINITY;
  const absentMembers = members
    .filter((member, index) => reportedAt.has(member.personId) && members.findIndex((other) => other.personId === member.personId) === index)
    .sort((a, b) => reported(a) - reported(b) || compareIds(a.personId, b.personId));

  // A person holding a member's seat already serves and cannot also be called in as a substitute.
  const callable = substitutes.filter((substitute) => !reportedAt.has(substitute.personId) && !memberIds.has(substitute.personId));
  const callableIds = new Set(callable.map((substitute) => substitute.personId));
  const serving = new Set<string>();
  const isAvailable = (personId: string) => callableIds.has(personId) && !serving.has(personId);

  const assigned = new Map<string, string>();
  for (const member of absentMembers) {
    const kept = existingCalls.find((call) => call.absentPersonId === member.personId && isAvailable(call.substitutePersonId));
    if (kept) {
      assigned.set(member.personId, kept.substitutePersonId);
      serving.add(kept.substitutePersonId);
    }
  }
  const assign = (member: Seat, candidates: SubstituteSeat[]) => {
    const next = candidates.find((substitute) => isAvailable(substitute.personId));
    if (next) {
      assigned.set(member.personId, next.personId);
      serving.add(next.personId);
    }
  };
  if (policy === 'personal_substitute_first') {
    // A personal substitute serves for their own member before anyone else's order may take them.
    for (const member of absentMembers) {
      if (assigned.has(member.personId)) continue;
      const personal = new Set(member.personalSubstitutes ?? []);
      assign(member, substituteCallInOrder(policy, member, callable).filter((substitute) => personal.has(substitute.personId)));
    }
  }
  for (const member of absentMembers) {
    if (assigned.has(member.personId)) continue;
    assign(member, substituteCallInOrder(policy, member, callable));
  }

  const calls: PlannedCall[] = [];
  const uncovered: string[] = [];
  for (const member of absentMembers) {
    const substitutePersonId = assigned.get(member.personId);
    if (substitutePersonId === undefined) uncovered.push(member.personId);
    else calls.push({ absentPersonId: member.personId, substitutePersonId });
  }
  return { calls, uncovered };
}

const callKey = (call: ExistingCall | PlannedCall) => `${call.absentPersonId}\u0000${call.substitutePersonId}`;

/**
 * What to send: calls to make and calls to release (each is an e-mail). A substitute moved to serve for
 * another member is both released from the old call and called for the new one, since the message
 * must say for whom they serve. Input order is kept; repeated calls are reported once.
 */
export function diffCalls(existing: ExistingCall[], planned: PlannedCall[]): { toCall: PlannedCall[]; toRelease: ExistingCall[] } {
  const existingKeys = new Set(existing.map(callKey));
  const plannedKeys = new Set(planned.map(callKey));
  return {
    toCall: uniqueBy(planned.filter((call) => !existingKeys.has(callKey(call)))),
    toRelease: uniqueBy(existing.filter((call) => !plannedKeys.has(callKey(call)))),
  };
}

function uniqueBy<T extends ExistingCall | PlannedCall>(calls: T[]): T[] {
  const seen = new Set<string>();
  return calls.filter((call) => {
    const key = callKey(call);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
