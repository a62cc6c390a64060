import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The session cookie's value: 256 random bits, unguessable, and meaningless without the table. */
export function newSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What the table keeps of a session secret: a leaked row must not be a usable cookie. */
export function sessionSecretSha256(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/**
 * The CSRF token of a session: an HMAC of its id with the app secret. csrf-csrf's double-submit
 * pattern is for apps with no server-side session (a second cookie carries what the token is checked
 * against); here the session row is that state, so deriving the token from its id binds the token to
 * the session, keeps it the same in every tab, and needs nothing more stored or sent.
 */
export function csrfTokenOf(sessionId: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(`csrf:${sessionId}`, 'utf8').digest('base64url');
}

/** Compares in constant time, so the answer's timing tells nothing of how much of a guess was right. */
export function csrfTokenMatches(expected: string, given: string | undefined): boolean {
  if (typeof given !== 'string') return false;
  const expectedBytes = Buffer.from(expected, 'utf8');
  const givenBytes = Buffer.from(given, 'utf8');
  return expectedBytes.length === givenBytes.length && timingSafeEqual(expectedBytes, givenBytes);
}
