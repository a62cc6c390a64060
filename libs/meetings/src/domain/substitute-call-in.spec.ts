import { ReportedAbsence, CallInPolicy, diffCalls, ExistingCall, planSubstituteCalls, Seat, substituteCallInOrder, SubstituteSeat } from './substitute-call-in';

/** Ludvika SUN: 13 members and 13 substitutes in the inkallelseordning decided by fullmäktige. */
const MEMBERS: Seat[] = [
  ['anna', 'S'],
  ['erik', 'S'],
  ['maria', 'S'],
  ['lars', 'S'],
  ['karin', 'SD'],
  ['johan', 'SD'],
  ['eva', 'SD'],
  ['hakan', 'M'],
  ['per', 'M'],
  ['ingrid', 'KD'],
  ['nils', 'V'],
  ['birgitta', 'C'],
  ['mats', 'L'],
].map(([personId, party]) => ({ personId, party }));

const SUBSTITUTES: SubstituteSeat[] = [
  ['kerstin', 'S'],
  ['anders', 'S'],
  ['elin', 'S'],
  ['mikael', 'SD'],
  ['sofia', 'SD'],
  ['henrik', 'SD'],
  ['linnea', 'M'],
  ['gustav', 'M'],
  ['ulla', 'KD'],
  ['olof', 'V'],
  ['helena', 'C'],
  ['stefan', 'L'],
  ['frida', 'MP'],
].map(([personId, party], index) => ({ personId, party, substituteOrder: index + 1, name: personId[0].toUpperCase() + personId.slice(1) }));

/** Absences reported one minute apart, in the order given. */
function absences(...personIds: string[]): ReportedAbsence[] {
  return personIds.map((personId, minute) => ({ personId, reportedAt: new Date(Date.UTC(2026, 2, 20, 8, minute)) }));
}

/** Existing calls written as "erik→kerstin". */
function calls(...pairs: string[]): ExistingCall[] {
  return pairs.map((pair) => {
    const [absentPersonId, substitutePersonId] = pair.split('→');
    return { absentPersonId, substitutePersonId };
  });
}

const text = (list: ExistingCall[]) => list.map((call) => `${call.absentPersonId}→${call.substitutePersonId}`);

function plan(absent: ReportedAbsence[], existing: ExistingCall[] = [], policy: CallInPolicy = 'same_party_first') {
  const result = planSubstituteCalls({ policy, members: MEMBERS, substitutes: SUBSTITUTES, absences: absent, existingCalls: existing });
  return { calls: text(result.calls), uncovered: result.uncovered, raw: result };
}

describe('planSubstituteCalls, same party first', () => {
  it('calls no one when everyone attends', () => {
    expect(planSubstituteCalls({ policy: 'same_party_first', members: MEMBERS, substitutes: SUBSTITUTES, absences: [], existingCalls: [] })).toEqual({
      calls: [],
      uncovered: [],
    });
  });

  it('calls the first substitute of the member’s party', () => {
    expect(plan(absences('erik')).raw).toEqual({ calls: [{ absentPersonId: 'erik', substitutePersonId: 'kerstin' }], uncovered: [] });
  });

  it('calls the next one of the party when the first has reported an absence too', () => {
    expect(plan(absences('erik', 'kerstin')).calls).toEqual(['erik→anders']);
  });

  it.each<[string, string]>([
    ['karin', 'mikael'],
    ['hakan', 'linnea'],
    ['ingrid', 'ulla'],
    ['nils', 'olof'],
    ['birgitta', 'helena'],
    ['mats', 'stefan'],
  ])('calls the first own-party substitute for %s: %s', (member, substitute) => {
    expect(plan(absences(member)).calls).toEqual([`${member}→${substitute}`]);
  });

  it('serves absent members in the order they reported, and the fourth S member gets the first non-S substitute', () => {
    expect(plan(absences('erik', 'maria', 'lars', 'anna'))).toMatchObject({
      calls: ['erik→kerstin', 'maria→anders', 'lars→elin', 'anna→mikael'],
      uncovered: [],
    });
  });

  it('goes by report time, not by the order of the input lists', () => {
    const reported = absences('lars', 'anna');
    expect(plan([reported[1], reported[0]]).calls).toEqual(['lars→kerstin', 'anna→anders']);
  });

  it('breaks ties on report time by person id', () => {
    const sameMoment = new Date('2026-03-20T08:00:00Z');
    expect(
      plan([
        { personId: 'erik', reportedAt: sameMoment },
        { personId: 'anna', reportedAt: sameMoment },
      ]).calls,
    ).toEqual(['anna→kerstin', 'erik→anders']);
  });

  it('counts the first report when someone reports an absence twice', () => {
    const [erik, anna] = absences('erik', 'anna');
    expect(plan([anna, erik, { personId: 'erik', reportedAt: new Date('2026-03-20T09:00:00Z') }]).calls).toEqual(['erik→kerstin', 'anna→anders']);
  });

  it('moves on to the other parties in the call-in order when the own party has no one left', () => {
    // Ulla (KD) is absent: Ingrid gets the first free substitute overall, Kerstin (S).
    expect(plan(absences('ingrid', 'ulla')).calls).toEqual(['ingrid→kerstin']);
    // With S substitutes serving for S members, the next free one is Mikael (SD).
    expect(plan(absences('anna', 'erik', 'maria', 'ingrid', 'ulla')).calls).toEqual(['anna→kerstin', 'erik→anders', 'maria→elin', 'ingrid→mikael']);
  });

  it('leaves a later same-party member without an own-party substitute once another party took them', () => {
    // Ingrid reported first and got Kerstin; then three S members are absent: Anders, Elin, then Mikael.
    expect(plan(absences('ingrid', 'ulla', 'anna', 'erik', 'maria')).calls).toEqual(['ingrid→kerstin', 'anna→anders', 'erik→elin', 'maria→mikael']);
  });

  it('covers every member it can and reports the rest as uncovered', () => {
    const everyone = absences(...MEMBERS.map((member) => member.personId), 'frida');
    expect(plan(everyone)).toMatchObject({
      calls: [
        'anna→kerstin',
        'erik→anders',
        'maria→elin',
        'lars→mikael',
        'karin→sofia',
        'johan→henrik',
        'eva→linnea',
        'hakan→gustav',
        'per→ulla',
        'ingrid→olof',
        'nils→helena',
        'birgitta→stefan',
      ],
      uncovered: ['mats'],
    });
  });

  it('reports members as uncovered when every substitute is absent', () => {
    expect(plan(absences(...SUBSTITUTES.map((substitute) => substitute.personId), 'erik', 'nils'))).toMatchObject({ calls: [], uncovered: ['erik', 'nils'] });
  });

  it('uses all 13 substitutes for 13 absent members', () => {
    const result = plan(absences(...MEMBERS.map((member) => member.personId)));
    expect(result.uncovered).toEqual([]);
    expect(result.calls.at(-1)).toBe('mats→frida');
    expect(new Set(result.raw.calls.map((call) => call.substitutePersonId)).size).toBe(13);
  });

  it('ignores absences of substitutes alone, and of people who hold no seat', () => {
    expect(plan(absences('kerstin', 'someone-else'))).toMatchObject({ calls: [], uncovered: [] });
  });

  it('calls substitutes without an order number after the numbered ones, alphabetically', () => {
    const substitutes: SubstituteSeat[] = [
      { personId: 'z', party: 'S', substituteOrder: null, name: 'Östen' },
      { personId: 'y', party: 'S', substituteOrder: null, name: 'Åsa' },
      { personId: 'x', party: 'S', substituteOrder: null, name: 'Zlatan' },
      { personId: 'w', party: 'S', substituteOrder: 2, name: 'Wilma' },
    ];
    const members = ['a', 'b', 'c', 'd'].map((personId) => ({ personId, party: 'S' }));
    const result = planSubstituteCalls({ policy: 'same_party_first', members, substitutes, absences: absences('a', 'b', 'c', 'd'), existingCalls: [] });
    // Swedish alphabet: … Z, Å, Ä, Ö.
    expect(text(result.calls)).toEqual(['a→w', 'b→x', 'c→y', 'd→z']);
  });

  it('never calls in a person who holds a member’s seat, even if also listed as substitute', () => {
    const substitutes: SubstituteSeat[] = [{ personId: 'anna', party: 'S', substituteOrder: 1, name: 'Anna' }, ...SUBSTITUTES];
    const result = planSubstituteCalls({ policy: 'same_party_first', members: MEMBERS, substitutes, absences: absences('erik'), existingCalls: [] });
    expect(text(result.calls)).toEqual(['erik→kerstin']);
  });

  it('calls by the listed order for a member whose seat has no party', () => {
    const members = [...MEMBERS, { personId: 'obunden', party: null }];
    const result = planSubstituteCalls({ policy: 'same_party_first', members, substitutes: SUBSTITUTES, absences: absences('obunden'), existingCalls: [] });
    expect(text(result.calls)).toEqual(['obunden→kerstin']);
  });
});

describe('planSubstituteCalls, listed order', () => {
  it('ignores party and calls by the list', () => {
    expect(plan(absences('karin'), [], 'listed_order').calls).toEqual(['karin→kerstin']);
    expect(plan(absences('mats', 'hakan', 'erik'), [], 'listed_order').calls).toEqual(['mats→kerstin', 'hakan→anders', 'erik→elin']);
  });

  it('skips absent substitutes', () => {
    expect(plan(absences('karin', 'kerstin', 'elin', 'nils'), [], 'listed_order').calls).toEqual(['karin→anders', 'nils→mikael']);
  });

  it('orders null order numbers last regardless of party', () => {
    const substitutes: SubstituteSeat[] = [
      { personId: 'unnumbered', party: 'SD', substituteOrder: null, name: 'Adam' },
      { personId: 'second', party: 'M', substituteOrder: 2, name: 'Bertil' },
    ];
    const result = planSubstituteCalls({ policy: 'listed_order', members: MEMBERS, substitutes, absences: absences('karin', 'erik'), existingCalls: [] });
    expect(text(result.calls)).toEqual(['karin→second', 'erik→unnumbered']);
  });
});

describe('planSubstituteCalls, personal substitute first', () => {
  it.each([
    [['erik']],
    [['erik', 'kerstin']],
    [['erik', 'maria', 'lars', 'anna']],
    [['karin', 'ingrid', 'ulla']],
    [[...MEMBERS.map((member) => member.personId), 'frida']],
  ])('behaves as same party first while the register has no personal substitutes (%j)', (absent) => {
    expect(plan(absences(...absent), [], 'personal_substitute_first')).toEqual(plan(absences(...absent), [], 'same_party_first'));
  });

  /** Erik's personal substitutes are Elin, then Anders; Anna's is Kerstin; Karin's is Olof (V), of another party. */
  const PERSONAL: Record<string, string[]> = { erik: ['elin', 'anders'], anna: ['kerstin'], karin: ['olof'] };
  const withPersonal = MEMBERS.map((member) => ({ ...member, personalSubstitutes: PERSONAL[member.personId] ?? [] }));
  const planPersonal = (absent: ReportedAbsence[], policy: CallInPolicy = 'personal_substitute_first', existing: ExistingCall[] = []) =>
    text(planSubstituteCalls({ policy, members: withPersonal, substitutes: SUBSTITUTES, absences: absent, existingCalls: existing }).calls);

  it("calls the member's personal substitute before the first of the party", () => {
    expect(planPersonal(absences('erik'))).toEqual(['erik→elin']);
  });

  it('calls a personal substitute of another party before the own party', () => {
    expect(planPersonal(absences('karin'))).toEqual(['karin→olof']);
  });

  it("calls the member's next personal substitute, then the party in the agreed order, then the others", () => {
    expect(planPersonal(absences('erik', 'elin'))).toEqual(['erik→anders']);
    expect(planPersonal(absences('erik', 'elin', 'anders'))).toEqual(['erik→kerstin']);
    expect(planPersonal(absences('erik', 'elin', 'anders', 'kerstin'))).toEqual(['erik→mikael']);
  });

  it("never lets a member absent earlier take another member's personal substitute as a fallback", () => {
    // Maria (S, no personal substitute) reported first; same party first would give her Kerstin, Anna's personal substitute.
    expect(planPersonal(absences('maria', 'anna'))).toEqual(['maria→anders', 'anna→kerstin']);
  });

  it('lets a personal substitute serve for another member when their own member attends', () => {
    expect(planPersonal(absences('maria'))).toEqual(['maria→kerstin']);
  });

  it('keeps a call already made even when a personal substitute would now be first', () => {
    expect(planPersonal(absences('erik'), 'personal_substitute_first', calls('erik→kerstin'))).toEqual(['erik→kerstin']);
  });

  it('ignores the personal substitutes under the other policies', () => {
    expect(planPersonal(absences('erik'), 'same_party_first')).toEqual(['erik→kerstin']);
    expect(planPersonal(absences('karin'), 'listed_order')).toEqual(['karin→kerstin']);
  });

  it('orders a member without a party: personal substitutes, then the list', () => {
    const member: Seat = { personId: 'oberoende', party: null, personalSubstitutes: ['frida'] };
    expect(substituteCallInOrder('personal_substitute_first', member, SUBSTITUTES).map((substitute) => substitute.personId).slice(0, 3)).toEqual(['frida', 'kerstin', 'anders']);
  });
});

describe('planSubstituteCalls keeps calls already made', () => {
  it('keeps a call while both still hold', () => {
    expect(plan(absences('erik'), calls('erik→kerstin')).calls).toEqual(['erik→kerstin']);
  });

  it('passes the call of a substitute who becomes absent to the next substitute', () => {
    expect(plan(absences('erik', 'kerstin'), calls('erik→kerstin')).calls).toEqual(['erik→anders']);
  });

  it('releases the call when the member withdraws the absence', () => {
    expect(plan([], calls('erik→kerstin'))).toMatchObject({ calls: [], uncovered: [] });
  });

  it('leaves the other calls as they are when an earlier absence is withdrawn', () => {
    // Erik (first) had Kerstin and Maria Anders; Erik can come after all.
    const before = absences('erik', 'maria');
    expect(plan(before).calls).toEqual(['erik→kerstin', 'maria→anders']);
    expect(plan(before.slice(1), calls('erik→kerstin', 'maria→anders')).calls).toEqual(['maria→anders']);
  });

  it('gives a freed substitute to the next new absence', () => {
    const [, maria] = absences('erik', 'maria');
    const lars = { personId: 'lars', reportedAt: new Date('2026-03-20T09:00:00Z') };
    expect(plan([maria, lars], calls('erik→kerstin', 'maria→anders')).calls).toEqual(['maria→anders', 'lars→kerstin']);
  });

  it('does not take a kept substitute away from a later member when an earlier one needs a new one', () => {
    // Kerstin falls ill: Erik needs someone new, but Maria keeps Anders; Erik gets Elin.
    expect(plan(absences('erik', 'maria', 'kerstin'), calls('erik→kerstin', 'maria→anders')).calls).toEqual(['erik→elin', 'maria→anders']);
  });

  it('keeps a call to another party’s substitute even when an own-party substitute is free again', () => {
    // Anna got Mikael while all S substitutes were taken; Lars withdraws, so Elin is free, but Anna keeps Mikael.
    const existing = calls('erik→kerstin', 'maria→anders', 'lars→elin', 'anna→mikael');
    expect(plan(absences('erik', 'maria', 'anna'), existing).calls).toEqual(['erik→kerstin', 'maria→anders', 'anna→mikael']);
  });

  it('keeps a call that the listed order would not make today (the order changed after the call)', () => {
    expect(plan(absences('erik'), calls('erik→elin')).calls).toEqual(['erik→elin']);
  });

  it('replaces a call to someone who is no longer a substitute', () => {
    expect(plan(absences('erik'), calls('erik→former-substitute')).calls).toEqual(['erik→kerstin']);
  });

  it('replaces a call to someone who now holds a member’s seat', () => {
    expect(plan(absences('erik'), calls('erik→nils')).calls).toEqual(['erik→kerstin']);
  });

  it('gives a substitute stored for two members to the one who reported first and calls someone else for the other', () => {
    expect(plan(absences('maria', 'erik'), calls('erik→kerstin', 'maria→kerstin')).calls).toEqual(['maria→kerstin', 'erik→anders']);
  });

  it('keeps one call per member when two are stored for the same member', () => {
    expect(plan(absences('erik', 'maria'), calls('erik→anders', 'erik→kerstin')).calls).toEqual(['erik→anders', 'maria→kerstin']);
  });

  it('drops calls for members who are not on the organ any more', () => {
    expect(plan(absences('erik'), calls('erik→kerstin', 'gone→anders')).calls).toEqual(['erik→kerstin']);
  });

  it('turns an uncovered member into a call when a substitute becomes free', () => {
    const allSubstitutesButFrida = SUBSTITUTES.filter((substitute) => substitute.personId !== 'frida').map((substitute) => substitute.personId);
    expect(plan(absences(...allSubstitutesButFrida, 'frida', 'erik')).uncovered).toEqual(['erik']);
    expect(plan(absences(...allSubstitutesButFrida, 'erik')).calls).toEqual(['erik→frida']);
  });
});

describe('substituteCallInOrder', () => {
  const ids = (list: SubstituteSeat[]) => list.map((substitute) => substitute.personId);

  it('puts the member’s party first, then the rest by the list', () => {
    expect(ids(substituteCallInOrder('same_party_first', { personId: 'hakan', party: 'M' }, SUBSTITUTES))).toEqual([
      'linnea',
      'gustav',
      'kerstin',
      'anders',
      'elin',
      'mikael',
      'sofia',
      'henrik',
      'ulla',
      'olof',
      'helena',
      'stefan',
      'frida',
    ]);
  });

  it('follows the list for listed order, whatever order the input comes in', () => {
    expect(ids(substituteCallInOrder('listed_order', { personId: 'hakan', party: 'M' }, [...SUBSTITUTES].reverse()))).toEqual(ids(SUBSTITUTES));
  });

  it('does not change the input', () => {
    const input = [...SUBSTITUTES].reverse();
    substituteCallInOrder('listed_order', { personId: 'erik', party: 'S' }, input);
    expect(input[0].personId).toBe('frida');
  });
});

describe('diffCalls', () => {
  it('calls new ones and releases dropped ones', () => {
    expect(diffCalls(calls('erik→kerstin', 'maria→anders'), calls('maria→anders', 'lars→kerstin'))).toEqual({
      toCall: calls('lars→kerstin'),
      toRelease: calls('erik→kerstin'),
    });
  });

  it('has nothing to send when nothing changed, whatever the order', () => {
    expect(diffCalls(calls('erik→kerstin', 'maria→anders'), calls('maria→anders', 'erik→kerstin'))).toEqual({ toCall: [], toRelease: [] });
  });

  it('releases and calls when a member gets another substitute', () => {
    expect(diffCalls(calls('erik→kerstin'), calls('erik→anders'))).toEqual({ toCall: calls('erik→anders'), toRelease: calls('erik→kerstin') });
  });

  it('releases and calls a substitute moved to serve for another member', () => {
    expect(diffCalls(calls('erik→kerstin'), calls('maria→kerstin'))).toEqual({ toCall: calls('maria→kerstin'), toRelease: calls('erik→kerstin') });
  });

  it('handles empty lists and reports repeated calls once', () => {
    expect(diffCalls([], calls('erik→kerstin', 'erik→kerstin'))).toEqual({ toCall: calls('erik→kerstin'), toRelease: [] });
    expect(diffCalls(calls('erik→kerstin', 'erik→kerstin'), [])).toEqual({ toCall: [], toRelease: calls('erik→kerstin') });
  });

  it('sends exactly the change when a substitute falls ill, end to end', () => {
    const existing = calls('erik→kerstin', 'maria→anders');
    const next = planSubstituteCalls({
      policy: 'same_party_first',
      members: MEMBERS,
      substitutes: SUBSTITUTES,
      absences: absences('erik', 'maria', 'kerstin'),
      existingCalls: existing,
    });
    expect(diffCalls(existing, next.calls)).toEqual({ toCall: calls('erik→elin'), toRelease: calls('erik→kerstin') });
  });

  it('sends only the release when an earlier absence is withdrawn, end to end', () => {
    const existing = calls('erik→kerstin', 'maria→anders');
    const next = planSubstituteCalls({ policy: 'same_party_first', members: MEMBERS, substitutes: SUBSTITUTES, absences: absences('maria'), existingCalls: existing });
    expect(diffCalls(existing, next.calls)).toEqual({ toCall: [], toRelease: calls('erik→kerstin') });
  });
});
