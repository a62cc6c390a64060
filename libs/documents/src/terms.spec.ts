import { bilingual, DOCUMENT_KIND_TERMS, LABEL_TERMS, labeller, TERMS, withFinnish } from './terms';

describe('the Swedish and Finnish terms', () => {
  it('keeps the kinds and the labels apart, so that a key names one term', () => {
    const kinds = Object.keys(DOCUMENT_KIND_TERMS);
    expect(Object.keys(LABEL_TERMS).filter((key) => kinds.includes(key))).toEqual([]);
    expect(Object.keys(TERMS)).toHaveLength(kinds.length + Object.keys(LABEL_TERMS).length);
  });

  it('gives each kind of document a Finnish name of its own', () => {
    const finnish = Object.values(DOCUMENT_KIND_TERMS).map((term) => term.fi);
    expect(new Set(finnish).size).toBe(finnish.length);
    for (const term of Object.values(TERMS)) expect(term.fi.trim()).not.toBe('');
  });

  it('writes Swedish first and the Finnish after a slash, only where the organ has Finnish', () => {
    expect(bilingual(DOCUMENT_KIND_TERMS.extract, true)).toBe('Protokollsutdrag / Pöytäkirjanote');
    expect(bilingual(DOCUMENT_KIND_TERMS.extract, false)).toBe('Protokollsutdrag');
    expect(labeller(true)('decision')).toBe('Beslut / Päätös');
    expect(labeller(false)('decision')).toBe('Beslut');
    expect(withFinnish(['sv', 'fi'])).toBe(true);
    expect(withFinnish(['sv'])).toBe(false);
    expect(withFinnish(undefined)).toBe(false);
  });
});
