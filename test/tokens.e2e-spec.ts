import { createHmac, randomUUID } from 'node:crypto';
import { AppConfig } from '@namndrum/core';
import { createTenant, Tenant, TEST_PASSWORD } from './factories/tenant.factory';
import { binaryParser } from './support/files';
import { meetingWorld, stockholmDaysFromNow } from './support/meeting-fixture';
import { createTestApp, TestApp } from './support/test-app';

const NEW_PASSWORD = 'a-new-password-456';

/** A JWT signed with HS256 (or not at all), to present tokens the API never issued. */
function signedToken(payload: object, secret: string | null, algorithm: 'HS256' | 'none' = 'HS256'): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const unsigned = `${encode({ alg: algorithm, typ: 'JWT' })}.${encode(payload)}`;
  const signature = secret === null ? '' : createHmac('sha256', secret).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

/** Inline scripts are what a Content Security Policy without 'unsafe-inline' would block. */
const inlineScripts = (html: string) => html.match(/<script(?![^>]*\bsrc=)[^>]*>/gi) ?? [];
const scriptSources = (html: string) => [...html.matchAll(/<script[^>]*\bsrc=["']([^"']+)["']/gi)].map((match) => match[1]);

describe('tokens, sign-in limits, caching and the content security policy', () => {
  let testApp: TestApp;
  let tenant: Tenant;
  const saved = { TRUST_PROXY: process.env.TRUST_PROXY, LOGIN_RATE_LIMIT: process.env.LOGIN_RATE_LIMIT };

  beforeAll(async () => {
    // Behind a proxy on loopback, as in production behind a load balancer; a per-address limit below the per-account one.
    process.env.TRUST_PROXY = 'loopback';
    process.env.LOGIN_RATE_LIMIT = '5';
    testApp = await createTestApp();
    tenant = await createTenant(testApp);
  });

  afterAll(async () => {
    await testApp.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  const me = (token: string) => testApp.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
  const login = (email: string, password: string, address = '127.0.0.1') =>
    testApp.http().post('/api/v1/auth/login').set('X-Forwarded-For', address).send({ email, password });

  describe('revocation', () => {
    it('refuses every token issued before a user changes their own password, and answers the change with a fresh token', async () => {
      const user = await tenant.user();
      const second = (await login(user.email, TEST_PASSWORD).expect(200)).body.accessToken as string;
      await me(user.token).expect(200);

      const changed = await testApp
        .http()
        .post('/api/v1/auth/password')
        .set('Authorization', `Bearer ${user.token}`)
        .send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })
        .expect(200);

      expect(changed.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 8 * 3600 });
      await me(user.token).expect(401);
      await me(second).expect(401);
      await me(changed.body.accessToken).expect(200);
      await login(user.email, TEST_PASSWORD).expect(401);
      const fresh = (await login(user.email, NEW_PASSWORD).expect(200)).body.accessToken as string;
      await me(fresh).expect(200);
    });

    it('refuses to change the password when the current one is wrong, naming the field, and changes nothing', async () => {
      const user = await tenant.user();
      const refused = await testApp
        .http()
        .post('/api/v1/auth/password')
        .set('Authorization', `Bearer ${user.token}`)
        .send({ currentPassword: 'not-the-password', newPassword: NEW_PASSWORD })
        .expect(400);
      expect(refused.body).toMatchObject({ statusCode: 400, error: 'WRONG_PASSWORD', message: 'Det nuvarande lösenordet stämmer inte', details: [{ field: 'currentPassword' }] });
      await me(user.token).expect(200);
      await login(user.email, TEST_PASSWORD).expect(200);
    });

    it("refuses every token issued before an admin resets a user's password", async () => {
      const admin = await tenant.user([{ role: 'admin' }]);
      const user = await tenant.user();
      await me(user.token).expect(200);
      await testApp.http().patch(`/api/v1/users/${user.userId}`).set('Authorization', `Bearer ${admin.token}`).send({ password: NEW_PASSWORD }).expect(200);
      await me(user.token).expect(401);
      await me(admin.token).expect(200);
      const fresh = (await login(user.email, NEW_PASSWORD).expect(200)).body.accessToken as string;
      await me(fresh).expect(200);
    });

    it('keeps the tokens of a deactivated user refused after the account is activated again', async () => {
      const admin = await tenant.user([{ role: 'admin' }]);
      const user = await tenant.user();
      const patch = (body: object) => testApp.http().patch(`/api/v1/users/${user.userId}`).set('Authorization', `Bearer ${admin.token}`).send(body).expect(200);
      await patch({ active: false });
      await patch({ active: true });
      await me(user.token).expect(401);
      await login(user.email, TEST_PASSWORD).expect(200);
    });

    it('leaves the tokens alone when an admin changes only the roles', async () => {
      const admin = await tenant.user([{ role: 'admin' }]);
      const user = await tenant.user();
      await testApp.http().patch(`/api/v1/users/${user.userId}`).set('Authorization', `Bearer ${admin.token}`).send({ grants: [{ role: 'admin' }] }).expect(200);
      await me(user.token).expect(200);
    });
  });

  describe('tokens the API did not issue as they are', () => {
    it('refuses a token without an expiry, unsigned or signed with another secret, and accepts the same claims signed properly', async () => {
      const user = await tenant.user();
      const secret = testApp.app.get(AppConfig).JWT_SECRET;
      const { exp: _exp, ...withoutExpiry } = claimsOf(user.token);
      const later = Math.floor(Date.now() / 1000) + 3600;
      await me(signedToken({ ...withoutExpiry, exp: later }, secret)).expect(200);
      await me(signedToken(withoutExpiry, secret)).expect(401);
      await me(signedToken({ ...withoutExpiry, exp: later }, null, 'none')).expect(401);
      await me(signedToken({ ...withoutExpiry, exp: later }, `${secret}-another`)).expect(401);
      await me(signedToken({ ...withoutExpiry, exp: Math.floor(Date.now() / 1000) - 1 }, secret)).expect(401);
    });
  });

  describe('sign-in limits', () => {
    it('slows 100 guesses at one account from 10 addresses: 10 failures in 15 minutes, then 429 with Retry-After for every address', async () => {
      const target = await tenant.user();
      const statuses: number[] = [];
      let refused: Awaited<ReturnType<typeof login>> | undefined;
      for (let round = 0; round < 10; round += 1) {
        for (let address = 1; address <= 10; address += 1) {
          const response = await login(target.email, `guess-${round}-${address}`, `203.0.113.${address}`);
          statuses.push(response.status);
          if (response.status === 429) refused ??= response;
        }
      }
      expect(statuses.filter((status) => status === 401)).toHaveLength(10);
      expect(statuses.filter((status) => status === 429)).toHaveLength(90);
      expect(refused!.body).toMatchObject({ statusCode: 429, error: 'TOO_MANY_REQUESTS', message: expect.stringContaining('För många inloggningsförsök') });
      const retryAfter = Number(refused!.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);

      // The right password from a new address waits too; another account does not.
      await login(target.email, TEST_PASSWORD, '198.51.100.7').expect(429);
      const other = await tenant.user();
      await login(other.email, TEST_PASSWORD, '203.0.113.1').expect(200);
    });

    it('counts guesses sent all at once before any is answered: still 10 failures, the rest 429', async () => {
      const target = await tenant.user();
      const guesses = Array.from({ length: 30 }, (_, index) => login(target.email, `guess-${index}`, `198.51.100.${(index % 10) + 1}`).then((response) => response.status));
      const statuses = await Promise.all(guesses);
      expect(statuses.filter((status) => status === 401)).toHaveLength(10);
      expect(statuses.filter((status) => status === 429)).toHaveLength(20);
    });

    it('does not let a successful sign-in between guesses give the guesser more tries', async () => {
      const target = await tenant.user();
      for (let guess = 1; guess <= 5; guess += 1) await login(target.email, 'guess', `192.0.2.${guess}`).expect(401);
      await login(target.email, TEST_PASSWORD, '192.0.2.100').expect(200);
      for (let guess = 6; guess <= 10; guess += 1) await login(target.email, 'guess', `192.0.2.${guess}`).expect(401);
      await login(target.email, 'guess', '192.0.2.11').expect(429);
    });

    it('limits one address at one account before the account as a whole', async () => {
      const target = await tenant.user();
      for (let guess = 1; guess <= 5; guess += 1) await login(target.email, 'guess', '192.0.2.200').expect(401);
      const blocked = await login(target.email, 'guess', '192.0.2.200').expect(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(60);
      await login(target.email, TEST_PASSWORD, '192.0.2.201').expect(200);
    });

    it("counts wrong current passwords in a password change among the account's failures, so a stolen token cannot guess freely", async () => {
      const target = await tenant.user();
      const change = (currentPassword: string, address: string) =>
        testApp.http().post('/api/v1/auth/password').set('X-Forwarded-For', address).set('Authorization', `Bearer ${target.token}`).send({ currentPassword, newPassword: NEW_PASSWORD });
      for (let guess = 1; guess <= 10; guess += 1) await change(`guess-${guess}`, `198.51.100.${guess}`).expect(400);
      const blocked = await change(TEST_PASSWORD, '198.51.100.11').expect(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(60);
      await login(target.email, TEST_PASSWORD, '198.51.100.12').expect(429);
    });
  });

  describe('caching', () => {
    it('marks API responses, errors and downloads as not to be stored', async () => {
      const world = await meetingWorld(testApp, tenant);
      const user = await tenant.user();
      expect((await me(user.token).expect(200)).headers['cache-control']).toBe('no-store');
      expect((await testApp.http().get('/api/v1/organs').expect(401)).headers['cache-control']).toBe('no-store');
      const { reportId } = await world.signedMatter('Riktlinjer för hemtjänst');
      const download = await world.head.get(`/officer-reports/${reportId}/docx`).buffer(true).parse(binaryParser).expect(200);
      expect(download.headers['content-disposition']).toContain('attachment');
      expect(download.headers['cache-control']).toBe('no-store');
    });
  });

  describe('content security policy', () => {
    it('allows no inline script on any HTML page, and every page loads its scripts from the server', async () => {
      const code = (await testApp.dataSource.query(`SELECT code FROM municipalities WHERE id = $1`, [tenant.municipalityId]))[0].code as string;
      const world = await meetingWorld(testApp, tenant, { domain: 'csp.test.example' });
      const meetingId = await world.meeting(stockholmDaysFromNow(20, '14:00'), stockholmDaysFromNow(20, '16:00'));
      // Only a meeting whose notice has gone out has a public page; sending it needs the worker, which this test is not about.
      await testApp.dataSource.query(`UPDATE meetings SET status = 'notice_sent' WHERE id = $1`, [meetingId]);
      const pages = ['/api/docs', `/protokoll/${randomUUID()}/justering`, `/anslagstavla/${code}`, `/sammantraden/${meetingId}`];
      for (const path of pages) {
        const page = await testApp.http().get(path).redirects(1).expect(200);
        expect(page.headers['content-type']).toContain('text/html');
        const scriptSource = /(?:^|;)\s*script-src ([^;]*)/.exec(page.headers['content-security-policy'])?.[1];
        expect({ path, scriptSource }).toEqual({ path, scriptSource: "'self'" });
        expect({ path, inline: inlineScripts(page.text) }).toEqual({ path, inline: [] });
        for (const source of scriptSources(page.text)) {
          const script = await testApp.http().get(new URL(source, `http://localhost${path}`).pathname).expect(200);
          expect(script.headers['content-type']).toMatch(/javascript/);
        }
      }
      const approval = await testApp.http().get(`/protokoll/${randomUUID()}/justering`).expect(200);
      expect(scriptSources(approval.text)).toEqual(['/protokoll/justering.js']);
      const docs = await testApp.http().get('/api/docs').redirects(1).expect(200);
      expect(scriptSources(docs.text).map((source) => source.split('/').pop())).toEqual(['swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js', 'swagger-ui-init.js']);
    });
  });
});
