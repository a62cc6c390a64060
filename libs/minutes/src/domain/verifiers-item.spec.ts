import { isVerifiersItem, verifiersDecision } from './verifiers-item';

describe('the verifiers item (Val av justerande)', () => {
  it('recognises the standard item whatever its case and spacing', () => {
    expect(isVerifiersItem(' Val av justerande ')).toBe(true);
    expect(isVerifiersItem('VAL AV JUSTERANDE')).toBe(true);
    expect(isVerifiersItem('Val av ledamot till arbetsutskottet')).toBe(false);
  });

  it('drafts the decision naming one verifier beside the chair', () => {
    expect(verifiersDecision('nämnden', ['Anna Exempelsson'])).toEqual(['Nämnden beslutar att utse Anna Exempelsson att jämte ordföranden justera protokollet.']);
  });

  it('names two verifiers joined by "och", in the order chosen', () => {
    expect(verifiersDecision('kommunfullmäktige', ['Per Persson', 'Eva Svensson'])).toEqual([
      'Kommunfullmäktige beslutar att utse Per Persson och Eva Svensson att jämte ordföranden justera protokollet.',
    ]);
    expect(verifiersDecision('styrelsen', ['A B', 'C D', 'E F'])).toEqual(['Styrelsen beslutar att utse A B, C D och E F att jämte ordföranden justera protokollet.']);
  });

  it('drafts nothing while no verifier is chosen', () => {
    expect(verifiersDecision('nämnden', [])).toEqual([]);
  });
});
