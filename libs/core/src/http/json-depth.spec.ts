import { exceedsJsonDepth } from './json-depth';

const bytes = (text: string) => Buffer.from(text);

describe('exceedsJsonDepth', () => {
  it('counts arrays and objects alike, up to the bound', () => {
    expect(exceedsJsonDepth(bytes('[{"a":[1]}]'), 3)).toBe(false);
    expect(exceedsJsonDepth(bytes('[{"a":[[1]]}]'), 3)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(exceedsJsonDepth(bytes(JSON.stringify({ title: '[[[[{{{{ "x" \\ [[[[' })), 1)).toBe(false);
  });

  it('refuses 100,000 levels at once', () => {
    expect(exceedsJsonDepth(bytes('['.repeat(100_000) + ']'.repeat(100_000)))).toBe(true);
  });
});
