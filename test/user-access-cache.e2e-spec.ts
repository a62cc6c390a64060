import { setTimeout as sleep } from 'node:timers/promises';
import { createTenant, Tenant } from './factories/tenant.factory';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Each API process keeps what a bearer token's user may do; PostgreSQL's commit notifications make it
 * forget. Two apps stand for two API processes: a change made through one, or straight in the
 * database, must stop working in the other without waiting for the cache's 30-second safety bound.
 */
describe('access a user lost stops working in every API process', () => {
  let first: TestApp;
  let second: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    first = await createTestApp();
    second = await createTestApp();
    tenant = await createTenant(first);
  });

  afterAll(async () => {
    await first.close();
    await second.close();
  });

  const users = (app: TestApp, token: string) => app.http().get('/api/v1/users').set('Authorization', `Bearer ${token}`);

  /**
   * The status the app answers, asked again until it gives the expected one or five seconds have
   * passed: time for a notification on a loaded machine, far below the cache's 30-second bound.
   */
  async function answersSoon(ask: () => Promise<{ status: number }>, expected: number): Promise<number> {
    const deadline = Date.now() + 5000;
    let status = (await ask()).status;
    while (status !== expected && Date.now() < deadline) {
      await sleep(50);
      status = (await ask()).status;
    }
    return status;
  }

  it('refuses, in the other process, a role an admin removed through one', async () => {
    const admin = await tenant.user([{ role: 'admin' }]);
    const colleague = await tenant.user([{ role: 'admin' }]);
    await users(second, colleague.token).expect(200);
    await first.http().patch(`/api/v1/users/${colleague.userId}`).set('Authorization', `Bearer ${admin.token}`).send({ grants: [] }).expect(200);
    expect(await answersSoon(() => users(second, colleague.token), 403)).toBe(403);
  });

  it('refuses, in both processes, a user deactivated straight in the database', async () => {
    const admin = await tenant.user([{ role: 'admin' }]);
    await users(first, admin.token).expect(200);
    await users(second, admin.token).expect(200);
    await first.dataSource.query('UPDATE users SET active = false WHERE id = $1', [admin.userId]);
    expect(await answersSoon(() => users(first, admin.token), 401)).toBe(401);
    expect(await answersSoon(() => users(second, admin.token), 401)).toBe(401);
  });

  it('refuses, in a process that had read it, a role deleted straight in the database', async () => {
    const admin = await tenant.user([{ role: 'admin' }]);
    await users(second, admin.token).expect(200);
    await first.dataSource.query('DELETE FROM user_role_grants WHERE user_id = $1', [admin.userId]);
    expect(await answersSoon(() => users(second, admin.token), 403)).toBe(403);
  });
});
