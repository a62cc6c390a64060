import { createTenant, Tenant, TEST_PASSWORD } from './factories/tenant.factory';
import { createTestApp, TestApp } from './support/test-app';

describe('identity: login, tokens and permissions', () => {
  let testApp: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    testApp = await createTestApp();
    tenant = await createTenant(testApp);
  });

  afterAll(() => testApp.close());

  it('signs in with e-mail and password and returns a bearer token that opens the API', async () => {
    const { email } = await tenant.user([{ role: 'admin' }]);
    const login = await testApp.http().post('/api/v1/auth/login').send({ email: email.toUpperCase(), password: TEST_PASSWORD }).expect(200);
    expect(login.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 8 * 3600 });
    const me = await testApp.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ email, municipalityId: tenant.municipalityId, grants: [{ role: 'admin', organId: null, departmentId: null }] });
  });

  it('refuses a wrong password or an unknown e-mail with 401 and the same Swedish message', async () => {
    const { email } = await tenant.user();
    const wrong = await testApp.http().post('/api/v1/auth/login').send({ email, password: 'not-the-password' }).expect(401);
    const unknown = await testApp.http().post('/api/v1/auth/login').send({ email: 'nobody@test.example', password: 'x' }).expect(401);
    expect(wrong.body).toMatchObject({ statusCode: 401, error: 'UNAUTHENTICATED', message: 'Fel e-postadress eller lösenord' });
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('rejects a login body with unknown or missing fields, naming them', async () => {
    const response = await testApp.http().post('/api/v1/auth/login').send({ email: 'not-an-email', password: 'x', remember: true }).expect(400);
    expect(response.body.error).toBe('BAD_REQUEST');
    expect(response.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['email', 'remember']);
    expect(response.body.message).toContain('email');
  });

  it('limits login attempts per address and e-mail with 429 and a Swedish message, counted in Redis', async () => {
    const { email } = await tenant.user();
    for (let attempt = 1; attempt < 10; attempt += 1) {
      await testApp.http().post('/api/v1/auth/login').send({ email, password: 'guess' }).expect(401);
    }
    const blocked = await testApp.http().post('/api/v1/auth/login').send({ email, password: 'guess' }).expect(429);
    expect(blocked.body).toMatchObject({ statusCode: 429, error: 'TOO_MANY_REQUESTS', message: expect.stringContaining('För många') });
    await testApp.http().post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(429);
    const otherUser = await tenant.user();
    await testApp.http().post('/api/v1/auth/login').send({ email: otherUser.email, password: TEST_PASSWORD }).expect(200);
  });

  it('answers 401 without a token or with a forged one', async () => {
    await testApp.http().get('/api/v1/organs').expect(401);
    await testApp.http().get('/api/v1/organs').set('Authorization', 'Bearer not.a.jwt').expect(401);
  });

  it('stops a deactivated user at once, even with a token issued before', async () => {
    const admin = await tenant.user([{ role: 'admin' }]);
    const clerk = await tenant.user([{ role: 'case_officer', departmentId: tenant.departmentId }]);
    await testApp.http().get('/api/v1/organs').set('Authorization', `Bearer ${clerk.token}`).expect(200);
    await testApp.http().patch(`/api/v1/users/${clerk.userId}`).set('Authorization', `Bearer ${admin.token}`).send({ active: false }).expect(200);
    await testApp.http().get('/api/v1/organs').set('Authorization', `Bearer ${clerk.token}`).expect(401);
    await testApp.http().post('/api/v1/auth/login').send({ email: clerk.email, password: TEST_PASSWORD }).expect(401);
  });

  it('answers 403 when the role lacks the permission', async () => {
    const officer = await tenant.user([{ role: 'case_officer', departmentId: tenant.departmentId }]);
    const response = await testApp.http().get('/api/v1/users').set('Authorization', `Bearer ${officer.token}`).expect(403);
    expect(response.body).toMatchObject({ statusCode: 403, error: 'FORBIDDEN', message: 'Du saknar behörighet för detta' });
  });

  it('derives member and chair roles from the seats of the linked person', async () => {
    const organId = await tenant.organ({ shortName: 'IDN' });
    const personId = await tenant.person();
    await tenant.seat({ personId, organId, role: 'member', position: 'chair', validFrom: '2023-01-01', validTo: '2026-12-31' });
    const chair = await tenant.user([], personId);
    const me = await testApp.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${chair.token}`).expect(200);
    const today = new Date().toISOString().slice(0, 10);
    const expected = today <= '2026-12-31' ? expect.arrayContaining([{ role: 'member', organId, organShortName: 'IDN' }, { role: 'chair', organId, organShortName: 'IDN' }]) : [];
    expect(me.body.seatRoles).toEqual(expected);
  });

  describe('users', () => {
    it('lets an admin create a secretary scoped to an organ, and that user sign in', async () => {
      const admin = await tenant.user([{ role: 'admin' }]);
      const organId = await tenant.organ();
      const created = await testApp
        .http()
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${admin.token}`)
        .send({ email: 'new.secretary@test.example', password: 'long-enough-password', grants: [{ role: 'secretary', organId }] })
        .expect(201);
      expect(created.body).toMatchObject({ email: 'new.secretary@test.example', municipalityId: tenant.municipalityId, active: true });
      expect(created.body.grants).toEqual([expect.objectContaining({ role: 'secretary', organId, departmentId: null })]);
      expect(created.body).not.toHaveProperty('passwordHash');
      await testApp.http().post('/api/v1/auth/login').send({ email: 'new.secretary@test.example', password: 'long-enough-password' }).expect(200);
    });

    it('refuses a secretary grant without an organ, and a duplicate e-mail with 409', async () => {
      const admin = await tenant.user([{ role: 'admin' }]);
      const bad = await testApp
        .http()
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${admin.token}`)
        .send({ email: 'scope@test.example', password: 'long-enough-password', grants: [{ role: 'secretary' }] })
        .expect(400);
      expect(bad.body.error).toBe('GRANT_SCOPE');
      const duplicate = await testApp
        .http()
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${admin.token}`)
        .send({ email: admin.email, password: 'long-enough-password' })
        .expect(409);
      expect(duplicate.body.error).toBe('USER_EMAIL_TAKEN');
    });

    it('never grants system_admin through the API', async () => {
      const admin = await tenant.user([{ role: 'admin' }]);
      await testApp
        .http()
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${admin.token}`)
        .send({ email: 'escalate@test.example', password: 'long-enough-password', grants: [{ role: 'system_admin' }] })
        .expect(400);
    });
  });
});
