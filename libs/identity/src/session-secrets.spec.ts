import { csrfTokenMatches, csrfTokenOf, newSessionSecret, sessionSecretSha256 } from './session-secrets';

const APP_SECRET = 'a-test-secret-of-at-least-32-characters';
const SESSION_ID = '6f1c1f0e-8f0b-4d7e-9a52-3f1b2a6f9c01';

describe('session secrets', () => {
  it('makes a new random cookie value each time, 256 bits in base64url', () => {
    const first = newSessionSecret();
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSessionSecret()).not.toBe(first);
  });

  it('stores a digest that differs from the secret it comes from', () => {
    const secret = newSessionSecret();
    expect(sessionSecretSha256(secret)).toHaveLength(32);
    expect(sessionSecretSha256(secret).equals(sessionSecretSha256(secret))).toBe(true);
    expect(sessionSecretSha256(secret).toString('base64url')).not.toBe(secret);
  });

  it('gives a session the same CSRF token every time, and another session or app secret another token', () => {
    const token = csrfTokenOf(SESSION_ID, APP_SECRET);
    expect(csrfTokenOf(SESSION_ID, APP_SECRET)).toBe(token);
    expect(csrfTokenOf('0b7a3c52-1d2e-4f60-8a71-5c9e4d3b2a10', APP_SECRET)).not.toBe(token);
    expect(csrfTokenOf(SESSION_ID, `${APP_SECRET}-other`)).not.toBe(token);
  });

  it('accepts only the exact token, refusing a missing, shorter or altered one', () => {
    const token = csrfTokenOf(SESSION_ID, APP_SECRET);
    expect(csrfTokenMatches(token, token)).toBe(true);
    expect(csrfTokenMatches(token, undefined)).toBe(false);
    expect(csrfTokenMatches(token, '')).toBe(false);
    expect(csrfTokenMatches(token, token.slice(1))).toBe(false);
    expect(csrfTokenMatches(token, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
    expect(csrfTokenMatches(token, 'å'.repeat(token.length))).toBe(false);
  });
});
