import { checkPersonalSubstitutes, checkSeatConflicts, checkSeatInParent, checkSeatShape, checkWithinTerm, ExistingSeat, SeatCandidate } from './membership-rules';

const TERM = { from: '2023-01-01', to: '2026-12-31' };

function seat(overrides: Partial<SeatCandidate> = {}): SeatCandidate {
  return { personId: 'anna', organId: 'sun', role: 'member', position: 'none', substituteOrder: null, validFrom: '2023-01-01', validTo: '2026-12-31', ...overrides };
}

function existing(id: string, overrides: Partial<SeatCandidate> = {}): ExistingSeat {
  return { ...seat(overrides), id };
}

const codes = (violations: { code: string }[]) => violations.map((violation) => violation.code);

describe('a person holds one seat per organ at a time', () => {
  it('refuses a second seat in the same organ for an overlapping period', () => {
    expect(codes(checkSeatConflicts(seat({ role: 'substitute' }), [existing('1')]))).toEqual(['SEAT_OVERLAP']);
  });

  it('refuses an overlap of a single day, since both ends are inclusive', () => {
    const earlier = existing('1', { validFrom: '2023-01-01', validTo: '2024-06-30' });
    expect(codes(checkSeatConflicts(seat({ validFrom: '2024-06-30' }), [earlier]))).toEqual(['SEAT_OVERLAP']);
  });

  it('allows a new seat that starts the day after the old one ended', () => {
    const earlier = existing('1', { validFrom: '2023-01-01', validTo: '2024-06-30' });
    expect(checkSeatConflicts(seat({ validFrom: '2024-07-01' }), [earlier])).toEqual([]);
  });

  it('allows the same person in another organ, and other persons in this one', () => {
    expect(checkSeatConflicts(seat(), [existing('1', { organId: 'ks' }), existing('2', { personId: 'bo' })])).toEqual([]);
  });

  it('does not count the seat being edited against itself', () => {
    expect(checkSeatConflicts({ ...existing('1'), validTo: '2025-12-31' }, [existing('1')])).toEqual([]);
  });
});

describe('an organ has at most one chair at a time', () => {
  it('refuses a second chair for an overlapping period', () => {
    const chair = existing('1', { personId: 'bo', position: 'chair' });
    const violations = checkSeatConflicts(seat({ position: 'chair' }), [chair]);
    expect(codes(violations)).toEqual(['POSITION_TAKEN']);
    expect(violations[0].message).toBe('Organet har redan en ordförande under den perioden');
    expect(violations[0].conflict).toBe(true);
  });

  it('allows a new chair once the previous chair has stepped down', () => {
    const chair = existing('1', { personId: 'bo', position: 'chair', validTo: '2024-12-31' });
    expect(checkSeatConflicts(seat({ position: 'chair', validFrom: '2025-01-01' }), [chair])).toEqual([]);
  });

  it('allows a chair and a vice chair at the same time, but not two vice chairs', () => {
    const chair = existing('1', { personId: 'bo', position: 'chair' });
    const vice = existing('2', { personId: 'cecilia', position: 'first_vice_chair' });
    expect(checkSeatConflicts(seat({ position: 'second_vice_chair' }), [chair, vice])).toEqual([]);
    expect(codes(checkSeatConflicts(seat({ position: 'first_vice_chair' }), [chair, vice]))).toEqual(['POSITION_TAKEN']);
  });
});

describe("a membership's dates lie inside its term", () => {
  it('accepts a seat for the whole term or part of it', () => {
    expect(checkWithinTerm(seat(), TERM)).toEqual([]);
    expect(checkWithinTerm(seat({ validFrom: '2024-03-01', validTo: '2024-09-30' }), TERM)).toEqual([]);
  });

  it('refuses a seat that starts before or ends after the term', () => {
    expect(codes(checkWithinTerm(seat({ validFrom: '2022-12-31' }), TERM))).toEqual(['OUTSIDE_TERM']);
    expect(codes(checkWithinTerm(seat({ validTo: '2027-01-01' }), TERM))).toEqual(['OUTSIDE_TERM']);
  });
});

describe('seat shape', () => {
  it('refuses reversed dates, positions for substitutes and order numbers for members', () => {
    expect(codes(checkSeatShape(seat({ validFrom: '2024-01-02', validTo: '2024-01-01' })))).toEqual(['DATES_REVERSED']);
    expect(codes(checkSeatShape(seat({ role: 'substitute', position: 'chair' })))).toEqual(['POSITION_NEEDS_MEMBER']);
    expect(codes(checkSeatShape(seat({ substituteOrder: 2 })))).toEqual(['ORDER_NEEDS_SUBSTITUTE']);
    expect(checkSeatShape(seat({ role: 'substitute', substituteOrder: 2 }))).toEqual([]);
  });
});

describe("a subcommittee's members come from its parent organ", () => {
  it('accepts a person whose parent seat covers the whole period', () => {
    expect(checkSeatInParent(seat(), [{ from: '2023-01-01', to: '2026-12-31' }])).toEqual([]);
  });

  it('accepts cover made of consecutive parent seats', () => {
    const cover = [
      { from: '2023-01-01', to: '2024-12-31' },
      { from: '2025-01-01', to: '2026-12-31' },
    ];
    expect(checkSeatInParent(seat(), cover)).toEqual([]);
  });

  it('refuses a person without a parent seat, or with a gap in it', () => {
    expect(codes(checkSeatInParent(seat(), []))).toEqual(['NOT_IN_PARENT_ORGAN']);
    const gap = [
      { from: '2023-01-01', to: '2024-12-30' },
      { from: '2025-01-01', to: '2026-12-31' },
    ];
    expect(codes(checkSeatInParent(seat(), gap))).toEqual(['NOT_IN_PARENT_ORGAN']);
    expect(codes(checkSeatInParent(seat(), [{ from: '2023-01-01', to: '2025-12-31' }]))).toEqual(['NOT_IN_PARENT_ORGAN']);
  });
});

describe("a member's personal substitutes", () => {
  const substitute = (id: string, overrides: Partial<SeatCandidate> = {}) => existing(id, { personId: `person-${id}`, role: 'substitute', substituteOrder: 1, ...overrides });

  it('are substitute seats of the same organ overlapping the member’s seat', () => {
    expect(checkPersonalSubstitutes(seat(), [substitute('1'), substitute('2', { validFrom: '2026-06-01' })])).toEqual([]);
    expect(checkPersonalSubstitutes(seat(), [])).toEqual([]);
  });

  it('belong to members only', () => {
    expect(codes(checkPersonalSubstitutes(seat({ role: 'substitute', substituteOrder: 2 }), [substitute('1')]))).toEqual(['PERSONAL_SUBSTITUTES_NEED_MEMBER']);
  });

  it('refuse a seat of another organ, a member seat, or a seat of another period, naming the field', () => {
    const violations = checkPersonalSubstitutes(seat({ validTo: '2024-12-31' }), [
      substitute('1', { organId: 'ks' }),
      existing('2', { personId: 'erik', role: 'member' }),
      substitute('3', { validFrom: '2025-01-01' }),
    ]);
    expect(codes(violations)).toEqual(['PERSONAL_SUBSTITUTE_OTHER_ORGAN', 'PERSONAL_SUBSTITUTE_NOT_SUBSTITUTE', 'PERSONAL_SUBSTITUTE_NO_OVERLAP']);
    expect(new Set(violations.map((violation) => violation.field))).toEqual(new Set(['personalSubstituteMembershipIds']));
  });
});
