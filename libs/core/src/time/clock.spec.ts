import { swedishDate } from './clock';

describe('swedishDate', () => {
  it('gives the Swedish calendar date, not the UTC one', () => {
    expect(swedishDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(swedishDate(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
    expect(swedishDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});
