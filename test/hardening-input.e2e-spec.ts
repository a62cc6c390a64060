import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { createTenant, Tenant } from './factories/tenant.factory';
import { MeetingWorld, meetingWorld } from './support/meeting-fixture';
import { createTestApp, TestApp } from './support/test-app';

/** The one error shape, with the named field among its details. */
function expectRefused(response: Response, field?: string): void {
  expect(response.status).toBe(400);
  expect(response.body).toMatchObject({ statusCode: 400, error: expect.any(String), message: expect.any(String) });
  expect(response.body.requestId).toEqual(expect.stringMatching(/.+/));
  expect(response.body.message).toMatch(/[åäöÅÄÖ]|Ogiltig/);
  if (field) {
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(response.body.message).toContain(field);
  }
}

describe('hardening: no input breaks the server', () => {
  let testApp: TestApp;
  let tenant: Tenant;
  let world: MeetingWorld;
  let token: string;

  const matterCount = async () => Number((await testApp.dataSource.query('SELECT count(*) AS n FROM matters WHERE municipality_id = $1', [tenant.municipalityId]))[0].n);
  const rawPost = (path: string, body: string) =>
    testApp.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json').send(body);
  const newMatter = (title: string) => JSON.stringify({ registryId: world.registryId, title, departmentId: tenant.departmentId, organId: world.organId });

  beforeAll(async () => {
    testApp = await createTestApp();
    tenant = await createTenant(testApp, 'Härdkommun');
    world = await meetingWorld(testApp, tenant);
    token = (await tenant.user([{ role: 'admin' }])).token;
  });

  afterAll(() => testApp.close());

  describe('numbers too large for the database', () => {
    it.each([
      ['/meetings?page=1e20', 'page'],
      ['/meetings?page=99999999999', 'page'],
      ['/matters?page=99999999999', 'page'],
      ['/meetings?pageSize=1e20', 'pageSize'],
    ])('refuses %s naming the field', async (path, field) => {
      expectRefused(await world.admin.get(path), field);
    });

    it('refuses a document number too large inside a case number, whether or not the matter exists', async () => {
      const { caseNumber } = await world.signedMatter('Ärende med stort handlingsnummer');
      expectRefused(await world.admin.get(`/matters/lookup?caseNumber=${encodeURIComponent(`${caseNumber}-99999999999`)}`), 'caseNumber');
      expectRefused(await world.admin.get(`/matters/lookup?caseNumber=${encodeURIComponent('SUN 2026/9999-99999999999')}`), 'caseNumber');
    });

    it('refuses a year too large in a path', async () => {
      expectRefused(await world.admin.get(`/goal-nodes/${randomUUID()}/evaluation/99999999999`), 'year');
    });
  });

  describe('text PostgreSQL cannot store', () => {
    it('refuses a NUL character in a body field and writes nothing', async () => {
      const before = await matterCount();
      expectRefused(await rawPost('/matters', newMatter('Bygglov\u0000för skola')), 'title');
      expect(await matterCount()).toBe(before);
    });

    it('refuses a NUL character in a query parameter', async () => {
      expectRefused(await world.admin.get('/matters?q=skola%00'), 'q');
    });

    it('refuses a NUL character in a path parameter', async () => {
      expectRefused(await testApp.http().get('/anslagstavla/12%0034'), 'code');
      expectRefused(await world.admin.get('/meetings/abc%00'), 'id');
    });

    it('refuses a lone surrogate in a body field and writes nothing', async () => {
      const before = await matterCount();
      expectRefused(await rawPost('/matters', '{"registryId":"' + world.registryId + '","title":"Skola \\ud800","departmentId":"' + tenant.departmentId + '","organId":"' + world.organId + '"}'), 'title');
      expect(await matterCount()).toBe(before);
    });

    it('refuses a lone surrogate in the e-mail of a sign-in without a token', async () => {
      const response = await testApp.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email":"\\udc00anna@example.se","password":"whatever-123"}');
      expectRefused(response, 'email');
    });
  });

  describe('bodies that are not sensible JSON', () => {
    it('refuses JSON nested 100,000 deep at once, and writes nothing', async () => {
      const before = await matterCount();
      const arrays = '['.repeat(100_000) + ']'.repeat(100_000);
      expectRefused(await rawPost('/matters', arrays));
      const objects = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
      expectRefused(await rawPost('/matters', objects));
      expect(await matterCount()).toBe(before);
    });

    it('accepts nesting a real document needs, and brackets inside strings', async () => {
      const before = await matterCount();
      await rawPost('/matters', newMatter('[[[[{{{{ "klamrar" ' + '['.repeat(150))).expect(201);
      expect(await matterCount()).toBe(before + 1);
    });

    it('answers malformed JSON in Swedish with a request id', async () => {
      const response = await rawPost('/matters', '{"title": "Skola",');
      expectRefused(response);
      expect(response.body.error).toBe('MALFORMED_JSON');
      expect(response.body.message).toBe('Begärans innehåll är inte giltig JSON');
      expect(response.body.requestId).toEqual(expect.stringMatching(/.+/));
      expect(response.body.requestId).toBe(response.headers['x-request-id']);
      // Field-less: the fault is in the document as a whole; the detail says where the parser stopped.
      expect(response.body.details).toEqual([{ field: '', messages: [expect.stringMatching(/^JSON-texten tar slut för tidigt|^Oväntat tecken/)] }]);
    });

    it('answers malformed JSON on the goal import like every other route', async () => {
      const response = await rawPost('/goal-frameworks/import', '{"formatVersion": 1, "framework": {"key": "x",, }}');
      expectRefused(response);
      expect(response.body).toEqual({
        statusCode: 400,
        error: 'MALFORMED_JSON',
        message: 'Begärans innehåll är inte giltig JSON',
        details: [{ field: '', messages: [expect.stringMatching(/^Oväntat tecken/)] }],
        requestId: response.headers['x-request-id'],
      });
    });
  });

  describe('methods', () => {
    it('answers 405 with Allow for a method no route of an existing path supports', async () => {
      const meetings = await world.admin.patch('/meetings', {});
      expect(meetings.status).toBe(405);
      expect(meetings.headers.allow).toBe('GET, POST');
      expect(meetings.body).toMatchObject({ statusCode: 405, error: 'METHOD_NOT_ALLOWED', message: 'Metoden stöds inte för den här adressen' });
      expect(meetings.body.requestId).toEqual(expect.stringMatching(/.+/));

      const login = await testApp.http().delete('/api/v1/auth/login');
      expect(login.status).toBe(405);
      expect(login.headers.allow).toBe('POST');

      const meeting = await world.admin.post(`/meetings/${randomUUID()}`, {});
      expect(meeting.status).toBe(405);
      expect(meeting.headers.allow).toBe('GET, PATCH');
    });

    it('keeps 404 for a path that does not exist', async () => {
      const response = await world.admin.get('/no-such-resource');
      expect(response.status).toBe(404);
      expect(response.headers.allow).toBeUndefined();
    });
  });
});
