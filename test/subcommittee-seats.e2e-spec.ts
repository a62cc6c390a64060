import { createTenant, Tenant } from './factories/tenant.factory';
import { createTestApp, TestApp } from './support/test-app';

describe("utskott seats rest on the person's seat in the nämnd", () => {
  let testApp: TestApp;
  let tenant: Tenant;
  let admin: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    tenant = await createTenant(testApp);
    admin = (await tenant.user([{ role: 'admin' }])).token;
  });

  afterAll(() => testApp.close());

  it('refuses to shorten a nämnd seat that an utskott seat depends on, and allows it once the utskott seat is shortened', async () => {
    const committee = await tenant.organ({ name: 'Barn- och utbildningsnämnden', shortName: 'BUN' });
    const subcommittee = await tenant.organ({ name: 'Arbetsutskottet', shortName: 'BUN-AU', kind: 'subcommittee', parentOrganId: committee, rules: { membersFromParentOrgan: true } });
    const personId = await tenant.person();
    const parentSeat = await tenant.seat({ personId, organId: committee, role: 'member' });
    const childSeat = await tenant.seat({ personId, organId: subcommittee, role: 'member' });

    const refused = await testApp.http().patch(`/api/v1/memberships/${parentSeat}`).set('Authorization', `Bearer ${admin}`).send({ validTo: '2024-12-31' }).expect(409);
    expect(refused.body).toMatchObject({ error: 'SUBCOMMITTEE_SEAT_DEPENDS', message: expect.stringContaining('Arbetsutskottet') });
    const unchanged = await testApp.http().get(`/api/v1/memberships/${parentSeat}`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(unchanged.body.validTo).toBe('2026-12-31');

    await testApp.http().patch(`/api/v1/memberships/${childSeat}`).set('Authorization', `Bearer ${admin}`).send({ validTo: '2024-12-31' }).expect(200);
    await testApp.http().patch(`/api/v1/memberships/${parentSeat}`).set('Authorization', `Bearer ${admin}`).send({ validTo: '2024-12-31' }).expect(200);
  });
});
