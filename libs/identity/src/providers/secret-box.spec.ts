import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = SecretBox.fromConfig({ SECRETS_KEY: 'ab'.repeat(32), JWT_SECRET: 'x'.repeat(40) });

  it('opens what it sealed, and the sealed text holds neither the secret nor the same bytes twice', () => {
    const sealed = box.seal('client-secret-123', 'provider:1');
    expect(sealed).not.toContain('client-secret-123');
    expect(box.seal('client-secret-123', 'provider:1')).not.toBe(sealed);
    expect(box.open(sealed, 'provider:1')).toBe('client-secret-123');
  });

  it('refuses a value sealed for another row, under another key, or altered', () => {
    const sealed = box.seal('client-secret-123', 'provider:1');
    expect(() => box.open(sealed, 'provider:2')).toThrow();
    expect(() => SecretBox.fromConfig({ SECRETS_KEY: 'cd'.repeat(32), JWT_SECRET: 'x'.repeat(40) }).open(sealed, 'provider:1')).toThrow();
    const altered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => box.open(altered, 'provider:1')).toThrow();
  });

  it('derives a key from JWT_SECRET when SECRETS_KEY is empty, and reads a base64 key as well as hex', () => {
    const derived = SecretBox.fromConfig({ SECRETS_KEY: '', JWT_SECRET: 'y'.repeat(40) });
    expect(SecretBox.fromConfig({ SECRETS_KEY: '', JWT_SECRET: 'y'.repeat(40) }).open(derived.seal('s', 'c'), 'c')).toBe('s');
    const base64 = SecretBox.fromConfig({ SECRETS_KEY: Buffer.from('ab'.repeat(32), 'hex').toString('base64'), JWT_SECRET: 'x'.repeat(40) });
    expect(base64.open(box.seal('s', 'c'), 'c')).toBe('s');
  });
});
