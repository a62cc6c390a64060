import { findUnstorableText } from './unstorable-text';

describe('findUnstorableText', () => {
  it('names the first field holding NUL or a lone surrogate, in values and in property names', () => {
    expect(findUnstorableText({ title: 'a\u0000b' }, '')).toBe('title');
    expect(findUnstorableText({ items: [{ name: 'ok' }, { name: '\ud800' }] }, '')).toBe('items[1].name');
    expect(findUnstorableText({ ['x\udc00']: 1 }, '')).toBe('x\udc00');
    expect(findUnstorableText('\udc00abc', 'code')).toBe('code');
  });

  it('accepts paired surrogates and ordinary text', () => {
    expect(findUnstorableText({ title: 'Möte 😀', list: ['å', 1, null, true] }, '')).toBeNull();
  });
});
