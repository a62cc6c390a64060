import type { Response } from 'supertest';
import { swedishDate } from '@namndrum/core';
import { createTenant, Tenant } from './factories/tenant.factory';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The organisation register over HTTP: departments, terms, organs and their rules, persons,
 * memberships (seats) and attendance rights, with the two daily queries (who sits in an organ on a
 * date, which seats a person holds) and the membership rules, end to end on PostgreSQL and Redis.
 */

const API = '/api/v1';
const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const MAX_UUID = 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF';
const RANDOM_UUID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
/** Well-formed ids that name nothing: the nil and max UUIDs (upper case), and a random v4. */
const UNKNOWN_IDS = [NIL_UUID, MAX_UUID, RANDOM_UUID];

const TERM = { startDate: '2023-01-01', endDate: '2026-12-31' };
const FORBIDDEN_HERE = 'Du saknar behörighet för det här organet';
const FORBIDDEN = 'Du saknar behörighet för detta';

const DEFAULT_RULES = {
  noticeLeadDays: 7,
  noticeSendTime: '08:00',
  publishNotices: true,
  publishMinutes: true,
  publishMinutesWithPersonalData: false,
  postMinutesOnNoticeBoard: true,
  recordKind: 'minutes',
  verification: 'chair_and_verifiers',
  verifierCount: 1,
  languages: ['sv'],
  openMeetings: false,
  membersFromParentOrgan: false,
  substituteCallIn: 'same_party_first',
  noticeExtraRecipients: [],
  source: null,
};

type Verb = 'get' | 'post' | 'patch';
const RESOURCES = ['departments', 'terms', 'organs', 'persons', 'memberships', 'attendance-rights'] as const;
const ROUTES: [Verb, string][] = [
  ...RESOURCES.flatMap((resource): [Verb, string][] => [
    ['get', `/${resource}`],
    ['get', `/${resource}/${NIL_UUID}`],
    ['post', `/${resource}`],
    ['patch', `/${resource}/${NIL_UUID}`],
  ]),
  ['get', `/organs/${NIL_UUID}/composition`],
  ['get', `/persons/${NIL_UUID}/seats`],
];

/** Asserts the status, showing the body when it differs; returns the body. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function expectStatus(response: Response, status: number): any {
  expect({ status: response.status, body: response.body }).toMatchObject({ status });
  return response.body;
}

/** Asserts the one error shape: { statusCode, error, message (Swedish), details?, requestId }. */
function expectError(response: Response, status: number, error: string, message?: string): void {
  expect({ status: response.status, body: response.body }).toMatchObject({
    status,
    body: { statusCode: status, error, ...(message === undefined ? {} : { message }) },
  });
  expect(response.body.message).toEqual(expect.any(String));
  expect(response.body.requestId).toEqual(expect.any(String));
}

function fieldsOf(response: Response): string[] {
  return [...new Set<string>((response.body.details ?? []).map((detail: { field: string }) => detail.field))].sort();
}

/** A 400 from validation, naming exactly these fields in the details and the Swedish message. */
function expectInvalid(response: Response, fields: string[]): void {
  expectError(response, 400, 'BAD_REQUEST');
  expect(fieldsOf(response)).toEqual([...fields].sort());
  expect(response.body.message).toMatch(/^Ogiltiga uppgifter i fälten: /);
  for (const field of fields) expect(response.body.message).toContain(field);
}

function idsOf(page: { items: { id: string }[] }): string[] {
  return page.items.map((item) => item.id);
}

let sequence = 0;
/** A short code unique within this file's municipality. */
const code = (prefix: string) => `${prefix}${(sequence += 1)}`;

describe('organisation register over HTTP', () => {
  let testApp: TestApp;
  let tenant: Tenant;
  let organA: string;
  let organB: string;
  let adminUserId: string;

  type Client = ReturnType<typeof client>;
  let admin: Client;
  let secretary: Client;
  let officer: Client;
  const anonymous = () => client(null);

  function client(token: string | null) {
    const auth = <T extends { set(name: string, value: string): T }>(test: T): T => (token ? test.set('Authorization', `Bearer ${token}`) : test);
    return {
      get: (path: string, query: Record<string, string | number> = {}) => auth(testApp.http().get(`${API}${path}`).query(query)),
      post: (path: string, body: object = {}) => auth(testApp.http().post(`${API}${path}`)).send(body),
      patch: (path: string, body: object = {}) => auth(testApp.http().patch(`${API}${path}`)).send(body),
    };
  }

  const auditTotal = async (entityType: string, entityId?: string): Promise<number> =>
    expectStatus(await admin.get('/audit-entries', { entityType, pageSize: 1, ...(entityId ? { entityId } : {}) }), 200).total;

  /** Walks every page of a list with the given page size and returns the ids in order. */
  async function walkPages(path: string, query: Record<string, string | number>, pageSize: number): Promise<string[]> {
    const ids: string[] = [];
    for (let page = 1; page < 50; page += 1) {
      const body = expectStatus(await admin.get(path, { ...query, page, pageSize }), 200);
      expect(body).toMatchObject({ page, pageSize });
      ids.push(...idsOf(body));
      if (body.items.length < pageSize) return ids;
    }
    throw new Error('too many pages');
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    tenant = await createTenant(testApp, 'Organisationskommun');
    organA = await tenant.organ({ name: 'Barn- och utbildningsnämnden', shortName: 'BUN' });
    organB = await tenant.organ({ name: 'Kommunstyrelsen', shortName: 'KS', kind: 'board' });
    const [adminUser, secretaryUser, officerUser] = await Promise.all([
      tenant.user([{ role: 'admin' }]),
      tenant.user([{ role: 'secretary', organId: organA }]),
      tenant.user([{ role: 'case_officer', departmentId: tenant.departmentId }]),
    ]);
    adminUserId = adminUser.userId;
    admin = client(adminUser.token);
    secretary = client(secretaryUser.token);
    officer = client(officerUser.token);
  });

  afterAll(() => testApp.close());

  describe('access', () => {
    it.each(ROUTES)('answers 401 to %s %s without a token', async (verb, path) => {
      expectError(await anonymous()[verb](path), 401, 'UNAUTHENTICATED', 'Du måste logga in');
    });

    it('answers 401 to a forged token', async () => {
      expectError(await client('not.a.jwt').get('/organs'), 401, 'UNAUTHENTICATED');
    });

    it.each(ROUTES.filter(([verb, path]) => verb === 'get' && !path.includes(NIL_UUID)))(
      'lets every signed-in user of the municipality read: %s %s',
      async (verb, path) => {
        const body = expectStatus(await officer[verb](path), 200);
        expect(body).toMatchObject({ items: expect.any(Array), total: expect.any(Number), page: 1, pageSize: 50 });
      },
    );

    it.each(ROUTES.filter(([verb]) => verb !== 'get'))('refuses a case officer a change: %s %s (403)', async (verb, path) => {
      expectError(await officer[verb](path), 403, 'FORBIDDEN', FORBIDDEN);
    });

    it("hides another municipality's register as if it did not exist (404)", async () => {
      const neighbour = await createTenant(testApp, 'Grannkommun');
      const foreignOrgan = await neighbour.organ({ name: 'Grannkommunens nämnd', shortName: 'GRANN' });
      const foreignPerson = await neighbour.person({ lastName: 'Grannsson' });
      expectError(await admin.get(`/organs/${foreignOrgan}`), 404, 'NOT_FOUND', 'Organet hittades inte');
      expectError(await admin.get(`/persons/${foreignPerson}`), 404, 'NOT_FOUND', 'Personen hittades inte');
      expectError(await admin.get(`/departments/${neighbour.departmentId}`), 404, 'NOT_FOUND', 'Förvaltningen hittades inte');
      expectError(await admin.get(`/terms/${neighbour.termId}`), 404, 'NOT_FOUND', 'Mandatperioden hittades inte');
      expect(expectStatus(await admin.get('/organs', { q: 'Grann' }), 200).items).toEqual([]);
      expectError(
        await admin.post('/memberships', { personId: foreignPerson, organId: organA, termId: tenant.termId, role: 'member' }),
        404,
        'NOT_FOUND',
        'Personen hittades inte',
      );
      expectError(await admin.patch(`/organs/${foreignOrgan}`, { rules: { noticeLeadDays: 3 } }), 404, 'NOT_FOUND', 'Organet hittades inte');
    });
  });

  describe('departments', () => {
    it('creates a department, trimming name and code, and records who did it in the audit log', async () => {
      const created = expectStatus(await admin.post('/departments', { name: '  Kultur- och fritidsförvaltningen ', shortCode: ' KFF ', kind: 'administration' }), 201);
      expect(created).toMatchObject({ id: expect.any(String), municipalityId: tenant.municipalityId, name: 'Kultur- och fritidsförvaltningen', shortCode: 'KFF', kind: 'administration' });
      expect(expectStatus(await officer.get(`/departments/${created.id}`), 200)).toEqual(created);
      const audit = expectStatus(await admin.get('/audit-entries', { entityType: 'Department', entityId: created.id }), 200);
      expect(audit.items).toEqual([expect.objectContaining({ action: 'create', entityType: 'Department', entityId: created.id, actorUserId: adminUserId })]);
    });

    it('lists departments a page at a time, filtered by kind and free text', async () => {
      await admin.post('/departments', { name: 'Ludvika Energi AB', shortCode: 'LEAB', kind: 'company' }).expect(201);
      await admin.post('/departments', { name: 'Räddningstjänsten Dala Mitt', shortCode: 'RDM', kind: 'federation' }).expect(201);
      await admin.post('/departments', { name: 'Tekniska förvaltningen', shortCode: 'TEK', kind: 'administration' }).expect(201);

      const all = expectStatus(await admin.get('/departments', { pageSize: 200 }), 200);
      expect(all.total).toBe(all.items.length);
      expect(all.total).toBeGreaterThanOrEqual(4);
      expect(await walkPages('/departments', {}, 2)).toEqual(idsOf(all));

      const companies = expectStatus(await admin.get('/departments', { kind: 'company' }), 200);
      expect(companies.items.map((d: { shortCode: string }) => d.shortCode)).toEqual(['LEAB']);
      expect(companies.total).toBe(1);

      const byCode = expectStatus(await admin.get('/departments', { q: 'rdm' }), 200);
      expect(byCode.items.map((d: { name: string }) => d.name)).toEqual(['Räddningstjänsten Dala Mitt']);
      const byName = expectStatus(await admin.get('/departments', { q: 'förvaltningen' }), 200);
      expect(byName.items.map((d: { shortCode: string }) => d.shortCode)).toEqual(expect.arrayContaining(['SOC', 'TEK']));
      expect(byName.items.every((d: { name: string }) => d.name.toLowerCase().includes('förvaltningen'))).toBe(true);

      const secondPage = expectStatus(await admin.get('/departments', { pageSize: 1, page: 2 }), 200);
      expect(secondPage).toEqual({ items: [all.items[1]], total: all.total, page: 2, pageSize: 1 });
      const beyond = expectStatus(await admin.get('/departments', { pageSize: 200, page: 2 }), 200);
      expect(beyond).toEqual({ items: [], total: all.total, page: 2, pageSize: 200 });
    });

    it('refuses a bad page, page size, filter or unknown query parameter, naming each', async () => {
      expectInvalid(await admin.get('/departments', { page: 0, pageSize: 201, kind: 'office', sort: 'name' }), ['kind', 'page', 'pageSize', 'sort']);
      expectInvalid(await admin.get('/departments', { page: 'first' }), ['page']);
    });

    it('answers 404 for an unknown department and 400 for an id that is not a UUID', async () => {
      for (const id of UNKNOWN_IDS) {
        expectError(await admin.get(`/departments/${id}`), 404, 'NOT_FOUND', 'Förvaltningen hittades inte');
        expectError(await admin.patch(`/departments/${id}`, { name: 'Ny' }), 404, 'NOT_FOUND', 'Förvaltningen hittades inte');
      }
      expectError(await admin.get('/departments/not-a-uuid'), 400, 'BAD_REQUEST');
      expectError(await admin.get(`/departments/${NIL_UUID}0`), 400, 'BAD_REQUEST');
    });

    it('refuses an invalid department, naming every bad or unknown field', async () => {
      const response = await admin.post('/departments', { name: '   ', shortCode: 'soc', kind: 'office', colour: 'red' });
      expectInvalid(response, ['colour', 'kind', 'name', 'shortCode']);
      expect(response.body.details).toContainEqual({ field: 'shortCode', messages: ['shortCode must be 1–12 capital letters, digits or dashes'], message: 'Har fel format.' });
      expect(response.body.details).toContainEqual(expect.objectContaining({ field: 'name', message: 'Fyll i fältet.' }));
      expectInvalid(await admin.post('/departments', {}), ['kind', 'name', 'shortCode']);
    });

    it('refuses a short code already in use with 409 and a Swedish message', async () => {
      const before = expectStatus(await admin.get('/departments', { pageSize: 200 }), 200).total;
      expectError(
        await admin.post('/departments', { name: 'Sociala förvaltningen', shortCode: ' SOC', kind: 'administration' }),
        409,
        'DEPARTMENT_CODE_TAKEN',
        'Det finns redan en förvaltning med kortnamnet SOC',
      );
      expect(expectStatus(await admin.get('/departments', { pageSize: 200 }), 200).total).toBe(before);
    });

    it('updates a department, keeping the fields left out', async () => {
      const created = expectStatus(await admin.post('/departments', { name: 'Servicekontoret', shortCode: 'SK', kind: 'administration' }), 201);
      const updated = expectStatus(await admin.patch(`/departments/${created.id}`, { name: 'Service- och lokalförvaltningen', shortCode: 'SLF' }), 200);
      expect(updated).toMatchObject({ id: created.id, name: 'Service- och lokalförvaltningen', shortCode: 'SLF', kind: 'administration' });
      expect(expectStatus(await admin.get(`/departments/${created.id}`), 200)).toMatchObject({ name: 'Service- och lokalförvaltningen', shortCode: 'SLF' });
      expectStatus(await admin.patch(`/departments/${created.id}`, { shortCode: 'SLF' }), 200);
      expectError(await admin.patch(`/departments/${created.id}`, { shortCode: 'SOC' }), 409, 'DEPARTMENT_CODE_TAKEN', 'Det finns redan en förvaltning med kortnamnet SOC');
      expectInvalid(await admin.patch(`/departments/${created.id}`, { kind: 'bolag', municipalityId: NIL_UUID }), ['kind', 'municipalityId']);
      expect(expectStatus(await admin.get(`/departments/${created.id}`), 200)).toMatchObject({ shortCode: 'SLF', kind: 'administration' });
    });

    it('lets only an administrator create or change departments (a secretary gets 403)', async () => {
      expectError(await secretary.post('/departments', { name: 'Egen förvaltning', shortCode: 'EGEN', kind: 'administration' }), 403, 'FORBIDDEN', FORBIDDEN);
      expectError(await secretary.patch(`/departments/${tenant.departmentId}`, { name: 'Omdöpt' }), 403, 'FORBIDDEN', FORBIDDEN);
      expect(expectStatus(await admin.get(`/departments/${tenant.departmentId}`), 200).name).toBe('Socialförvaltningen');
    });
  });

  describe('terms', () => {
    let nextTermId: string;

    it('creates a term and lists the terms newest first, one page at a time', async () => {
      const created = expectStatus(await admin.post('/terms', { name: 'Mandatperiod 2027–2030', startDate: '2027-01-01', endDate: '2030-12-31' }), 201);
      expect(created).toMatchObject({ id: expect.any(String), municipalityId: tenant.municipalityId, name: 'Mandatperiod 2027–2030', startDate: '2027-01-01', endDate: '2030-12-31' });
      nextTermId = created.id;
      expect(expectStatus(await officer.get(`/terms/${created.id}`), 200)).toEqual(created);

      const all = expectStatus(await admin.get('/terms'), 200);
      expect(idsOf(all)).toEqual([nextTermId, tenant.termId]);
      expect(expectStatus(await admin.get('/terms', { page: 2, pageSize: 1 }), 200)).toMatchObject({ items: [{ id: tenant.termId, ...TERM }], total: 2, page: 2, pageSize: 1 });
    });

    it('finds the term that includes a date, ends included', async () => {
      expect(idsOf(expectStatus(await admin.get('/terms', { date: '2024-05-01' }), 200))).toEqual([tenant.termId]);
      expect(idsOf(expectStatus(await admin.get('/terms', { date: '2026-12-31' }), 200))).toEqual([tenant.termId]);
      expect(idsOf(expectStatus(await admin.get('/terms', { date: '2027-01-01' }), 200))).toEqual([nextTermId]);
      expect(expectStatus(await admin.get('/terms', { date: '2022-06-01' }), 200)).toMatchObject({ items: [], total: 0 });
      expectInvalid(await admin.get('/terms', { date: '2023-02-30' }), ['date']);
    });

    it('refuses a term overlapping another with 409 and a Swedish message', async () => {
      expectError(
        await admin.post('/terms', { name: 'Förlängd period', startDate: '2026-06-01', endDate: '2026-12-31' }),
        409,
        'TERM_OVERLAP',
        'Perioden överlappar mandatperioden Mandatperiod 2023–2026',
      );
      expect(expectStatus(await admin.get('/terms'), 200).total).toBe(2);
    });

    it('refuses impossible or reversed dates and unknown fields, naming them', async () => {
      expectInvalid(await admin.post('/terms', { name: 'X', startDate: '2031-02-30', endDate: '2034-12-31' }), ['startDate']);
      expectInvalid(await admin.post('/terms', { name: '', startDate: '2031-01-01', endDate: '31/12/2034', electionDay: '2030-09-08' }), ['electionDay', 'endDate', 'name']);
      const reversed = await admin.post('/terms', { name: 'Baklänges', startDate: '2034-12-31', endDate: '2031-01-01' });
      expectError(reversed, 400, 'DATES_REVERSED', 'Mandatperioden kan inte sluta innan den börjar');
      expect(fieldsOf(reversed)).toEqual(['endDate']);
    });

    it('updates a term, but not onto another term nor so that seats fall outside it', async () => {
      expect(expectStatus(await admin.patch(`/terms/${nextTermId}`, { name: 'Mandatperioden 2027–2030' }), 200)).toMatchObject({ name: 'Mandatperioden 2027–2030', startDate: '2027-01-01', endDate: '2030-12-31' });
      expectError(await admin.patch(`/terms/${nextTermId}`, { startDate: '2026-12-01' }), 409, 'TERM_OVERLAP', 'Perioden överlappar mandatperioden Mandatperiod 2023–2026');
      const reversed = await admin.patch(`/terms/${nextTermId}`, { endDate: '2026-12-31' });
      expectError(reversed, 400, 'DATES_REVERSED');

      const personId = await tenant.person();
      await tenant.seat({ personId, organId: organB, termId: nextTermId, role: 'member' });
      expectError(await admin.patch(`/terms/${nextTermId}`, { endDate: '2029-12-31' }), 409, 'TERM_HAS_SEATS_OUTSIDE', '1 uppdrag skulle hamna utanför mandatperioden. Ändra dem först.');
      expect(expectStatus(await admin.get(`/terms/${nextTermId}`), 200)).toMatchObject({ startDate: '2027-01-01', endDate: '2030-12-31' });
      expectInvalid(await admin.patch(`/terms/${nextTermId}`, { endDate: '2030-02-29' }), ['endDate']);
    });

    it('answers 404 for an unknown term', async () => {
      for (const id of UNKNOWN_IDS) {
        expectError(await admin.get(`/terms/${id}`), 404, 'NOT_FOUND', 'Mandatperioden hittades inte');
        expectError(await admin.patch(`/terms/${id}`, { name: 'X' }), 404, 'NOT_FOUND', 'Mandatperioden hittades inte');
      }
    });

    it('lets only an administrator create or change terms (a secretary gets 403)', async () => {
      expectError(await secretary.post('/terms', { name: 'X', startDate: '2031-01-01', endDate: '2034-12-31' }), 403, 'FORBIDDEN');
      expectError(await secretary.patch(`/terms/${tenant.termId}`, { name: 'X' }), 403, 'FORBIDDEN');
    });
  });

  describe('organs', () => {
    it('creates an organ with the default rules unless told otherwise', async () => {
      const created = expectStatus(await admin.post('/organs', { name: ' Valnämnden ', shortName: 'VN', kind: 'committee' }), 201);
      expect(created).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          municipalityId: tenant.municipalityId,
          name: 'Valnämnden',
          shortName: 'VN',
          kind: 'committee',
          parentOrganId: null,
          responsibleDepartmentId: null,
          rules: DEFAULT_RULES,
        }),
      );
      expect(expectStatus(await officer.get(`/organs/${created.id}`), 200)).toEqual(created);

      const council = expectStatus(
        await admin.post('/organs', {
          name: 'Kommunfullmäktige',
          shortName: 'KF',
          kind: 'council',
          responsibleDepartmentId: tenant.departmentId,
          rules: { noticeLeadDays: 10, verifierCount: 2, openMeetings: true, languages: ['sv', 'fi'], source: 'Arbetsordning för kommunfullmäktige' },
        }),
        201,
      );
      expect(council.responsibleDepartmentId).toBe(tenant.departmentId);
      expect(council.rules).toEqual({ ...DEFAULT_RULES, noticeLeadDays: 10, verifierCount: 2, openMeetings: true, languages: ['sv', 'fi'], source: 'Arbetsordning för kommunfullmäktige' });
    });

    it('lists organs filtered by kind, parent organ, responsible department and free text', async () => {
      const parent = expectStatus(await admin.post('/organs', { name: 'Miljö- och byggnadsnämnden', shortName: 'MBN', kind: 'committee', responsibleDepartmentId: tenant.departmentId }), 201);
      const au = expectStatus(await admin.post('/organs', { name: 'Arbetsutskottet MBN', shortName: 'MBN-AU', kind: 'subcommittee', parentOrganId: parent.id }), 201);
      const iu = expectStatus(await admin.post('/organs', { name: 'Individutskottet MBN', shortName: 'MBN-IU', kind: 'subcommittee', parentOrganId: parent.id }), 201);

      const children = expectStatus(await admin.get('/organs', { parentOrganId: parent.id }), 200);
      expect(children).toMatchObject({ total: 2, page: 1, pageSize: 50 });
      expect(idsOf(children)).toEqual([au.id, iu.id]);

      const subcommittees = expectStatus(await admin.get('/organs', { kind: 'subcommittee' }), 200);
      expect(subcommittees.items.every((organ: { kind: string }) => organ.kind === 'subcommittee')).toBe(true);
      expect(idsOf(subcommittees)).toEqual(expect.arrayContaining([au.id, iu.id]));

      const ofDepartment = expectStatus(await admin.get('/organs', { responsibleDepartmentId: tenant.departmentId }), 200);
      expect(ofDepartment.items.every((organ: { responsibleDepartmentId: string }) => organ.responsibleDepartmentId === tenant.departmentId)).toBe(true);
      expect(idsOf(ofDepartment)).toContain(parent.id);

      expect(idsOf(expectStatus(await admin.get('/organs', { q: 'mbn-iu' }), 200))).toEqual([iu.id]);
      expect(idsOf(expectStatus(await admin.get('/organs', { q: 'UTSKOTTET' }), 200))).toEqual([au.id, iu.id]);
      expect(expectStatus(await admin.get('/organs', { parentOrganId: parent.id, page: 2, pageSize: 1 }), 200)).toMatchObject({ items: [{ id: iu.id }], total: 2 });
      expectInvalid(await admin.get('/organs', { kind: 'nämnd', parentOrganId: 'MBN', responsibleDepartmentId: '42' }), ['kind', 'parentOrganId', 'responsibleDepartmentId']);
    });

    it('pages through organs of the same name without repeating or skipping one', async () => {
      for (let i = 0; i < 5; i += 1) {
        await tenant.organ({ name: 'Krisledningsnämnden', shortName: code('KLN') });
      }
      const all = expectStatus(await admin.get('/organs', { q: 'Krisledningsnämnden', pageSize: 200 }), 200);
      expect(all.total).toBe(5);
      const walked = await walkPages('/organs', { q: 'Krisledningsnämnden' }, 2);
      expect(walked).toHaveLength(5);
      expect([...walked].sort()).toEqual([...idsOf(all)].sort());
    });

    it('answers 404 for an unknown organ and 400 for an id that is not a UUID', async () => {
      for (const id of UNKNOWN_IDS) {
        expectError(await admin.get(`/organs/${id}`), 404, 'NOT_FOUND', 'Organet hittades inte');
        expectError(await admin.patch(`/organs/${id}`, { name: 'X' }), 404, 'NOT_FOUND', 'Organet hittades inte');
      }
      expectError(await admin.get('/organs/BUN'), 400, 'BAD_REQUEST');
    });

    it('refuses an invalid organ, naming every bad field, nested rules included', async () => {
      const response = await admin.post('/organs', {
        name: 'x'.repeat(201),
        shortName: 'bun',
        kind: 'nämnd',
        parentOrganId: 'BUN',
        rules: { noticeLeadDays: 0, noticeSendTime: '24:00', languages: ['en'], quorum: 5 },
        colour: 'blue',
      });
      expectInvalid(response, ['colour', 'kind', 'name', 'parentOrganId', 'rules.languages', 'rules.noticeLeadDays', 'rules.noticeSendTime', 'rules.quorum', 'shortName']);
    });

    it('refuses a subcommittee without a parent organ, naming parentOrganId', async () => {
      const response = await admin.post('/organs', { name: 'Arbetsutskottet', shortName: code('AU'), kind: 'subcommittee' });
      expectError(response, 400, 'SUBCOMMITTEE_NEEDS_PARENT', 'Ett utskott måste höra till en nämnd eller styrelse');
      expect(fieldsOf(response)).toEqual(['parentOrganId']);
      const ruleWithoutParent = await admin.post('/organs', { name: 'Beredningen', shortName: code('BER'), kind: 'drafting_group', rules: { membersFromParentOrgan: true } });
      expectError(ruleWithoutParent, 400, 'RULE_NEEDS_PARENT');
      expect(fieldsOf(ruleWithoutParent)).toEqual(['rules.membersFromParentOrgan']);
    });

    it('refuses minutes verified by chair and verifiers with no verifier', async () => {
      const response = await admin.post('/organs', { name: 'Utan justerare', shortName: code('UJ'), kind: 'committee', rules: { verifierCount: 0 } });
      expectError(response, 400, 'VERIFIERS_NEEDED', 'Ange minst en justerare');
      expect(fieldsOf(response)).toEqual(['rules.verifierCount']);
      expect(expectStatus(await admin.get('/organs', { q: 'Utan justerare' }), 200).total).toBe(0);
      const chairOnly = expectStatus(await admin.post('/organs', { name: 'Pensionärsrådet', shortName: code('PR'), kind: 'advisory_council', rules: { verification: 'chair_only', verifierCount: 0 } }), 201);
      expect(chairOnly.rules).toMatchObject({ verification: 'chair_only', verifierCount: 0 });
    });

    it('answers 404 naming the field for an unknown parent organ or department', async () => {
      const parent = await admin.post('/organs', { name: 'Utskott', shortName: code('U'), kind: 'subcommittee', parentOrganId: RANDOM_UUID });
      expectError(parent, 404, 'NOT_FOUND', 'Det överordnade organet hittades inte');
      expect(fieldsOf(parent)).toEqual(['parentOrganId']);
      const department = await admin.post('/organs', { name: 'Nämnd', shortName: code('N'), kind: 'committee', responsibleDepartmentId: NIL_UUID });
      expectError(department, 404, 'NOT_FOUND', 'Den ansvariga förvaltningen hittades inte');
      expect(fieldsOf(department)).toEqual(['responsibleDepartmentId']);
    });

    it('refuses a short name already in use with 409 and a Swedish message', async () => {
      expectError(await admin.post('/organs', { name: 'Bildningsnämnden', shortName: 'BUN', kind: 'committee' }), 409, 'ORGAN_SHORT_NAME_TAKEN', 'Det finns redan ett organ med kortnamnet BUN');
      expectError(await admin.patch(`/organs/${organB}`, { shortName: 'BUN' }), 409, 'ORGAN_SHORT_NAME_TAKEN', 'Det finns redan ett organ med kortnamnet BUN');
      expect(expectStatus(await admin.get(`/organs/${organB}`), 200).shortName).toBe('KS');
    });

    it('lets an administrator change name, structure and rules; rules left out keep their values', async () => {
      const organ = expectStatus(await admin.post('/organs', { name: 'Kulturnämnden', shortName: code('KN'), kind: 'committee', rules: { noticeLeadDays: 5 } }), 201);
      const renamed = expectStatus(await admin.patch(`/organs/${organ.id}`, { name: 'Kultur- och fritidsnämnden', responsibleDepartmentId: tenant.departmentId, rules: { publishMinutesWithPersonalData: true } }), 200);
      expect(renamed).toMatchObject({ name: 'Kultur- och fritidsnämnden', shortName: organ.shortName, responsibleDepartmentId: tenant.departmentId });
      expect(renamed.rules).toEqual({ ...DEFAULT_RULES, noticeLeadDays: 5, publishMinutesWithPersonalData: true });
      expect(expectStatus(await admin.get(`/organs/${organ.id}`), 200)).toEqual(renamed);

      const moved = expectStatus(await admin.patch(`/organs/${organ.id}`, { kind: 'subcommittee', parentOrganId: organB }), 200);
      expect(moved).toMatchObject({ kind: 'subcommittee', parentOrganId: organB });
      expectError(await admin.patch(`/organs/${organ.id}`, { parentOrganId: null }), 400, 'SUBCOMMITTEE_NEEDS_PARENT');
      const cycle = await admin.patch(`/organs/${organB}`, { parentOrganId: organ.id });
      expectError(cycle, 400, 'ORGAN_CYCLE', 'Ett organ kan inte ligga under sig självt');
      expect(fieldsOf(cycle)).toEqual(['parentOrganId']);
      expect(expectStatus(await admin.get(`/organs/${organB}`), 200).parentOrganId).toBeNull();
      expectInvalid(await admin.patch(`/organs/${organ.id}`, { rules: { verifierCount: 6 }, municipalityId: NIL_UUID }), ['municipalityId', 'rules.verifierCount']);
    });

    it('refuses, on update too, chair-and-verifiers minutes with no verifier', async () => {
      const organ = expectStatus(await admin.post('/organs', { name: 'Tekniska nämnden', shortName: code('TN'), kind: 'committee' }), 201);
      expectError(await admin.patch(`/organs/${organ.id}`, { rules: { verifierCount: 0 } }), 400, 'VERIFIERS_NEEDED');
      expect(expectStatus(await admin.get(`/organs/${organ.id}`), 200).rules).toEqual(DEFAULT_RULES);
    });

    it('refuses switching to chair-and-verifiers minutes while the organ has no verifier', async () => {
      const chairOnly = expectStatus(await admin.post('/organs', { name: 'Ungdomsrådet', shortName: code('UR'), kind: 'advisory_council', rules: { verification: 'chair_only', verifierCount: 0 } }), 201);
      expectError(await admin.patch(`/organs/${chairOnly.id}`, { rules: { verification: 'chair_and_verifiers' } }), 400, 'VERIFIERS_NEEDED');
      expect(expectStatus(await admin.get(`/organs/${chairOnly.id}`), 200).rules).toMatchObject({ verification: 'chair_only', verifierCount: 0 });
    });

    describe('fullmäktige', () => {
      it('is verified by the chair and two verifiers unless told otherwise', async () => {
        const council = expectStatus(await admin.post('/organs', { name: 'Fullmäktige med standardregler', shortName: code('KF'), kind: 'council' }), 201);
        expect(council.rules).toEqual({ ...DEFAULT_RULES, verifierCount: 2 });
      });

      it('cannot be given a notice later than a week before the meeting day, nor fewer than two verifiers, on create or update; nothing is saved', async () => {
        const late = await admin.post('/organs', { name: 'Sent fullmäktige', shortName: code('KF'), kind: 'council', rules: { noticeLeadDays: 5 } });
        expectError(late, 400, 'COUNCIL_NOTICE_TOO_LATE');
        expect(fieldsOf(late)).toEqual(['rules.noticeLeadDays']);
        expect(expectStatus(await admin.get('/organs', { q: 'Sent fullmäktige' }), 200).total).toBe(0);

        const council = expectStatus(await admin.post('/organs', { name: 'Regelfullmäktige', shortName: code('KF'), kind: 'council' }), 201);
        const chairOnly = await admin.patch(`/organs/${council.id}`, { rules: { verification: 'chair_only', verifierCount: 0 } });
        expectError(chairOnly, 400, 'COUNCIL_VERIFICATION', 'Fullmäktiges protokoll justeras av ordföranden och två justerare');
        expect(fieldsOf(chairOnly)).toEqual(['rules.verification']);
        const oneVerifier = await admin.patch(`/organs/${council.id}`, { rules: { verifierCount: 1 } });
        expectError(oneVerifier, 400, 'COUNCIL_VERIFIERS');
        expect(fieldsOf(oneVerifier)).toEqual(['rules.verifierCount']);
        expectError(await admin.patch(`/organs/${council.id}`, { rules: { noticeLeadDays: 6 } }), 400, 'COUNCIL_NOTICE_TOO_LATE');
        expect(expectStatus(await admin.get(`/organs/${council.id}`), 200).rules).toEqual({ ...DEFAULT_RULES, verifierCount: 2 });
        expect(expectStatus(await admin.patch(`/organs/${council.id}`, { rules: { noticeLeadDays: 10, verifierCount: 3 } }), 200).rules).toMatchObject({ noticeLeadDays: 10, verifierCount: 3 });
      });

      it('cannot be made of an organ whose rules fall short of it', async () => {
        const committee = expectStatus(await admin.post('/organs', { name: 'Blivande fullmäktige', shortName: code('BF'), kind: 'committee' }), 201);
        const response = await admin.patch(`/organs/${committee.id}`, { kind: 'council' });
        expectError(response, 400, 'COUNCIL_VERIFIERS');
        expect(expectStatus(await admin.get(`/organs/${committee.id}`), 200).kind).toBe('committee');
      });
    });

    describe('a secretary', () => {
      it('changes the rules of its own organ', async () => {
        const updated = expectStatus(await secretary.patch(`/organs/${organA}`, { rules: { noticeLeadDays: 14, noticeSendTime: '07:30' } }), 200);
        expect(updated).toMatchObject({ id: organA, name: 'Barn- och utbildningsnämnden', shortName: 'BUN' });
        expect(updated.rules).toMatchObject({ noticeLeadDays: 14, noticeSendTime: '07:30', verification: 'chair_and_verifiers', verifierCount: 1 });
        expect(expectStatus(await officer.get(`/organs/${organA}`), 200).rules.noticeLeadDays).toBe(14);
      });

      it("gets 409 ONLY_RULES when changing its organ's name, and nothing of the request is saved", async () => {
        const before = expectStatus(await admin.get(`/organs/${organA}`), 200);
        const auditBefore = await auditTotal('Organ', organA);
        expectError(
          await secretary.patch(`/organs/${organA}`, { name: 'Bildningsnämnden', rules: { noticeLeadDays: 3 } }),
          409,
          'ONLY_RULES',
          'Du kan bara ändra organets regler. Namn och organisation ändras av en administratör.',
        );
        expectError(await secretary.patch(`/organs/${organA}`, { parentOrganId: organB }), 409, 'ONLY_RULES');
        expect(expectStatus(await admin.get(`/organs/${organA}`), 200)).toEqual(before);
        expect(await auditTotal('Organ', organA)).toBe(auditBefore);
      });

      it("gets 403 changing another organ's rules", async () => {
        expectError(await secretary.patch(`/organs/${organB}`, { rules: { noticeLeadDays: 3 } }), 403, 'FORBIDDEN', FORBIDDEN_HERE);
        expect(expectStatus(await admin.get(`/organs/${organB}`), 200).rules.noticeLeadDays).toBe(7);
      });

      it('may not create an organ (403)', async () => {
        expectError(await secretary.post('/organs', { name: 'Egen nämnd', shortName: code('EGEN'), kind: 'committee' }), 403, 'FORBIDDEN');
        expect(expectStatus(await admin.get('/organs', { q: 'Egen nämnd' }), 200).total).toBe(0);
      });
    });
  });

  describe('persons', () => {
    it('creates a person, trimming names and lower-casing the e-mail, answering as a later read does', async () => {
      const created = expectStatus(
        await admin.post('/persons', { kind: 'elected', firstName: ' Håkan ', lastName: 'Frank ', title: 'Ordförande', email: ' Hakan.Frank@Ludvika.Example ', phone: '0240-860 00', party: 'S' }),
        201,
      );
      expect(created).toMatchObject({ id: expect.any(String), municipalityId: tenant.municipalityId, kind: 'elected', firstName: 'Håkan', lastName: 'Frank', title: 'Ordförande', email: 'hakan.frank@ludvika.example', phone: '0240-860 00', party: 'S' });
      expect(expectStatus(await officer.get(`/persons/${created.id}`), 200)).toEqual(created);
    });

    it('answers a person created with only the required fields with the optional ones as null', async () => {
      const created = expectStatus(await admin.post('/persons', { kind: 'official', firstName: 'Eva', lastName: 'Minimal' }), 201);
      expect(created).toMatchObject({ title: null, email: null, phone: null, party: null });
      expect(expectStatus(await admin.get(`/persons/${created.id}`), 200)).toEqual(created);
    });

    it('lists persons by last and first name, filtered by kind, party and free text, a page at a time', async () => {
      const tag = code('Sökbar');
      const ids = {
        anna: await tenant.person({ firstName: 'Anna', lastName: `${tag}berg`, party: 'M' }),
        bertil: await tenant.person({ firstName: 'Bertil', lastName: `${tag}berg`, party: 'C' }),
        cecilia: await tenant.person({ firstName: 'Cecilia', lastName: `${tag}ström`, party: 'M', title: 'Gruppledare' }),
        david: await tenant.person({ kind: 'official', firstName: 'David', lastName: `${tag}dahl`, party: null, email: `${tag.toLowerCase()}@kommun.example` }),
      };
      expect(idsOf(expectStatus(await admin.get('/persons', { q: tag }), 200))).toEqual([ids.anna, ids.bertil, ids.david, ids.cecilia]);
      expect(idsOf(expectStatus(await admin.get('/persons', { q: `anna ${tag}` }), 200))).toEqual([ids.anna]);
      expect(idsOf(expectStatus(await admin.get('/persons', { q: 'gruppledare' }), 200))).toContain(ids.cecilia);
      expect(idsOf(expectStatus(await admin.get('/persons', { q: '@kommun.example' }), 200))).toEqual([ids.david]);
      expect(idsOf(expectStatus(await admin.get('/persons', { q: tag, party: 'M' }), 200))).toEqual([ids.anna, ids.cecilia]);
      expect(idsOf(expectStatus(await admin.get('/persons', { q: tag, kind: 'official' }), 200))).toEqual([ids.david]);
      expect(expectStatus(await admin.get('/persons', { q: tag, page: 2, pageSize: 3 }), 200)).toMatchObject({ items: [{ id: ids.cecilia }], total: 4, page: 2, pageSize: 3 });
      expectInvalid(await admin.get('/persons', { kind: 'politician', party: 'S D', pageSize: 0 }), ['kind', 'party', 'pageSize']);
    });

    it('answers 404 for an unknown person', async () => {
      for (const id of UNKNOWN_IDS) {
        expectError(await admin.get(`/persons/${id}`), 404, 'NOT_FOUND', 'Personen hittades inte');
        expectError(await admin.patch(`/persons/${id}`, { title: 'X' }), 404, 'NOT_FOUND', 'Personen hittades inte');
      }
    });

    it('refuses an invalid person, naming every bad or unknown field', async () => {
      expectInvalid(
        await admin.post('/persons', { kind: 'politician', firstName: '', email: 'not-an-email', phone: 'call me', party: 'S D', personalNumber: '19700101-1234' }),
        ['email', 'firstName', 'kind', 'lastName', 'party', 'personalNumber', 'phone'],
      );
    });

    it('refuses an e-mail another person has, whatever its case, with 409', async () => {
      const email = `${code('dubbel').toLowerCase()}@ludvika.example`;
      await tenant.person({ email });
      const before = expectStatus(await admin.get('/persons', { q: email }), 200).total;
      expectError(await admin.post('/persons', { kind: 'elected', firstName: 'Dubbel', lastName: 'Gångare', email: email.toUpperCase() }), 409, 'PERSON_EMAIL_TAKEN', `Det finns redan en person med e-postadressen ${email}`);
      expect(expectStatus(await admin.get('/persons', { q: email }), 200).total).toBe(before);
      const other = await tenant.person();
      expectError(await admin.patch(`/persons/${other}`, { email }), 409, 'PERSON_EMAIL_TAKEN');
    });

    it('updates a person, keeping the fields left out', async () => {
      const id = await tenant.person({ firstName: 'Gun', lastName: 'Uppdaterad', party: 'L', email: `${code('gun')}@ludvika.example` });
      const updated = expectStatus(await admin.patch(`/persons/${id}`, { party: 'KD', title: 'Vice ordförande', phone: null }), 200);
      expect(updated).toMatchObject({ id, firstName: 'Gun', lastName: 'Uppdaterad', party: 'KD', title: 'Vice ordförande', phone: null });
      expect(expectStatus(await admin.get(`/persons/${id}`), 200)).toEqual(updated);
      expect(expectStatus(await admin.patch(`/persons/${id}`, { email: null }), 200).email).toBeNull();
      expectInvalid(await admin.patch(`/persons/${id}`, { kind: 'robot', id: NIL_UUID }), ['id', 'kind']);
    });

    it('lets a secretary register and update persons, but not a case officer', async () => {
      const created = expectStatus(await secretary.post('/persons', { kind: 'elected', firstName: 'Ny', lastName: 'Ledamot', party: 'SD' }), 201);
      expectStatus(await secretary.patch(`/persons/${created.id}`, { title: 'Ersättare' }), 200);
      expectError(await officer.post('/persons', { kind: 'elected', firstName: 'Inte', lastName: 'Tillåten' }), 403, 'FORBIDDEN', FORBIDDEN);
      expectError(await officer.patch(`/persons/${created.id}`, { title: 'X' }), 403, 'FORBIDDEN', FORBIDDEN);
      expect(expectStatus(await admin.get(`/persons/${created.id}`), 200).title).toBe('Ersättare');
    });
  });

  describe('memberships', () => {
    let organ: string;
    const newOrgan = (name: string, overrides: object = {}) => tenant.organ({ name, shortName: code('M'), ...overrides });
    const seatBody = (personId: string, organId: string, extra: object = {}) => ({ personId, organId, termId: tenant.termId, role: 'member', ...extra });
    const seatsOfOrgan = async (organId: string) => expectStatus(await admin.get('/memberships', { organId, pageSize: 200 }), 200);

    beforeAll(async () => {
      organ = await newOrgan('Miljönämnden');
    });

    it('creates a seat for the whole term by default, with the party of the person, and audits it', async () => {
      const personId = await tenant.person({ party: 'KD' });
      const created = expectStatus(await admin.post('/memberships', seatBody(personId, organ)), 201);
      expect(created).toMatchObject({
        id: expect.any(String),
        municipalityId: tenant.municipalityId,
        personId,
        organId: organ,
        termId: tenant.termId,
        role: 'member',
        position: 'none',
        party: 'KD',
        substituteOrder: null,
        validFrom: TERM.startDate,
        validTo: TERM.endDate,
      });
      expect(expectStatus(await officer.get(`/memberships/${created.id}`), 200)).toEqual(created);
      const audit = expectStatus(await admin.get('/audit-entries', { entityType: 'Membership', entityId: created.id }), 200);
      expect(audit.items).toEqual([expect.objectContaining({ action: 'create', actorUserId: adminUserId })]);
    });

    it("keeps a seat's own party, or none, apart from the person's", async () => {
      const personId = await tenant.person({ party: 'S' });
      const other = await newOrgan('Partinämnden');
      expect(expectStatus(await admin.post('/memberships', seatBody(personId, organ, { party: 'V' })), 201).party).toBe('V');
      expect(expectStatus(await admin.post('/memberships', seatBody(personId, other, { party: null })), 201).party).toBeNull();
    });

    it('lists seats filtered by organ, person, term, role and date, a page at a time', async () => {
      const listed = await newOrgan('Listnämnden');
      const [p1, p2, p3] = [await tenant.person(), await tenant.person(), await tenant.person()];
      const early = await tenant.seat({ personId: p1, organId: listed, role: 'member', validFrom: '2023-01-01', validTo: '2024-12-31' });
      const substitute = await tenant.seat({ personId: p2, organId: listed, role: 'substitute', substituteOrder: 1 });
      const late = await tenant.seat({ personId: p3, organId: listed, role: 'member', validFrom: '2025-01-01', validTo: '2026-12-31' });

      const all = await seatsOfOrgan(listed);
      expect(all.total).toBe(3);
      expect(all.items[0].id).toBe(late);
      expect(idsOf(all).sort()).toEqual([early, substitute, late].sort());
      expect(idsOf(expectStatus(await admin.get('/memberships', { organId: listed, personId: p1 }), 200))).toEqual([early]);
      expect(idsOf(expectStatus(await admin.get('/memberships', { personId: p1 }), 200))).toEqual([early]);
      expect(idsOf(expectStatus(await admin.get('/memberships', { organId: listed, role: 'substitute' }), 200))).toEqual([substitute]);
      expect(expectStatus(await admin.get('/memberships', { organId: listed, termId: tenant.termId }), 200).total).toBe(3);
      expect(expectStatus(await admin.get('/memberships', { organId: listed, termId: NIL_UUID }), 200)).toMatchObject({ items: [], total: 0 });
      expect(idsOf(expectStatus(await admin.get('/memberships', { organId: listed, activeOn: '2024-12-31' }), 200)).sort()).toEqual([early, substitute].sort());
      expect(idsOf(expectStatus(await admin.get('/memberships', { organId: listed, activeOn: '2025-01-01' }), 200)).sort()).toEqual([substitute, late].sort());
      expect(expectStatus(await admin.get('/memberships', { organId: listed, activeOn: '2027-01-01' }), 200).total).toBe(0);
      expect(await walkPages('/memberships', { organId: listed }, 2)).toEqual(idsOf(all));
      expectInvalid(await admin.get('/memberships', { organId: 'KS', role: 'chair', activeOn: '2024-02-30', termId: '1' }), ['activeOn', 'organId', 'role', 'termId']);
    });

    it('answers 404 for an unknown seat', async () => {
      for (const id of UNKNOWN_IDS) {
        expectError(await admin.get(`/memberships/${id}`), 404, 'NOT_FOUND', 'Uppdraget hittades inte');
        expectError(await admin.patch(`/memberships/${id}`, { party: 'S' }), 404, 'NOT_FOUND', 'Uppdraget hittades inte');
      }
      expectError(await admin.get('/memberships/12345'), 400, 'BAD_REQUEST');
    });

    it('answers 404 for an unknown person, organ or term in the body', async () => {
      const personId = await tenant.person();
      expectError(await admin.post('/memberships', seatBody(RANDOM_UUID, organ)), 404, 'NOT_FOUND', 'Personen hittades inte');
      expectError(await admin.post('/memberships', seatBody(personId, NIL_UUID)), 404, 'NOT_FOUND', 'Organet hittades inte');
      expectError(await admin.post('/memberships', { ...seatBody(personId, organ), termId: MAX_UUID }), 404, 'NOT_FOUND', 'Mandatperioden hittades inte');
    });

    it('refuses an invalid seat, naming every bad or unknown field', async () => {
      const response = await admin.post('/memberships', { personId: 'nobody', organId: organ, role: 'chairman', position: 'boss', substituteOrder: 0, party: 'S D', seatNumber: 4 });
      expectInvalid(response, ['party', 'personId', 'position', 'role', 'seatNumber', 'substituteOrder', 'termId']);
    });

    it('refuses impossible dates such as 2023-02-30, naming the field', async () => {
      const personId = await tenant.person();
      const from = await admin.post('/memberships', seatBody(personId, organ, { validFrom: '2023-02-30' }));
      expectInvalid(from, ['validFrom']);
      expect(from.body.details).toEqual([{ field: 'validFrom', messages: ['validFrom must be a date as YYYY-MM-DD'], message: 'Ange ett datum som ÅÅÅÅ-MM-DD.' }]);
      expectInvalid(await admin.post('/memberships', seatBody(personId, organ, { validTo: '2023-13-01' })), ['validTo']);
      expectInvalid(await admin.post('/memberships', seatBody(personId, organ, { validFrom: '2023-1-1', validTo: '2023-06-31' })), ['validFrom', 'validTo']);
      expect(expectStatus(await admin.get('/memberships', { personId }), 200).total).toBe(0);
    });

    it('refuses a second overlapping seat for the same person in the same organ (409 SEAT_OVERLAP), writing nothing', async () => {
      const personId = await tenant.person();
      await tenant.seat({ personId, organId: organ, role: 'member', validFrom: '2023-01-01', validTo: '2024-06-30' });
      const before = await seatsOfOrgan(organ);
      const auditBefore = await auditTotal('Membership');

      const response = await admin.post('/memberships', seatBody(personId, organ, { role: 'substitute', substituteOrder: 4, validFrom: '2024-06-30' }));
      expectError(response, 409, 'SEAT_OVERLAP', 'Personen har redan ett uppdrag i organet under den perioden');
      expect(fieldsOf(response)).toEqual(['personId']);

      expect(await seatsOfOrgan(organ)).toEqual(before);
      expect(await auditTotal('Membership')).toBe(auditBefore);
    });

    it('gives the same person a new seat once the first has ended, and seats in other organs at the same time', async () => {
      const personId = await tenant.person();
      await tenant.seat({ personId, organId: organ, role: 'member', validFrom: '2023-01-01', validTo: '2024-06-30' });
      expectStatus(await admin.post('/memberships', seatBody(personId, organ, { role: 'substitute', substituteOrder: 5, validFrom: '2024-07-01' })), 201);
      expectStatus(await admin.post('/memberships', seatBody(personId, await newOrgan('Annan nämnd'))), 201);
      expect(expectStatus(await admin.get('/memberships', { personId }), 200).total).toBe(3);
    });

    it('refuses a second chair for an overlapping period (409 POSITION_TAKEN)', async () => {
      const presidium = await newOrgan('Presidienämnden');
      const [first, second] = [await tenant.person(), await tenant.person()];
      await tenant.seat({ personId: first, organId: presidium, role: 'member', position: 'chair', validFrom: '2023-01-01', validTo: '2024-12-31' });
      const auditBefore = await auditTotal('Membership');
      const response = await admin.post('/memberships', seatBody(second, presidium, { position: 'chair', validFrom: '2024-12-31' }));
      expectError(response, 409, 'POSITION_TAKEN', 'Organet har redan en ordförande under den perioden');
      expect(fieldsOf(response)).toEqual(['position']);
      expect((await seatsOfOrgan(presidium)).total).toBe(1);
      expect(await auditTotal('Membership')).toBe(auditBefore);
    });

    it('allows a new chair when the periods do not overlap, and vice chairs beside the chair', async () => {
      const presidium = await newOrgan('Ordförandenämnden');
      const [first, second, vice, otherVice] = [await tenant.person(), await tenant.person(), await tenant.person(), await tenant.person()];
      await tenant.seat({ personId: first, organId: presidium, role: 'member', position: 'chair', validFrom: '2023-01-01', validTo: '2024-12-31' });
      expect(expectStatus(await admin.post('/memberships', seatBody(second, presidium, { position: 'chair', validFrom: '2025-01-01' })), 201)).toMatchObject({ position: 'chair', validFrom: '2025-01-01', validTo: TERM.endDate });
      expectStatus(await admin.post('/memberships', seatBody(vice, presidium, { position: 'first_vice_chair' })), 201);
      expectError(await admin.post('/memberships', seatBody(otherVice, presidium, { position: 'first_vice_chair', validFrom: '2026-01-01' })), 409, 'POSITION_TAKEN', 'Organet har redan en vice ordförande under den perioden');
      expectStatus(await admin.post('/memberships', seatBody(otherVice, presidium, { position: 'second_vice_chair' })), 201);
    });

    it('refuses a seat outside the term (400 OUTSIDE_TERM)', async () => {
      const personId = await tenant.person();
      const before = await admin.post('/memberships', seatBody(personId, organ, { validFrom: '2022-12-31', validTo: '2023-06-30' }));
      expectError(before, 400, 'OUTSIDE_TERM', 'Uppdraget måste ligga inom mandatperioden 2023-01-01–2026-12-31');
      expect(fieldsOf(before)).toEqual(['validFrom']);
      expectError(await admin.post('/memberships', seatBody(personId, organ, { validFrom: '2026-01-01', validTo: '2027-01-01' })), 400, 'OUTSIDE_TERM');
      expect(expectStatus(await admin.get('/memberships', { personId }), 200).total).toBe(0);
    });

    it('refuses a seat that ends before it begins', async () => {
      const response = await admin.post('/memberships', seatBody(await tenant.person(), organ, { validFrom: '2024-01-01', validTo: '2023-12-31' }));
      expectError(response, 400, 'DATES_REVERSED', 'Uppdraget kan inte sluta innan det börjar');
      expect(fieldsOf(response)).toContain('validTo');
    });

    it('refuses a substitute as chair, and a call-in order for a member (400)', async () => {
      const personId = await tenant.person();
      const chair = await admin.post('/memberships', seatBody(personId, organ, { role: 'substitute', position: 'chair', substituteOrder: 1 }));
      expectError(chair, 400, 'POSITION_NEEDS_MEMBER', 'Bara en ledamot kan vara ordförande eller vice ordförande');
      expect(fieldsOf(chair)).toEqual(['position']);
      const order = await admin.post('/memberships', seatBody(personId, organ, { substituteOrder: 2 }));
      expectError(order, 400, 'ORDER_NEEDS_SUBSTITUTE', 'Inkallelseordning anges bara för ersättare');
      expect(fieldsOf(order)).toEqual(['substituteOrder']);
    });

    describe('in a subcommittee whose members must come from the parent organ', () => {
      let parent: string;
      let subcommittee: string;

      beforeAll(async () => {
        parent = await newOrgan('Socialnämnden');
        const created = await admin
          .post('/organs', { name: 'Socialnämndens arbetsutskott', shortName: code('SN-AU'), kind: 'subcommittee', parentOrganId: parent, rules: { membersFromParentOrgan: true } })
          .expect(201);
        subcommittee = created.body.id;
        expect(created.body.rules.membersFromParentOrgan).toBe(true);
      });

      it('refuses a person without a seat in the parent organ (400 NOT_IN_PARENT_ORGAN)', async () => {
        const response = await admin.post('/memberships', seatBody(await tenant.person(), subcommittee));
        expectError(response, 400, 'NOT_IN_PARENT_ORGAN', 'Personen måste ha ett uppdrag i det överordnade organet under hela perioden');
        expect(fieldsOf(response)).toEqual(['personId']);
        expect((await seatsOfOrgan(subcommittee)).total).toBe(0);
      });

      it('accepts a person with a seat in the parent organ', async () => {
        const personId = await tenant.person();
        await tenant.seat({ personId, organId: parent, role: 'member' });
        expectStatus(await admin.post('/memberships', seatBody(personId, subcommittee, { position: 'chair' })), 201);
      });

      it('accepts only the part of the term the person also sits in the parent organ', async () => {
        const personId = await tenant.person();
        await tenant.seat({ personId, organId: parent, role: 'substitute', validFrom: '2023-01-01', validTo: '2023-12-31' });
        expectError(await admin.post('/memberships', seatBody(personId, subcommittee)), 400, 'NOT_IN_PARENT_ORGAN');
        expectStatus(await admin.post('/memberships', seatBody(personId, subcommittee, { validFrom: '2023-03-01', validTo: '2023-12-31' })), 201);
      });

      it('takes anyone when the rule is off', async () => {
        const open = await admin.post('/organs', { name: 'Öppet utskott', shortName: code('OU'), kind: 'subcommittee', parentOrganId: parent }).expect(201);
        expectStatus(await admin.post('/memberships', seatBody(await tenant.person(), open.body.id)), 201);
      });
    });

    describe('personal substitutes', () => {
      it("links a member to personal substitutes of the same organ and period, in order, and refuses anything else naming the field; nothing is saved", async () => {
        const council = await newOrgan('Pensionärsrådet');
        const member = await tenant.seat({ personId: await tenant.person(), organId: council, role: 'member', validTo: '2024-12-31' });
        const first = await tenant.seat({ personId: await tenant.person(), organId: council, role: 'substitute', substituteOrder: 2 });
        const second = await tenant.seat({ personId: await tenant.person(), organId: council, role: 'substitute', substituteOrder: 1 });
        const otherMember = await tenant.seat({ personId: await tenant.person(), organId: council, role: 'member' });
        const later = await tenant.seat({ personId: await tenant.person(), organId: council, role: 'substitute', substituteOrder: 3, validFrom: '2025-01-01' });
        const elsewhere = await tenant.seat({ personId: await tenant.person(), organId: organ, role: 'substitute', substituteOrder: 9 });

        const linked = expectStatus(await admin.patch(`/memberships/${member}`, { personalSubstituteMembershipIds: [first, second] }), 200);
        expect(linked.personalSubstituteMembershipIds).toEqual([first, second]);
        expect(expectStatus(await admin.get(`/memberships/${member}`), 200).personalSubstituteMembershipIds).toEqual([first, second]);

        const refusals: [string[], string][] = [
          [[otherMember], 'PERSONAL_SUBSTITUTE_NOT_SUBSTITUTE'],
          [[later], 'PERSONAL_SUBSTITUTE_NO_OVERLAP'],
          [[elsewhere], 'PERSONAL_SUBSTITUTE_OTHER_ORGAN'],
        ];
        for (const [ids, error] of refusals) {
          const response = await admin.patch(`/memberships/${member}`, { personalSubstituteMembershipIds: ids });
          expectError(response, 400, error);
          expect(fieldsOf(response)).toEqual(['personalSubstituteMembershipIds']);
        }
        const unknown = await admin.patch(`/memberships/${member}`, { personalSubstituteMembershipIds: [RANDOM_UUID] });
        expectError(unknown, 404, 'NOT_FOUND');
        expect(fieldsOf(unknown)).toEqual(['personalSubstituteMembershipIds']);
        expectInvalid(await admin.patch(`/memberships/${member}`, { personalSubstituteMembershipIds: [first, first] }), ['personalSubstituteMembershipIds']);
        expectInvalid(await admin.patch(`/memberships/${member}`, { personalSubstituteMembershipIds: ['anders'] }), ['personalSubstituteMembershipIds']);
        const forSubstitute = await admin.patch(`/memberships/${second}`, { personalSubstituteMembershipIds: [first] });
        expectError(forSubstitute, 400, 'PERSONAL_SUBSTITUTES_NEED_MEMBER');
        expect(expectStatus(await admin.get(`/memberships/${member}`), 200).personalSubstituteMembershipIds).toEqual([first, second]);

        const created = expectStatus(await admin.post('/memberships', seatBody(await tenant.person(), council, { personalSubstituteMembershipIds: [later], validFrom: '2025-01-01' })), 201);
        expect(created.personalSubstituteMembershipIds).toEqual([later]);
      });

      it('keeps a personal substitute a substitute seat of the member’s period (409), until the link is removed', async () => {
        const council = await newOrgan('Tillgänglighetsrådet');
        const substitute = await tenant.seat({ personId: await tenant.person(), organId: council, role: 'substitute', substituteOrder: 1 });
        const member = await tenant.seat({ personId: await tenant.person(), organId: council, role: 'member', validTo: '2024-12-31', personalSubstituteMembershipIds: [substitute] });
        const promoted = await admin.patch(`/memberships/${substitute}`, { role: 'member' });
        expectError(promoted, 409, 'PERSONAL_SUBSTITUTE_IN_USE');
        expect(fieldsOf(promoted)).toEqual(['role']);
        expectError(await admin.patch(`/memberships/${substitute}`, { validFrom: '2025-01-01', validTo: '2025-01-01' }), 409, 'PERSONAL_SUBSTITUTE_IN_USE');
        expect(expectStatus(await admin.get(`/memberships/${substitute}`), 200)).toMatchObject({ role: 'substitute', validFrom: TERM.startDate });
        expectStatus(await admin.patch(`/memberships/${member}`, { personalSubstituteMembershipIds: [] }), 200);
        expect(expectStatus(await admin.patch(`/memberships/${substitute}`, { role: 'member' }), 200).role).toBe('member');
      });

      it('drops the links when a member becomes a substitute', async () => {
        const council = await newOrgan('Funktionshinderrådet');
        const substitute = await tenant.seat({ personId: await tenant.person(), organId: council, role: 'substitute', substituteOrder: 1 });
        const member = await tenant.seat({ personId: await tenant.person(), organId: council, role: 'member', personalSubstituteMembershipIds: [substitute] });
        expect(expectStatus(await admin.patch(`/memberships/${member}`, { role: 'substitute', substituteOrder: 2 }), 200).personalSubstituteMembershipIds).toEqual([]);
      });
    });

    describe('updating a seat', () => {
      it("changes a seat's position, party and dates, keeping the rest", async () => {
        const personId = await tenant.person({ party: 'C' });
        const id = await tenant.seat({ personId, organId: await newOrgan('Ändringsnämnden'), role: 'member' });
        const updated = expectStatus(await admin.patch(`/memberships/${id}`, { position: 'second_vice_chair', party: 'MP', validTo: '2025-06-30' }), 200);
        expect(updated).toMatchObject({ id, personId, role: 'member', position: 'second_vice_chair', party: 'MP', validFrom: TERM.startDate, validTo: '2025-06-30' });
        expect(expectStatus(await admin.get(`/memberships/${id}`), 200)).toEqual(updated);
        expect(expectStatus(await admin.get('/audit-entries', { entityType: 'Membership', entityId: id, action: 'update' }), 200).total).toBe(1);
      });

      it('clears the position when a member becomes a substitute, and the call-in order when a substitute becomes a member', async () => {
        const id = await tenant.seat({ personId: await tenant.person(), organId: await newOrgan('Rollnämnden'), role: 'member', position: 'chair' });
        expect(expectStatus(await admin.patch(`/memberships/${id}`, { role: 'substitute', substituteOrder: 2 }), 200)).toMatchObject({ role: 'substitute', position: 'none', substituteOrder: 2 });
        expect(expectStatus(await admin.patch(`/memberships/${id}`, { role: 'member' }), 200)).toMatchObject({ role: 'member', position: 'none', substituteOrder: null });
        expectError(await admin.patch(`/memberships/${id}`, { role: 'substitute', position: 'chair' }), 400, 'POSITION_NEEDS_MEMBER');
      });

      it('refuses to move a seat onto another seat of the person, onto the chair, outside the term, or to another person; nothing changes', async () => {
        const updOrgan = await newOrgan('Flyttnämnden');
        const personId = await tenant.person();
        await tenant.seat({ personId: await tenant.person(), organId: updOrgan, role: 'member', position: 'chair' });
        await tenant.seat({ personId, organId: updOrgan, role: 'member', validFrom: '2023-01-01', validTo: '2024-12-31' });
        const id = await tenant.seat({ personId, organId: updOrgan, role: 'member', validFrom: '2025-01-01', validTo: '2026-12-31' });
        const before = expectStatus(await admin.get(`/memberships/${id}`), 200);
        const auditBefore = await auditTotal('Membership', id);

        expectError(await admin.patch(`/memberships/${id}`, { validFrom: '2024-12-31' }), 409, 'SEAT_OVERLAP');
        expectError(await admin.patch(`/memberships/${id}`, { position: 'chair' }), 409, 'POSITION_TAKEN');
        expectError(await admin.patch(`/memberships/${id}`, { validTo: '2027-01-01' }), 400, 'OUTSIDE_TERM');
        expectError(await admin.patch(`/memberships/${id}`, { validTo: '2024-12-30' }), 400, 'DATES_REVERSED');
        expectInvalid(await admin.patch(`/memberships/${id}`, { validFrom: '2025-02-29' }), ['validFrom']);
        expectInvalid(await admin.patch(`/memberships/${id}`, { personId: RANDOM_UUID, organId: organ, termId: tenant.termId }), ['organId', 'personId', 'termId']);

        expect(expectStatus(await admin.get(`/memberships/${id}`), 200)).toEqual(before);
        expect(await auditTotal('Membership', id)).toBe(auditBefore);
      });
    });

    describe('a secretary', () => {
      it('manages the seats of its own organ', async () => {
        const created = expectStatus(await secretary.post('/memberships', seatBody(await tenant.person(), organA, { role: 'substitute', substituteOrder: 1 })), 201);
        expect(expectStatus(await secretary.patch(`/memberships/${created.id}`, { substituteOrder: 3 }), 200).substituteOrder).toBe(3);
      });

      it('gets 403 adding or changing a seat in another organ, and nothing is written', async () => {
        const existing = await tenant.seat({ personId: await tenant.person(), organId: organB, role: 'member' });
        const before = await seatsOfOrgan(organB);
        const auditBefore = await auditTotal('Membership');
        expectError(await secretary.post('/memberships', seatBody(await tenant.person(), organB)), 403, 'FORBIDDEN', FORBIDDEN_HERE);
        expectError(await secretary.patch(`/memberships/${existing}`, { position: 'chair' }), 403, 'FORBIDDEN', FORBIDDEN_HERE);
        expect(await seatsOfOrgan(organB)).toEqual(before);
        expect(await auditTotal('Membership')).toBe(auditBefore);
      });
    });
  });

  describe('attendance rights', () => {
    let organ: string;
    let personId: string;
    const rightsOf = async (organId: string) => expectStatus(await admin.get('/attendance-rights', { organId, pageSize: 200 }), 200);

    beforeAll(async () => {
      organ = await tenant.organ({ name: 'Kommunstyrelsens arbetsutskott', shortName: code('AR'), kind: 'subcommittee', parentOrganId: organB });
      personId = await tenant.person({ kind: 'official', firstName: 'Karin', lastName: 'Kommundirektör' });
    });

    it('grants a person the right to attend and speak, open-ended unless told otherwise', async () => {
      const created = expectStatus(await admin.post('/attendance-rights', { organId: organ, personId, validFrom: '2023-01-01' }), 201);
      expect(created).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          municipalityId: tenant.municipalityId,
          organId: organ,
          personId,
          roleDescription: null,
          canSpeak: true,
          basis: null,
          validFrom: '2023-01-01',
          validTo: null,
        }),
      );
      expect(expectStatus(await officer.get(`/attendance-rights/${created.id}`), 200)).toEqual(created);
    });

    it('grants the right to a post rather than a person', async () => {
      const created = expectStatus(
        await admin.post('/attendance-rights', { organId: organ, roleDescription: ' Förvaltningschef, socialförvaltningen ', canSpeak: false, basis: 'KS 2023-01-11 § 6', validFrom: '2023-02-01', validTo: '2026-12-31' }),
        201,
      );
      expect(created).toMatchObject({ personId: null, roleDescription: 'Förvaltningschef, socialförvaltningen', canSpeak: false, basis: 'KS 2023-01-11 § 6', validFrom: '2023-02-01', validTo: '2026-12-31' });
    });

    it('refuses a right for nobody, or one that ends before it begins', async () => {
      const before = (await rightsOf(organ)).total;
      const nobody = await admin.post('/attendance-rights', { organId: organ, personId: null, validFrom: '2023-01-01' });
      expectError(nobody, 400, 'WHO_MISSING', 'Ange en person eller vilken befattning närvarorätten gäller');
      expect(fieldsOf(nobody)).toEqual(['personId']);
      const reversed = await admin.post('/attendance-rights', { organId: organ, personId, validFrom: '2024-01-01', validTo: '2023-12-31' });
      expectError(reversed, 400, 'DATES_REVERSED', 'Närvarorätten kan inte sluta innan den börjar');
      expect(fieldsOf(reversed)).toEqual(['validTo']);
      expect((await rightsOf(organ)).total).toBe(before);
    });

    it('refuses an invalid right, naming every bad or unknown field', async () => {
      expectInvalid(
        await admin.post('/attendance-rights', { organId: 'KS', personId: 'karin', roleDescription: '   ', canSpeak: 'ja', validFrom: '2023-02-29', validTo: '2023', vote: true }),
        ['canSpeak', 'organId', 'personId', 'roleDescription', 'validFrom', 'validTo', 'vote'],
      );
      expectInvalid(await admin.post('/attendance-rights', { organId: organ, personId }), ['validFrom']);
    });

    it('answers 404 for an unknown right, organ or person', async () => {
      for (const id of UNKNOWN_IDS) {
        expectError(await admin.get(`/attendance-rights/${id}`), 404, 'NOT_FOUND', 'Närvarorätten hittades inte');
        expectError(await admin.patch(`/attendance-rights/${id}`, { canSpeak: false }), 404, 'NOT_FOUND', 'Närvarorätten hittades inte');
      }
      expectError(await admin.post('/attendance-rights', { organId: NIL_UUID, personId, validFrom: '2023-01-01' }), 404, 'NOT_FOUND', 'Organet hittades inte');
      expectError(await admin.post('/attendance-rights', { organId: organ, personId: RANDOM_UUID, validFrom: '2023-01-01' }), 404, 'NOT_FOUND', 'Personen hittades inte');
    });

    it('lists rights filtered by organ, person and date, a page at a time', async () => {
      const listed = await tenant.organ({ name: 'Närvaronämnden', shortName: code('NN') });
      const other = await tenant.person({ kind: 'official' });
      const open = expectStatus(await admin.post('/attendance-rights', { organId: listed, personId, validFrom: '2023-01-01' }), 201).id;
      const ended = expectStatus(await admin.post('/attendance-rights', { organId: listed, personId: other, validFrom: '2023-06-01', validTo: '2024-05-31' }), 201).id;
      const post = expectStatus(await admin.post('/attendance-rights', { organId: listed, roleDescription: 'Ekonomichef', validFrom: '2025-01-01' }), 201).id;

      const all = await rightsOf(listed);
      expect(idsOf(all)).toEqual([post, ended, open]);
      expect(idsOf(expectStatus(await admin.get('/attendance-rights', { organId: listed, personId: other }), 200))).toEqual([ended]);
      expect(idsOf(expectStatus(await admin.get('/attendance-rights', { personId: other }), 200))).toEqual([ended]);
      expect(idsOf(expectStatus(await admin.get('/attendance-rights', { organId: listed, activeOn: '2024-05-31' }), 200))).toEqual([ended, open]);
      expect(idsOf(expectStatus(await admin.get('/attendance-rights', { organId: listed, activeOn: '2030-01-01' }), 200))).toEqual([post, open]);
      expect(expectStatus(await admin.get('/attendance-rights', { organId: listed, activeOn: '2022-12-31' }), 200).total).toBe(0);
      expect(expectStatus(await admin.get('/attendance-rights', { organId: listed, page: 2, pageSize: 2 }), 200)).toMatchObject({ items: [{ id: open }], total: 3, page: 2, pageSize: 2 });
      expectInvalid(await admin.get('/attendance-rights', { organId: '1', personId: '2', activeOn: 'today' }), ['activeOn', 'organId', 'personId']);
    });

    it('updates a right, keeping the fields left out, but never leaves it to nobody', async () => {
      const created = expectStatus(await admin.post('/attendance-rights', { organId: organ, personId, validFrom: '2023-01-01' }), 201);
      const updated = expectStatus(await admin.patch(`/attendance-rights/${created.id}`, { canSpeak: false, validTo: '2024-12-31', basis: 'KS 2024-12-10 § 200' }), 200);
      expect(updated).toMatchObject({ id: created.id, organId: organ, personId, canSpeak: false, validFrom: '2023-01-01', validTo: '2024-12-31', basis: 'KS 2024-12-10 § 200' });
      expect(expectStatus(await admin.get(`/attendance-rights/${created.id}`), 200)).toEqual(updated);
      expectError(await admin.patch(`/attendance-rights/${created.id}`, { personId: null }), 400, 'WHO_MISSING');
      expectError(await admin.patch(`/attendance-rights/${created.id}`, { validFrom: '2025-01-01' }), 400, 'DATES_REVERSED');
      expectInvalid(await admin.patch(`/attendance-rights/${created.id}`, { organId: organA }), ['organId']);
      expect(expectStatus(await admin.get(`/attendance-rights/${created.id}`), 200)).toEqual(updated);
    });

    it("lets a secretary manage its own organ's rights but answers 403 for another organ's", async () => {
      const own = expectStatus(await secretary.post('/attendance-rights', { organId: organA, roleDescription: 'Skolchef', validFrom: '2023-01-01' }), 201);
      expectStatus(await secretary.patch(`/attendance-rights/${own.id}`, { canSpeak: false }), 200);
      const others = expectStatus(await admin.post('/attendance-rights', { organId: organB, roleDescription: 'Kommundirektör', validFrom: '2023-01-01' }), 201);
      const before = await rightsOf(organB);
      expectError(await secretary.post('/attendance-rights', { organId: organB, roleDescription: 'Ekonomichef', validFrom: '2023-01-01' }), 403, 'FORBIDDEN', FORBIDDEN_HERE);
      expectError(await secretary.patch(`/attendance-rights/${others.id}`, { canSpeak: false }), 403, 'FORBIDDEN', FORBIDDEN_HERE);
      expect(await rightsOf(organB)).toEqual(before);
    });
  });

  describe('composition of an organ on a date', () => {
    let organ: string;
    const seatIds: Record<string, string> = {};
    const lastNames = (holders: { person: { lastName: string } }[]) => holders.map((holder) => holder.person.lastName);

    beforeAll(async () => {
      organ = await tenant.organ({ name: 'Sammansättningsnämnden', shortName: code('SAM') });
      const seat = async (lastName: string, role: 'member' | 'substitute', extra: { position?: 'chair' | 'first_vice_chair' | 'second_vice_chair'; substituteOrder?: number; validFrom?: string; validTo?: string } = {}) => {
        const personId = await tenant.person({ firstName: 'Kim', lastName, party: 'S' });
        seatIds[lastName] = await tenant.seat({ personId, organId: organ, role, ...extra });
      };
      await seat('Öberg', 'member', { position: 'chair' });
      await seat('Zetterlund', 'member', { position: 'first_vice_chair' });
      await seat('Berg', 'member', { position: 'second_vice_chair' });
      await seat('Åkesson', 'member');
      await seat('Lind', 'member');
      await seat('Andersson', 'member');
      await seat('Aaberg', 'member', { validTo: '2023-12-31' });
      await seat('Ahl', 'member', { validFrom: '2025-01-01' });
      await seat('Ek', 'substitute', { substituteOrder: 3 });
      await seat('Nilsson', 'substitute', { substituteOrder: 1 });
      await seat('Holm', 'substitute', { substituteOrder: 2 });
      await seat('Adolfsson', 'substitute', { substituteOrder: 1, validTo: '2023-12-31' });
    });

    it('orders members chair, first and second vice chair, then by last name; substitutes in call-in order', async () => {
      const body = expectStatus(await officer.get(`/organs/${organ}/composition`, { date: '2024-03-01' }), 200);
      expect(body).toMatchObject({ organId: organ, organName: 'Sammansättningsnämnden', date: '2024-03-01' });
      expect(lastNames(body.members)).toEqual(['Öberg', 'Zetterlund', 'Berg', 'Andersson', 'Lind', 'Åkesson']);
      expect(body.members.slice(0, 3).map((holder: { position: string }) => holder.position)).toEqual(['chair', 'first_vice_chair', 'second_vice_chair']);
      expect(lastNames(body.substitutes)).toEqual(['Nilsson', 'Holm', 'Ek']);
      expect(body.substitutes.map((holder: { substituteOrder: number }) => holder.substituteOrder)).toEqual([1, 2, 3]);
      expect(body.members[0]).toEqual({
        membershipId: seatIds['Öberg'],
        person: expect.objectContaining({ id: expect.any(String), firstName: 'Kim', lastName: 'Öberg', party: 'S' }),
        role: 'member',
        position: 'chair',
        party: 'S',
        substituteOrder: null,
        personalSubstituteMembershipIds: [],
        personalSubstituteFor: [],
        validFrom: TERM.startDate,
        validTo: TERM.endDate,
      });
    });

    it('includes only the seats held on the date, first and last days included', async () => {
      const lastDay = expectStatus(await admin.get(`/organs/${organ}/composition`, { date: '2023-12-31' }), 200);
      expect(lastNames(lastDay.members)).toEqual(['Öberg', 'Zetterlund', 'Berg', 'Aaberg', 'Andersson', 'Lind', 'Åkesson']);
      expect(lastNames(lastDay.substitutes)).toEqual(['Adolfsson', 'Nilsson', 'Holm', 'Ek']);
      const firstDay = expectStatus(await admin.get(`/organs/${organ}/composition`, { date: '2025-01-01' }), 200);
      expect(lastNames(firstDay.members)).toEqual(['Öberg', 'Zetterlund', 'Berg', 'Ahl', 'Andersson', 'Lind', 'Åkesson']);
      const afterTerm = expectStatus(await admin.get(`/organs/${organ}/composition`, { date: '2027-01-01' }), 200);
      expect(afterTerm).toMatchObject({ members: [], substitutes: [] });
    });

    it("answers for today's date in Sweden when no date is given", async () => {
      const body = expectStatus(await admin.get(`/organs/${organ}/composition`), 200);
      expect(body.date).toBe(swedishDate());
    });

    it('refuses an impossible date naming it, and answers 404 for an unknown organ', async () => {
      expectInvalid(await admin.get(`/organs/${organ}/composition`, { date: '2024-02-30' }), ['date']);
      expectInvalid(await admin.get(`/organs/${organ}/composition`, { date: '2024-03-01', at: 'noon' }), ['at']);
      for (const id of UNKNOWN_IDS) {
        expectError(await admin.get(`/organs/${id}/composition`, { date: '2024-03-01' }), 404, 'NOT_FOUND', 'Organet hittades inte');
      }
      expectError(await admin.get('/organs/KS/composition'), 400, 'BAD_REQUEST');
    });
  });

  describe('seats of a person', () => {
    let personId: string;
    let past: string;
    let chair: string;
    let substitute: string;

    beforeAll(async () => {
      personId = await tenant.person({ firstName: 'Sara', lastName: 'Säte', party: 'M' });
      const [first, second, third] = [
        await tenant.organ({ name: 'Äldrenämnden', shortName: code('ÄN') }),
        await tenant.organ({ name: 'Byggnadsnämnden', shortName: code('BN') }),
        await tenant.organ({ name: 'Arvodesberedningen', shortName: code('AB'), kind: 'drafting_group' }),
      ];
      past = await tenant.seat({ personId, organId: first, role: 'member', validFrom: '2023-01-01', validTo: '2023-12-31' });
      chair = await tenant.seat({ personId, organId: second, role: 'member', position: 'chair', validFrom: '2024-01-01' });
      substitute = await tenant.seat({ personId, organId: third, role: 'substitute', substituteOrder: 2 });
    });

    it('lists every seat, past ones included, newest first, marking those held on the date', async () => {
      const seats = expectStatus(await officer.get(`/persons/${personId}/seats`, { date: '2024-06-01' }), 200);
      expect(seats.map((seat: { membershipId: string }) => seat.membershipId)).toEqual([chair, substitute, past]);
      expect(seats.map((seat: { current: boolean }) => seat.current)).toEqual([true, true, false]);
      expect(seats[0]).toEqual({
        membershipId: chair,
        organId: expect.any(String),
        organName: 'Byggnadsnämnden',
        organShortName: expect.stringMatching(/^BN\d+$/),
        termId: tenant.termId,
        role: 'member',
        position: 'chair',
        party: 'M',
        substituteOrder: null,
        personalSubstituteMembershipIds: [],
        personalSubstituteFor: [],
        validFrom: '2024-01-01',
        validTo: TERM.endDate,
        current: true,
      });
      expect(seats[1]).toMatchObject({ organName: 'Arvodesberedningen', role: 'substitute', substituteOrder: 2 });

      const earlier = expectStatus(await officer.get(`/persons/${personId}/seats`, { date: '2023-12-31' }), 200);
      expect(earlier.map((seat: { current: boolean }) => seat.current)).toEqual([false, true, true]);
      const later = expectStatus(await officer.get(`/persons/${personId}/seats`, { date: '2027-01-01' }), 200);
      expect(later.map((seat: { current: boolean }) => seat.current)).toEqual([false, false, false]);
    });

    it('marks seats against today when no date is given', async () => {
      const today = swedishDate();
      const seats = expectStatus(await admin.get(`/persons/${personId}/seats`), 200);
      expect(seats).toHaveLength(3);
      for (const seat of seats) {
        expect(seat.current).toBe(seat.validFrom <= today && today <= seat.validTo);
      }
    });

    it("shows a member seat's personal substitutes and, on a substitute's seats, whose personal substitute the seat is", async () => {
      const council = await tenant.organ({ name: 'Pensionärsrådet', shortName: code('PR'), kind: 'advisory_council' });
      const memberPerson = await tenant.person();
      const substitutePerson = await tenant.person();
      const member = await tenant.seat({ personId: memberPerson, organId: council, role: 'member' });
      const otherMember = await tenant.seat({ personId: await tenant.person(), organId: council, role: 'member' });
      const first = await tenant.seat({ personId: substitutePerson, organId: council, role: 'substitute', substituteOrder: 2 });
      const second = await tenant.seat({ personId: await tenant.person(), organId: council, role: 'substitute', substituteOrder: 1 });
      expectStatus(await admin.patch(`/memberships/${member}`, { personalSubstituteMembershipIds: [first, second] }), 200);
      expectStatus(await admin.patch(`/memberships/${otherMember}`, { personalSubstituteMembershipIds: [first] }), 200);

      const [memberSeat] = expectStatus(await officer.get(`/persons/${memberPerson}/seats`), 200);
      expect(memberSeat).toMatchObject({ membershipId: member, personalSubstituteMembershipIds: [first, second], personalSubstituteFor: [] });
      const [substituteSeat] = expectStatus(await officer.get(`/persons/${substitutePerson}/seats`), 200);
      expect(substituteSeat).toMatchObject({ membershipId: first, personalSubstituteMembershipIds: [] });
      expect([...substituteSeat.personalSubstituteFor].sort()).toEqual([member, otherMember].sort());
    });

    it('answers an empty list for a person without seats', async () => {
      expect(expectStatus(await admin.get(`/persons/${await tenant.person()}/seats`, { date: '2024-01-01' }), 200)).toEqual([]);
    });

    it('refuses an impossible date naming it, and answers 404 for an unknown person', async () => {
      expectInvalid(await admin.get(`/persons/${personId}/seats`, { date: '2023-04-31' }), ['date']);
      for (const id of UNKNOWN_IDS) {
        expectError(await admin.get(`/persons/${id}/seats`), 404, 'NOT_FOUND', 'Personen hittades inte');
      }
    });
  });
});
