import { extraMattersDecision, isDeclinedExtraMatter, isExtraMattersItem } from './extra-matters';

describe('extra matters', () => {
  it('recognises the standard item whatever its case and spacing', () => {
    expect(isExtraMattersItem(' Anmälan av extra ärenden ')).toBe(true);
    expect(isExtraMattersItem('ANMÄLAN AV EXTRA ÄRENDEN')).toBe(true);
    expect(isExtraMattersItem('Anmälan av delegationsbeslut')).toBe(false);
  });

  it('writes the decision to take up the extra matters, by paragraph', () => {
    expect(extraMattersDecision('nämnden', [{ number: 14, title: 'Yttrande över remiss' }])).toEqual(['Nämnden beslutar att ta upp följande extra ärende: § 14 Yttrande över remiss.']);
    expect(extraMattersDecision('nämnden', [{ number: 14, title: 'A' }, { number: 15, title: 'B' }, { number: 16, title: 'C' }])).toEqual([
      'Nämnden beslutar att ta upp följande extra ärenden: § 14 A, § 15 B och § 16 C.',
    ]);
    expect(extraMattersDecision('nämnden', [])).toEqual(['Inga extra ärenden tas upp.']);
  });

  it('counts an undecided extra matter as declined once the meeting has decided which extra matters it takes up without it', () => {
    const announcement = { title: 'Anmälan av extra ärenden', extraMatter: false, takenUpInParagraphId: null, status: 'decided' as const };
    const extra = { title: 'Skrivelse', extraMatter: true, takenUpInParagraphId: null, status: 'open' as const };
    expect(isDeclinedExtraMatter(extra, [announcement, extra])).toBe(true);
    expect(isDeclinedExtraMatter(extra, [{ ...announcement, status: 'open' }, extra])).toBe(false);
    expect(isDeclinedExtraMatter({ ...extra, takenUpInParagraphId: 'p1' }, [announcement, extra])).toBe(false);
    expect(isDeclinedExtraMatter({ ...extra, extraMatter: false }, [announcement, extra])).toBe(false);
    expect(isDeclinedExtraMatter({ ...extra, status: 'decided' }, [announcement, extra])).toBe(false);
  });
});
