import { createTenant, Tenant } from './factories/tenant.factory';
import { docxWithText } from './support/files';
import { createTestApp, TestApp } from './support/test-app';

describe('the diarium pages: one request for the filters, one for a matter', () => {
  let testApp: TestApp;
  let tenant: Tenant;
  let organId: string;
  let registryId: string;
  let caseOfficerId: string;
  let secretary: string;
  let member: string;
  let outsider: string;

  const get = (token: string, path: string) => testApp.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`);
  const post = (token: string, path: string, body: object) => testApp.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body);

  beforeAll(async () => {
    testApp = await createTestApp();
    tenant = await createTenant(testApp, 'Diariesidor');
    organId = await tenant.organ({ name: 'Social- och utbildningsnämnden', shortName: 'SUN', responsibleDepartmentId: tenant.departmentId });
    caseOfficerId = await tenant.person({ kind: 'official', firstName: 'Sara', lastName: 'Utredarsson', party: null });
    const memberPerson = await tenant.person({ firstName: 'Håkan', lastName: 'Ledamot' });
    await tenant.seat({ personId: memberPerson, organId, role: 'member' });
    const admin = (await tenant.user([{ role: 'admin' }])).token;
    secretary = (await tenant.user([{ role: 'secretary', organId }])).token;
    member = (await tenant.user([], memberPerson)).token;
    outsider = (await tenant.user([])).token;
    registryId = (await post(admin, '/registries', { code: 'SUN', name: 'Social- och utbildningsnämndens diarium', organId }).expect(201)).body.id;
  });

  afterAll(() => testApp.close());

  it('gives the registries, organs, departments and officials by name, and whether the reader may register', async () => {
    const options = (await get(secretary, '/matters/diarium-options').expect(200)).body;
    expect(options.registries).toEqual([expect.objectContaining({ id: registryId, code: 'SUN', organId, active: true })]);
    expect(options.organs).toEqual([{ id: organId, name: 'Social- och utbildningsnämnden' }]);
    expect(options.departments.map((department: { id: string }) => department.id)).toContain(tenant.departmentId);
    // Elected members are no handläggare.
    expect(options.caseOfficers).toEqual([{ id: caseOfficerId, name: 'Sara Utredarsson' }]);
    expect(options.mayRegister).toBe(true);
    expect((await get(member, '/matters/diarium-options').expect(200)).body.mayRegister).toBe(false);
  });

  it('shows a matter with its names, history, documents and next statuses, leaving a secret document out for a reader without access', async () => {
    const matter = (await post(secretary, '/matters', { registryId, title: 'Skolskjuts för elever i Grangärde', departmentId: tenant.departmentId, caseOfficerId }).expect(201)).body;
    await testApp
      .http()
      .post(`/api/v1/matters/${matter.id}/documents`)
      .set('Authorization', `Bearer ${secretary}`)
      .field('direction', 'incoming')
      .field('documentDate', '2026-01-15')
      .field('counterparty', 'En vårdnadshavare')
      .field('description', 'Ansökan om skolskjuts')
      .field('secret', 'true')
      .field('secrecyProvision', 'OSL 23 kap. 2 §')
      .attach('file', await docxWithText('Ansökan', 'Mitt barn behöver skolskjuts.'), 'ansokan.docx')
      .expect(201);

    const overview = (await get(secretary, `/matters/${matter.id}/overview`).expect(200)).body;
    expect(overview.matter).toMatchObject({ id: matter.id, caseNumber: matter.caseNumber, title: 'Skolskjuts för elever i Grangärde' });
    expect(overview).toMatchObject({
      registryName: 'Social- och utbildningsnämndens diarium',
      organName: 'Social- och utbildningsnämnden',
      caseOfficerName: 'Sara Utredarsson',
      mayRegister: true,
      nextStatuses: ['in_preparation', 'ready_for_decision', 'closed', 'withdrawn'],
      officerReports: [],
    });
    expect(overview.departmentName).toEqual(expect.any(String));
    expect(overview.events.map((event: { kind: string }) => event.kind)).toEqual(['registered', 'document_added']);
    expect(overview.documents).toEqual([expect.objectContaining({ description: 'Ansökan om skolskjuts', secret: true, secrecyProvision: 'OSL 23 kap. 2 §' })]);

    const asOutsider = (await get(outsider, `/matters/${matter.id}/overview`).expect(200)).body;
    expect(asOutsider.documents).toEqual([]);
    expect(asOutsider).toMatchObject({ mayRegister: false, nextStatuses: [] });
  });

  it('reports a secret matter as missing to a reader without access, like the matter itself', async () => {
    const secret = (await post(secretary, '/matters', { registryId, title: 'Placering av elev', secret: true, secrecyProvision: 'OSL 23 kap. 2 §' }).expect(201)).body;
    expect((await get(member, `/matters/${secret.id}/overview`).expect(200)).body.matter.title).toBe('Placering av elev');
    await get(outsider, `/matters/${secret.id}/overview`).expect(404);
    await get(outsider, `/matters/${secret.id}`).expect(404);
    await get(secretary, '/matters/00000000-0000-4000-8000-000000000000/overview').expect(404);
    await get(secretary, '/matters/inte-ett-id/overview').expect(400);
  });
});
