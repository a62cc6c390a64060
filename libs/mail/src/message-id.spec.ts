import { deterministicMessageId } from './message-id';

const PARTS = ['notice', '6f1c2d3e-0000-4000-8000-000000000001', '3', 'recipient-1'];

describe('deterministicMessageId', () => {
  it('is the first 32 hex digits of SHA-256 over the NUL-joined parts, at the domain', () => {
    // sha256("notice\0 6f1c…\0 3\0 recipient-1") computed outside the code under test.
    expect(deterministicMessageId(PARTS, 'namndrum.ludvika.se')).toBe('<1dcfb2400ab5f1b8c045cfecfcf33bf6.namndrum@namndrum.ludvika.se>');
  });

  it('gives the same ID for the same parts, so a retried send can be recognised', () => {
    expect(deterministicMessageId([...PARTS], 'namndrum.ludvika.se')).toBe(deterministicMessageId(PARTS, 'namndrum.ludvika.se'));
  });

  it('gives different IDs for different parts, order or grouping', () => {
    const ids = new Set([
      deterministicMessageId(['notice', 'a', 'b'], 'x.se'),
      deterministicMessageId(['notice', 'b', 'a'], 'x.se'),
      deterministicMessageId(['notice', 'ab'], 'x.se'),
      deterministicMessageId(['notice', 'a', 'c'], 'x.se'),
    ]);
    expect(ids.size).toBe(4);
  });

  it('has the RFC 5322 msg-id form', () => {
    expect(deterministicMessageId(['å', 'ä', 'ö'], 'namndrum.ludvika.se')).toMatch(/^<[0-9a-f]{32}\.namndrum@[a-z0-9.-]+>$/);
  });

  it('writes an internationalised domain in its ASCII form', () => {
    expect(deterministicMessageId(PARTS, 'Nämndrum.Ludvika.se')).toBe('<1dcfb2400ab5f1b8c045cfecfcf33bf6.namndrum@xn--nmndrum-5wa.ludvika.se>');
  });

  it.each(['', 'namndrum ludvika.se', 'namndrum.ludvika.se>', 'a..b', '.se'])('refuses the domain "%s"', (domain) => {
    expect(() => deterministicMessageId(PARTS, domain)).toThrow(RangeError);
  });

  it('refuses no parts and parts containing NUL', () => {
    expect(() => deterministicMessageId([], 'x.se')).toThrow(RangeError);
    expect(() => deterministicMessageId(['a\u0000b'], 'x.se')).toThrow(RangeError);
  });
});
