import { createTenant, Tenant } from './factories/tenant.factory';
import { createTestApp, TestApp } from './support/test-app';

describe('audit log', () => {
  let testApp: TestApp;
  let tenant: Tenant;
  let admin: { token: string; userId: string };

  beforeAll(async () => {
    testApp = await createTestApp();
    tenant = await createTenant(testApp);
    admin = await tenant.user([{ role: 'admin' }]);
  });

  afterAll(() => testApp.close());

  const auth = () => ({ Authorization: `Bearer ${admin.token}` });

  it('records who changed what, with the state before and after', async () => {
    const created = await testApp.http().post('/api/v1/departments').set(auth()).send({ name: 'Kulturförvaltningen', shortCode: 'KUF', kind: 'administration' }).expect(201);
    await testApp.http().patch(`/api/v1/departments/${created.body.id}`).set(auth()).send({ name: 'Kultur- och fritidsförvaltningen' }).expect(200);

    const log = await testApp.http().get(`/api/v1/audit-entries?entityType=Department&entityId=${created.body.id}`).set(auth()).expect(200);
    expect(log.body.total).toBe(2);
    const [update, create] = log.body.items;
    expect(create).toMatchObject({ action: 'create', entityType: 'Department', actorUserId: admin.userId, before: null, after: expect.objectContaining({ name: 'Kulturförvaltningen' }) });
    expect(update).toMatchObject({
      action: 'update',
      actorUserId: admin.userId,
      before: expect.objectContaining({ name: 'Kulturförvaltningen' }),
      after: expect.objectContaining({ name: 'Kultur- och fritidsförvaltningen' }),
    });
    expect(update.requestId).toEqual(expect.any(String));
  });

  it('writes nothing, neither row nor audit entry, when a request fails', async () => {
    const before = await testApp.http().get('/api/v1/audit-entries?entityType=Organ').set(auth()).expect(200);
    await testApp.http().post('/api/v1/organs').set(auth()).send({ name: 'Utskott', shortName: 'UTAN', kind: 'subcommittee' }).expect(400);
    const after = await testApp.http().get('/api/v1/audit-entries?entityType=Organ').set(auth()).expect(200);
    expect(after.body.total).toBe(before.body.total);
    const organs = await testApp.http().get('/api/v1/organs?q=UTAN').set(auth()).expect(200);
    expect(organs.body.total).toBe(0);
  });

  it('rolls back what a request already wrote when a later step of it fails', async () => {
    const organId = await tenant.organ();
    const user = await tenant.user([{ role: 'secretary', organId }]);
    // Replacing the grants deletes the old ones before the new organ is found missing: the 404 must undo the delete.
    await testApp
      .http()
      .patch(`/api/v1/users/${user.userId}`)
      .set(auth())
      .send({ grants: [{ role: 'secretary', organId: '00000000-0000-4000-8000-000000000000' }] })
      .expect(404);
    const reloaded = await testApp.http().get(`/api/v1/users/${user.userId}`).set(auth()).expect(200);
    expect(reloaded.body.grants).toEqual([expect.objectContaining({ role: 'secretary', organId })]);
    const log = await testApp.http().get(`/api/v1/audit-entries?entityType=User&entityId=${user.userId}&action=update`).set(auth()).expect(200);
    expect(log.body.total).toBe(0);
  });

  it('is append-only: the database refuses to change or delete entries', async () => {
    await expect(testApp.dataSource.query(`UPDATE audit_entries SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(testApp.dataSource.query('DELETE FROM audit_entries')).rejects.toThrow(/append-only/);
  });

  it('never stores password hashes', async () => {
    const user = await tenant.user();
    const log = await testApp.http().get(`/api/v1/audit-entries?entityType=User&entityId=${user.userId}`).set(auth()).expect(200);
    expect(log.body.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(log.body)).not.toMatch(/passwordHash|argon2/);
  });

  it('is readable by admins only, filterable and paginated', async () => {
    const secretary = await tenant.user([{ role: 'secretary', organId: await tenant.organ() }]);
    await testApp.http().get('/api/v1/audit-entries').set('Authorization', `Bearer ${secretary.token}`).expect(403);
    const page = await testApp.http().get('/api/v1/audit-entries?pageSize=1&page=2').set(auth()).expect(200);
    expect(page.body).toMatchObject({ page: 2, pageSize: 1, items: [expect.any(Object)] });
    await testApp.http().get('/api/v1/audit-entries?entityId=not-a-uuid').set(auth()).expect(400);
  });
});
