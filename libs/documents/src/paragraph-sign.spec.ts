import { bindParagraphSigns, bindParagraphSignsIn, paragraphSign } from './paragraph-sign';

describe('paragraph signs', () => {
  it('writes "§ 4" with a no-break space', () => {
    expect(paragraphSign(4)).toBe('§\u00a04');
  });

  it('binds every § and §§ before a number, and nothing else', () => {
    expect(bindParagraphSigns('Beslut enligt § 14 och §§ 1–7, Au § 2; KL 6 kap. 39 § gäller.')).toBe('Beslut enligt §\u00a014 och §§\u00a01–7, Au §\u00a02; KL 6 kap. 39 § gäller.');
  });

  it('binds the strings of a view at any depth and leaves the view and its non-strings as they were', () => {
    const date = new Date('2023-01-11T13:00:00Z');
    const view = { note: 'ej § 5', lines: [{ text: '§§ 1–4', count: 4 }], at: date, none: null };
    expect(bindParagraphSignsIn(view)).toEqual({ note: 'ej §\u00a05', lines: [{ text: '§§\u00a01–4', count: 4 }], at: date, none: null });
    expect(view.note).toBe('ej § 5');
  });
});
