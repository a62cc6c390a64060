import { hashPassword, User, UserRoleGrant } from '@namndrum/identity';
import { createTenant, Tenant, TEST_PASSWORD } from './factories/tenant.factory';
import { createTestApp, TestApp } from './support/test-app';

describe('tenant isolation: a user never sees another municipality', () => {
  let testApp: TestApp;
  let mine: Tenant;
  let theirs: Tenant;
  let myAdmin: string;
  let theirOrganId: string;
  let theirPersonId: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    mine = await createTenant(testApp, 'Egen kommun');
    theirs = await createTenant(testApp, 'Annan kommun');
    myAdmin = (await mine.user([{ role: 'admin' }])).token;
    theirOrganId = await theirs.organ({ name: 'Grannarnas nämnd', shortName: 'GRANN' });
    theirPersonId = await theirs.person({ firstName: 'Granne', lastName: 'Grannsson' });
  });

  afterAll(() => testApp.close());

  const get = (path: string) => testApp.http().get(path).set('Authorization', `Bearer ${myAdmin}`);

  it("answers 404, not 403, for another municipality's records", async () => {
    for (const path of [
      `/api/v1/organs/${theirOrganId}`,
      `/api/v1/organs/${theirOrganId}/composition`,
      `/api/v1/persons/${theirPersonId}`,
      `/api/v1/persons/${theirPersonId}/seats`,
      `/api/v1/terms/${theirs.termId}`,
      `/api/v1/departments/${theirs.departmentId}`,
      `/api/v1/municipalities/${theirs.municipalityId}`,
    ]) {
      const response = await get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
  });

  it('lists only its own municipality', async () => {
    const organs = await get('/api/v1/organs?pageSize=200').expect(200);
    expect(organs.body.items.map((organ: { id: string }) => organ.id)).not.toContain(theirOrganId);
    const municipalities = await get('/api/v1/municipalities').expect(200);
    expect(municipalities.body.items.map((m: { id: string }) => m.id)).toEqual([mine.municipalityId]);
    const persons = await get('/api/v1/persons?q=Grannsson').expect(200);
    expect(persons.body.total).toBe(0);
  });

  it('lets a system administrator, who belongs to no municipality, list and read every municipality', async () => {
    const email = `system-${Date.now()}@test.example`;
    const users = testApp.dataSource.getRepository(User);
    const systemAdmin = users.create({ municipalityId: null, email, passwordHash: await hashPassword(TEST_PASSWORD), personId: null, active: true, lastLoginAt: null });
    systemAdmin.grants = [Object.assign(new UserRoleGrant(), { role: 'system_admin', organId: null, departmentId: null })];
    await users.save(systemAdmin);
    const login = await testApp.http().post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    const as = (path: string) => testApp.http().get(path).set('Authorization', `Bearer ${login.body.accessToken}`);

    const listed = await as('/api/v1/municipalities?pageSize=200').expect(200);
    expect(listed.body.items.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining([mine.municipalityId, theirs.municipalityId]));
    await as(`/api/v1/municipalities/${theirs.municipalityId}`).expect(200);
    // Seeing the municipalities is not reading their registers.
    await as('/api/v1/organs').expect(403);
  });

  it("cannot change another municipality's data, and leaves it unchanged", async () => {
    await testApp.http().patch(`/api/v1/organs/${theirOrganId}`).set('Authorization', `Bearer ${myAdmin}`).send({ name: 'Kapad' }).expect(404);
    const organ = await theirs.run((ctx) => ctx.em.query('SELECT name FROM organs WHERE id = $1', [theirOrganId]));
    expect(organ[0].name).toBe('Grannarnas nämnd');
  });

  it("cannot refer to another municipality's records from its own", async () => {
    const myOrganId = await mine.organ();
    const seat = await testApp
      .http()
      .post('/api/v1/memberships')
      .set('Authorization', `Bearer ${myAdmin}`)
      .send({ personId: theirPersonId, organId: myOrganId, termId: mine.termId, role: 'member' })
      .expect(404);
    expect(seat.body.message).toBe('Personen hittades inte');
    await testApp
      .http()
      .post('/api/v1/organs')
      .set('Authorization', `Bearer ${myAdmin}`)
      .send({ name: 'Utskott', shortName: 'UTSK', kind: 'subcommittee', parentOrganId: theirOrganId })
      .expect(404);
    await testApp
      .http()
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${myAdmin}`)
      .send({ email: 'cross@test.example', password: 'long-enough-password', grants: [{ role: 'secretary', organId: theirOrganId }] })
      .expect(404);
  });

  it("hides another municipality's users and audit entries", async () => {
    const theirAdmin = await theirs.user([{ role: 'admin' }]);
    await get(`/api/v1/users/${theirAdmin.userId}`).expect(404);
    const audit = await get(`/api/v1/audit-entries?entityId=${theirOrganId}`).expect(200);
    expect(audit.body.total).toBe(0);
  });
});
