import { attendanceAt, attendanceProblems, AttendanceSpan, hasQuorum, paragraphRange, spanNote } from './attendance';

const span = (personId: string, capacity: AttendanceSpan['capacity'], extra: Partial<AttendanceSpan> = {}): AttendanceSpan => ({
  personId,
  capacity,
  replacesPersonId: null,
  fromParagraph: null,
  toParagraph: null,
  ...extra,
});

const seats = ['m1', 'm2', 'm3', 'm4', 'm5'];
const register = { members: new Set(seats), substitutes: new Set(['s1', 's2']) };
const names = (id: string) => id.toUpperCase();

describe('attendanceAt', () => {
  it('counts members present and substitutes serving in the seats of absent members', () => {
    const spans = [span('m1', 'member'), span('m2', 'member'), span('s1', 'serving_substitute', { replacesPersonId: 'm3' }), span('s2', 'substitute')];
    const at = attendanceAt(seats, spans, 1);
    expect(at.serving).toEqual([
      { seatPersonId: 'm1', servingPersonId: 'm1', substitute: false },
      { seatPersonId: 'm2', servingPersonId: 'm2', substitute: false },
      { seatPersonId: 'm3', servingPersonId: 's1', substitute: true },
    ]);
    expect(at.vacant).toEqual(['m4', 'm5']);
    expect(at.quorum).toBe(true);
    expect([...at.present].sort()).toEqual(['m1', 'm2', 's1', 's2']);
  });

  it('follows arrivals and departures by paragraph', () => {
    const spans = [span('m1', 'member'), span('m2', 'member', { toParagraph: 3 }), span('m3', 'member', { fromParagraph: 3 })];
    expect(attendanceAt(seats, spans, 2).serving.map((seat) => seat.servingPersonId)).toEqual(['m1', 'm2']);
    expect(attendanceAt(seats, spans, 3).serving.map((seat) => seat.servingPersonId)).toEqual(['m1', 'm2', 'm3']);
    expect(attendanceAt(seats, spans, 4).serving.map((seat) => seat.servingPersonId)).toEqual(['m1', 'm3']);
  });

  it('loses quorum when members leave: more than half of the seats is required', () => {
    const spans = [span('m1', 'member'), span('m2', 'member'), span('m3', 'member', { toParagraph: 2 })];
    expect(attendanceAt(seats, spans, 2).quorum).toBe(true);
    expect(attendanceAt(seats, spans, 3).quorum).toBe(false);
  });

  it('takes a disqualified member out of the count, and puts the named substitute in the seat', () => {
    const spans = [span('m1', 'member'), span('m2', 'member'), span('m3', 'member'), span('s1', 'substitute')];
    const without = attendanceAt(seats, spans, 1, [{ personId: 'm3', substitutePersonId: null }]);
    expect(without.serving.map((seat) => seat.servingPersonId)).toEqual(['m1', 'm2']);
    expect(without.quorum).toBe(false);
    const replaced = attendanceAt(seats, spans, 1, [{ personId: 'm3', substitutePersonId: 's1' }]);
    expect(replaced.serving).toContainEqual({ seatPersonId: 'm3', servingPersonId: 's1', substitute: true });
    expect(replaced.quorum).toBe(true);
    expect(replaced.disqualified).toEqual(['m3']);
  });

  it('takes a disqualified serving substitute out of the seat too', () => {
    const spans = [span('m1', 'member'), span('s1', 'serving_substitute', { replacesPersonId: 'm2' })];
    expect(attendanceAt(seats, spans, 1, [{ personId: 's1', substitutePersonId: null }]).vacant).toEqual(['m2', 'm3', 'm4', 'm5']);
  });
});

describe('hasQuorum', () => {
  it.each([
    [3, 5, true],
    [2, 5, false],
    [7, 13, true],
    [6, 13, false],
    [3, 6, false],
    [4, 6, true],
  ])('%i serving of %i seats → %s', (serving, total, expected) => expect(hasQuorum(serving, total)).toBe(expected));
});

describe('attendanceProblems', () => {
  const check = (spans: AttendanceSpan[]) => attendanceProblems(spans, register, { first: 1, last: 7 }, names);

  it('accepts a valid attendance', () => {
    expect(check([span('m1', 'member'), span('s1', 'serving_substitute', { replacesPersonId: 'm2' }), span('s2', 'substitute'), span('x', 'official')])).toEqual([]);
  });

  it('refuses a substitute entered as a member and a member entered as a substitute', () => {
    expect(check([span('s1', 'member'), span('m1', 'substitute')]).map((problem) => problem.message)).toEqual([
      'S1 är inte ledamot i organet på sammanträdesdagen',
      'M1 är inte ersättare i organet på sammanträdesdagen',
    ]);
  });

  it('refuses two people in one seat at the same paragraph', () => {
    const problems = check([span('m2', 'member', { toParagraph: 3 }), span('s1', 'serving_substitute', { replacesPersonId: 'm2', fromParagraph: 3 })]);
    expect(problems).toEqual([{ field: 'attendees[1]', message: 'Två personer tjänstgör samtidigt på M2s plats vid § 3' }]);
  });

  it('accepts a substitute who takes the seat after the member has left', () => {
    expect(check([span('m2', 'member', { toParagraph: 3 }), span('s1', 'substitute', { toParagraph: 3 }), span('s1', 'serving_substitute', { replacesPersonId: 'm2', fromParagraph: 4 })])).toEqual([]);
  });

  it('refuses one person in two capacities at once, and spans outside the minutes', () => {
    expect(check([span('s1', 'substitute'), span('s1', 'serving_substitute', { replacesPersonId: 'm1', fromParagraph: 2 })])[0].message).toBe('S1 är antecknad två gånger vid § 2');
    expect(check([span('m1', 'member', { fromParagraph: 8 })]).map((problem) => problem.field)).toEqual(['attendees[0].fromParagraph']);
    expect(check([span('m1', 'member', { fromParagraph: 5, toParagraph: 4 })])[0].field).toBe('attendees[0].toParagraph');
  });

  it('requires a serving substitute to replace a member', () => {
    expect(check([span('s1', 'serving_substitute')])[0].field).toBe('attendees[0].replacesPersonId');
    expect(check([span('m1', 'member', { replacesPersonId: 'm2' })])[0].field).toBe('attendees[0].replacesPersonId');
  });
});

describe('notes and ranges', () => {
  it('notes a partial presence', () => {
    expect(spanNote({ fromParagraph: null, toParagraph: null }, { first: 1, last: 7 })).toBeNull();
    expect(spanNote({ fromParagraph: 3, toParagraph: null }, { first: 1, last: 7 })).toBe('§§ 3–7');
    expect(spanNote({ fromParagraph: 5, toParagraph: 5 }, { first: 1, last: 7 })).toBe('§ 5');
  });

  it('writes the paragraph range', () => {
    expect(paragraphRange([3, 1, 2])).toBe('§§ 1–3');
    expect(paragraphRange([4])).toBe('§ 4');
    expect(paragraphRange([])).toBe('');
  });
});
