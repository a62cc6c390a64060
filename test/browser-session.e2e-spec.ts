import type { Response } from 'supertest';
import { createTenant, Tenant, TEST_PASSWORD } from './factories/tenant.factory';
import { createTestApp, TestApp } from './support/test-app';

const NEW_PASSWORD = 'a-new-password-456';
const CSRF_REFUSAL = { statusCode: 403, error: 'CSRF_TOKEN_INVALID', message: 'Sidan behöver laddas om: säkerhetstoken saknas eller stämmer inte.' };

/** The namndrum_session cookie a response sets, with its attributes as the browser reads them. */
function sessionCookie(response: Response): { value: string; attributes: string[] } {
  const header = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((cookie) => cookie.startsWith('namndrum_session='));
  if (!header) throw new Error(`No session cookie set: ${JSON.stringify(response.headers['set-cookie'])}`);
  const [pair, ...attributes] = header.split(';').map((part) => part.trim());
  return { value: decodeURIComponent(pair.slice('namndrum_session='.length)), attributes };
}

interface Browser {
  cookie: string;
  csrfToken: string;
}

describe('the browser session: cookie sign-in, CSRF protection, sign-out and its bounds', () => {
  let testApp: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    testApp = await createTestApp();
    tenant = await createTenant(testApp);
  });

  afterAll(() => testApp.close());

  const signIn = (email: string, password = TEST_PASSWORD) => testApp.http().post('/api/v1/auth/session').send({ email, password });
  const browserOf = async (email: string): Promise<Browser> => {
    const response = await signIn(email).expect(200);
    return { cookie: `namndrum_session=${sessionCookie(response).value}`, csrfToken: response.body.csrfToken as string };
  };
  const getSession = (browser: Browser) => testApp.http().get('/api/v1/auth/session').set('Cookie', browser.cookie);
  const organCount = async () =>
    Number((await testApp.dataSource.query(`SELECT count(*) AS count FROM organs WHERE municipality_id = $1`, [tenant.municipalityId]))[0].count);
  const createOrgan = (shortName: string) => testApp.http().post('/api/v1/organs').send({ name: `Nämnden ${shortName}`, shortName, kind: 'committee' });
  const sessionRow = async (cookie: string) =>
    (await testApp.dataSource.query(`SELECT id, last_seen_at FROM user_sessions WHERE secret_sha256 = sha256(convert_to($1, 'UTF8'))`, [cookie.split('=')[1]]))[0] as
      | { id: string; last_seen_at: Date }
      | undefined;

  it('signs in with e-mail and password, setting an HttpOnly, SameSite=Lax cookie for the whole site that lives 12 hours', async () => {
    const { email, userId } = await tenant.user([{ role: 'admin' }]);
    const before = Date.now();
    const response = await signIn(email.toUpperCase()).expect(200);
    const cookie = sessionCookie(response);
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie.attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/', `Max-Age=${12 * 3600}`]));
    expect(cookie.attributes).not.toContain('Secure');
    expect(response.body).toEqual({
      user: expect.objectContaining({ userId, email, municipalityId: tenant.municipalityId, grants: [{ role: 'admin', organId: null, departmentId: null }] }),
      csrfToken: expect.any(String),
      expiresAt: expect.any(String),
    });
    const lifetime = new Date(response.body.expiresAt).getTime() - before;
    expect(lifetime).toBeGreaterThan(12 * 3600_000 - 60_000);
    expect(lifetime).toBeLessThan(12 * 3600_000 + 60_000);
    // The table keeps a digest of the cookie's secret, never the secret.
    const stored = await testApp.dataSource.query(`SELECT encode(secret_sha256, 'escape') AS secret FROM user_sessions WHERE user_id = $1`, [userId]);
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(cookie.value);
    // Audited as login is: the factory's bearer sign-in, then this one.
    const audit = await testApp.dataSource.query(`SELECT count(*)::int AS count FROM audit_entries WHERE entity_id = $1 AND action = 'login'`, [userId]);
    expect(audit[0].count).toBe(2);
  });

  it('answers the session on load, with the same CSRF token every time so that two tabs work, and 401 without the cookie', async () => {
    const { email, token } = await tenant.user();
    const browser = await browserOf(email);
    const first = await getSession(browser).expect(200);
    const second = await getSession(browser).expect(200);
    expect(first.body).toMatchObject({ user: { email }, csrfToken: browser.csrfToken, signedInWith: { method: 'password', providerName: null } });
    expect(second.body.csrfToken).toBe(browser.csrfToken);
    const otherBrowser = await browserOf(email);
    expect(otherBrowser.csrfToken).not.toBe(browser.csrfToken);

    await testApp.http().get('/api/v1/auth/session').expect(401);
    await testApp.http().get('/api/v1/auth/session').set('Cookie', 'namndrum_session=not-a-session').expect(401);
    const bearer = await testApp.http().get('/api/v1/auth/session').set('Authorization', `Bearer ${token}`).expect(401);
    expect(bearer.body.message).toBe('Ingen inloggning i webbläsaren: logga in med e-post och lösenord');
    await testApp.http().get('/api/v1/auth/me').set('Cookie', browser.cookie).expect(200);
  });

  it('refuses a cookie-signed write without the CSRF token, with a wrong one or another session\'s, changing nothing, and takes it with the right one', async () => {
    const { email } = await tenant.user([{ role: 'admin' }]);
    const browser = await browserOf(email);
    const otherBrowser = await browserOf(email);
    const before = await organCount();

    const missing = await createOrgan('CSRF-A').set('Cookie', browser.cookie).expect(403);
    expect(missing.body).toMatchObject(CSRF_REFUSAL);
    await createOrgan('CSRF-B').set('Cookie', browser.cookie).set('X-CSRF-Token', `${browser.csrfToken}x`).expect(403);
    await createOrgan('CSRF-C').set('Cookie', browser.cookie).set('X-CSRF-Token', otherBrowser.csrfToken).expect(403);
    expect(await organCount()).toBe(before);

    await createOrgan('CSRF-D').set('Cookie', browser.cookie).set('X-CSRF-Token', browser.csrfToken).expect(201);
    expect(await organCount()).toBe(before + 1);
  });

  it('takes a bearer-signed write without a CSRF token, as integrations send them', async () => {
    const { token } = await tenant.user([{ role: 'admin' }]);
    const before = await organCount();
    await createOrgan('BEARER').set('Authorization', `Bearer ${token}`).expect(201);
    expect(await organCount()).toBe(before + 1);
  });

  it('signs out: the session ends server-side, the cookie is cleared, and the old cookie is refused if replayed', async () => {
    const { email, userId } = await tenant.user();
    const browser = await browserOf(email);
    const otherBrowser = await browserOf(email);
    const refused = await testApp.http().delete('/api/v1/auth/session').set('Cookie', browser.cookie).expect(403);
    expect(refused.body).toMatchObject(CSRF_REFUSAL);
    await getSession(browser).expect(200);

    const signedOut = await testApp.http().delete('/api/v1/auth/session').set('Cookie', browser.cookie).set('X-CSRF-Token', browser.csrfToken).expect(200);
    // Signed in with a password: nothing more to sign out of elsewhere.
    expect(signedOut.body).toEqual({ endSessionUrl: null });
    const cleared = sessionCookie(signedOut);
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toEqual(expect.arrayContaining(['Max-Age=0', 'Path=/', 'HttpOnly', 'SameSite=Lax']));
    await getSession(browser).expect(401);
    await testApp.http().get('/api/v1/auth/me').set('Cookie', browser.cookie).expect(401);
    await getSession(otherBrowser).expect(200);
    const audit = await testApp.dataSource.query(`SELECT count(*)::int AS count FROM audit_entries WHERE entity_id = $1 AND action = 'logout'`, [userId]);
    expect(audit[0].count).toBe(1);
  });

  it('deletes a user\'s ended sessions when they sign in again, keeping the live ones', async () => {
    const { email, userId } = await tenant.user();
    const signedOut = await browserOf(email);
    const expired = await browserOf(email);
    const live = await browserOf(email);
    await testApp.http().delete('/api/v1/auth/session').set('Cookie', signedOut.cookie).set('X-CSRF-Token', signedOut.csrfToken).expect(200);
    await testApp.dataSource.query(`UPDATE user_sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [(await sessionRow(expired.cookie))!.id]);
    await browserOf(email);
    const rows = await testApp.dataSource.query(`SELECT id FROM user_sessions WHERE user_id = $1`, [userId]);
    expect(rows).toHaveLength(2);
    expect(await sessionRow(live.cookie)).toBeDefined();
    await getSession(live).expect(200);
  });

  it('ends a session 12 hours after sign-in however much it is used, and after 2 hours unused', async () => {
    const { email } = await tenant.user();
    const expiring = await browserOf(email);
    await getSession(expiring).expect(200);
    await testApp.dataSource.query(`UPDATE user_sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [(await sessionRow(expiring.cookie))!.id]);
    await getSession(expiring).expect(401);

    const idle = await browserOf(email);
    const idleId = (await sessionRow(idle.cookie))!.id;
    await testApp.dataSource.query(`UPDATE user_sessions SET last_seen_at = now() - interval '1 hour 59 minutes' WHERE id = $1`, [idleId]);
    await getSession(idle).expect(200);
    await testApp.dataSource.query(`UPDATE user_sessions SET last_seen_at = now() - interval '2 hours 1 second' WHERE id = $1`, [idleId]);
    await getSession(idle).expect(401);
  });

  it('keeps a used session alive, writing its last use at most once a minute', async () => {
    const { email } = await tenant.user();
    const browser = await browserOf(email);
    const { id } = (await sessionRow(browser.cookie))!;
    await testApp.dataSource.query(`UPDATE user_sessions SET last_seen_at = now() - interval '30 seconds' WHERE id = $1`, [id]);
    const recent = (await sessionRow(browser.cookie))!.last_seen_at;
    await getSession(browser).expect(200);
    expect((await sessionRow(browser.cookie))!.last_seen_at).toEqual(recent);

    await testApp.dataSource.query(`UPDATE user_sessions SET last_seen_at = now() - interval '90 minutes' WHERE id = $1`, [id]);
    await getSession(browser).expect(200);
    const refreshed = (await sessionRow(browser.cookie))!.last_seen_at;
    expect(Date.now() - refreshed.getTime()).toBeLessThan(60_000);
  });

  it('refuses the session of a user deactivated since', async () => {
    const admin = await tenant.user([{ role: 'admin' }]);
    const clerk = await tenant.user();
    const browser = await browserOf(clerk.email);
    await getSession(browser).expect(200);
    await testApp.http().patch(`/api/v1/users/${clerk.userId}`).set('Authorization', `Bearer ${admin.token}`).send({ active: false }).expect(200);
    await getSession(browser).expect(401);
  });

  it('ends every other session on a password change but gives this browser a fresh session, so it stays signed in', async () => {
    const { email, token } = await tenant.user();
    const browser = await browserOf(email);
    const otherBrowser = await browserOf(email);
    const changePassword = () => testApp.http().post('/api/v1/auth/password').set('Cookie', browser.cookie).send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    await changePassword().expect(403);

    const changed = await changePassword().set('X-CSRF-Token', browser.csrfToken).expect(200);
    const fresh = `namndrum_session=${sessionCookie(changed).value}`;
    expect(fresh).not.toBe(browser.cookie);
    const renewed = await testApp.http().get('/api/v1/auth/session').set('Cookie', fresh).expect(200);
    expect(renewed.body.user.email).toBe(email);
    expect(renewed.body.csrfToken).not.toBe(browser.csrfToken);
    await getSession(browser).expect(401);
    await getSession(otherBrowser).expect(401);
    await testApp.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    await testApp.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${changed.body.accessToken}`).expect(200);
    await signIn(email, NEW_PASSWORD).expect(200);
  });

  it('refuses a wrong password with 401 and the Swedish message of login, and a form post with 415, setting no cookie', async () => {
    const { email } = await tenant.user();
    const wrong = await signIn(email, 'not-the-password').expect(401);
    expect(wrong.body).toMatchObject({ statusCode: 401, error: 'UNAUTHENTICATED', message: 'Fel e-postadress eller lösenord' });
    expect(wrong.headers['set-cookie']).toBeUndefined();
    // A form another site's page posts would sign this browser in to the account the page chose.
    const form = await testApp.http().post('/api/v1/auth/session').type('form').send({ email, password: TEST_PASSWORD }).expect(415);
    expect(form.body).toMatchObject({ error: 'UNSUPPORTED_MEDIA_TYPE', message: 'Inloggningen ska skickas som JSON (Content-Type: application/json)' });
    expect(form.headers['set-cookie']).toBeUndefined();
    const invalid = await testApp.http().post('/api/v1/auth/session').send({ email: 'not-an-email', password: 'x', remember: true }).expect(400);
    expect(invalid.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['email', 'remember']);
  });

  it('serves the justering page a script that signs in with the session cookie and keeps no token in any storage', async () => {
    const script = (await testApp.http().get('/protokoll/justering.js').expect(200)).text;
    expect(script).toContain("'/auth/session', { method: 'POST'");
    expect(script).toContain("fetch('/api/v1/auth/session'");
    expect(script).toContain("'X-CSRF-Token': csrfToken");
    expect(script).not.toMatch(/sessionStorage|localStorage|Authorization|auth\/login/);
  });

  it('limits session sign-ins with the same counter as login', async () => {
    const { email } = await tenant.user();
    for (let attempt = 1; attempt < 10; attempt += 1) {
      await (attempt % 2 ? signIn(email, 'guess') : testApp.http().post('/api/v1/auth/login').send({ email, password: 'guess' })).expect(401);
    }
    const blocked = await signIn(email, 'guess').expect(429);
    expect(blocked.body).toMatchObject({ error: 'TOO_MANY_REQUESTS', message: expect.stringContaining('För många inloggningsförsök') });
    expect(blocked.headers['retry-after']).toMatch(/^\d+$/);
    await signIn(email).expect(429);
  });
});

describe('the session cookie where COOKIE_SECURE says so', () => {
  let testApp: TestApp;
  const saved = process.env.COOKIE_SECURE;

  beforeAll(async () => {
    process.env.COOKIE_SECURE = 'true';
    testApp = await createTestApp();
  });

  afterAll(async () => {
    await testApp.close();
    if (saved === undefined) delete process.env.COOKIE_SECURE;
    else process.env.COOKIE_SECURE = saved;
  });

  it('marks the cookie Secure, so the browser sends it over HTTPS only', async () => {
    const { email } = await (await createTenant(testApp)).user();
    const response = await testApp.http().post('/api/v1/auth/session').send({ email, password: TEST_PASSWORD }).expect(200);
    expect(sessionCookie(response).attributes).toEqual(expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Lax']));
  });
});
