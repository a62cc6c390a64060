import { organNoun } from './organ-noun';

describe('organNoun', () => {
  it.each([
    ['council', 'kommunfullmäktige'],
    ['board', 'kommunstyrelsen'],
    ['committee', 'nämnden'],
    ['subcommittee', 'utskottet'],
    ['advisory_council', 'rådet'],
    ['drafting_group', 'beredningen'],
  ] as const)('calls a %s %s', (kind, noun) => {
    expect(organNoun(kind)).toBe(noun);
  });

  it('refuses an unknown kind', () => {
    expect(() => organNoun('parliament' as 'board')).toThrow(new RangeError('Okänd organtyp: ”parliament”'));
    expect(() => organNoun('toString' as 'board')).toThrow(RangeError);
  });
});
