import { readdir } from 'node:fs/promises';
import * as mammoth from 'mammoth';
import { DataSource } from 'typeorm';
import { RequestContext, swedishDate } from '@namndrum/core';
import { DocumentService, MatterService } from '@namndrum/matters';
import { DepartmentService } from '@namndrum/organisation';
import { createTenant, Tenant } from './factories/tenant.factory';
import { binaryParser, docxWithText, EXE_HEADER, pdfWithText, PNG_1X1 } from './support/files';
import { createTestApp, TestApp } from './support/test-app';

const UPLOAD_LIMIT = 300_000;
const year = Number(swedishDate().slice(0, 4));

async function storedFiles(): Promise<string[]> {
  const root = process.env.FILES_DIR!;
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (entry.isDirectory()) await walk(`${dir}/${entry.name}`);
      else found.push(entry.name);
    }
  };
  await walk(root);
  return found;
}

describe('matters: diarium, case numbers, documents and tjänsteskrivelser', () => {
  let testApp: TestApp;
  let tenant: Tenant;
  let organId: string;
  let otherDepartmentId: string;
  let admin: string;
  let secretary: string;
  let officer: string;
  let head: string;
  let otherHead: string;
  let member: string;
  let outsider: string;
  let registryId: string;

  const as = (token: string) => ({
    get: (path: string) => testApp.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`),
    post: (path: string, body?: object) => testApp.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body),
    put: (path: string, body: object) => testApp.http().put(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) => testApp.http().patch(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body),
    upload: (matterId: string, file: Buffer, fileName: string, fields: Record<string, string>) => {
      const request = testApp.http().post(`/api/v1/matters/${matterId}/documents`).set('Authorization', `Bearer ${token}`);
      for (const [key, value] of Object.entries(fields)) request.field(key, value);
      return request.attach('file', file, fileName);
    },
  });

  const register = (token: string, body: object = {}) => as(token).post('/matters', { registryId, title: 'Ansökan om bidrag', ...body });
  const incoming = { direction: 'incoming', documentDate: '2026-01-15', counterparty: 'Föreningen Ludvika Simsällskap', description: 'Ansökan om bidrag' };

  beforeAll(async () => {
    process.env.UPLOAD_MAX_BYTES = String(UPLOAD_LIMIT);
    testApp = await createTestApp();
    tenant = await createTenant(testApp, 'Diariekommun');
    organId = await tenant.organ({ name: 'Social- och utbildningsnämnden', shortName: 'SUN', responsibleDepartmentId: tenant.departmentId });
    otherDepartmentId = (await tenant.run((ctx) => testApp.app.get(DepartmentService).create(ctx, { name: 'Samhällsbyggnadsförvaltningen', shortCode: 'SBF', kind: 'administration' }))).id;
    const memberPerson = await tenant.person({ firstName: 'Håkan', lastName: 'Ledamot' });
    await tenant.seat({ personId: memberPerson, organId, role: 'member' });
    const headPerson = await tenant.person({ kind: 'official', firstName: 'Jonas', lastName: 'Fors', title: 'Förvaltningschef', party: null });
    admin = (await tenant.user([{ role: 'admin' }])).token;
    secretary = (await tenant.user([{ role: 'secretary', organId }])).token;
    officer = (await tenant.user([{ role: 'case_officer', departmentId: tenant.departmentId }], await tenant.person({ kind: 'official', firstName: 'Sara', lastName: 'Utredarsson', party: null }))).token;
    head = (await tenant.user([{ role: 'department_head', departmentId: tenant.departmentId }], headPerson)).token;
    otherHead = (await tenant.user([{ role: 'department_head', departmentId: otherDepartmentId }], await tenant.person({ kind: 'official', party: null }))).token;
    member = (await tenant.user([], memberPerson)).token;
    outsider = (await tenant.user([{ role: 'case_officer', departmentId: otherDepartmentId }])).token;
    const registry = await as(admin).post('/registries', { code: 'SUN', name: 'Social- och utbildningsnämndens diarium', organId, suffixFormat: '\\d{2}' }).expect(201);
    registryId = registry.body.id;
  });

  afterAll(() => testApp.close());

  describe('registries', () => {
    it('refuses a second registry with the same code, one without an owner, and a bad suffix format', async () => {
      expect((await as(admin).post('/registries', { code: 'SUN', name: 'Igen', organId }).expect(409)).body.error).toBe('REGISTRY_CODE_TAKEN');
      expect((await as(admin).post('/registries', { code: 'XYZ', name: 'Ingen ägare' }).expect(400)).body.details[0].field).toBe('organId');
      expect((await as(admin).post('/registries', { code: 'XYZ', name: 'Fel format', organId, suffixFormat: '(' }).expect(400)).body.details[0].field).toBe('suffixFormat');
    });

    it('lets only admins create registries', async () => {
      await as(secretary).post('/registries', { code: 'SEK', name: 'Sekreterarens', organId }).expect(403);
    });
  });

  describe('case numbers', () => {
    it('numbers matters <code> <year>/<sequence> in order, and finds them by number', async () => {
      const first = await register(secretary, { title: 'Bildande av arbetsutskott' }).expect(201);
      const second = await register(officer, { suffix: '00' }).expect(201);
      expect(second.body.sequence).toBe(first.body.sequence + 1);
      expect(first.body.caseNumber).toBe(`SUN ${year}/${first.body.sequence}`);
      expect(second.body.caseNumber).toBe(`SUN ${year}/${second.body.sequence}-00`);
      expect(first.body).toMatchObject({ status: 'registered', registeredOn: swedishDate(), organId, departmentId: tenant.departmentId });

      const found = await as(member).get(`/matters/lookup?caseNumber=${encodeURIComponent(` sun  ${year}/${second.body.sequence}-00`)}`).expect(200);
      expect(found.body.id).toBe(second.body.id);
      expect((await as(member).get(`/matters/lookup?caseNumber=${encodeURIComponent(`SUN ${year}/${second.body.sequence}`)}`).expect(200)).body.id).toBe(second.body.id);
    });

    it('explains a malformed case number (400) and does not find an unknown one (404)', async () => {
      const malformed = await as(member).get('/matters/lookup?caseNumber=SUN%20tjugotvå').expect(400);
      expect(malformed.body).toMatchObject({ error: 'CASE_NUMBER_MALFORMED', details: [{ field: 'caseNumber' }] });
      expect(malformed.body.message).toContain('SUN 2022/5');
      await as(member).get(`/matters/lookup?caseNumber=${encodeURIComponent(`SUN ${year}/99999`)}`).expect(404);
      await as(member).get(`/matters/lookup?caseNumber=${encodeURIComponent(`NOPE ${year}/1`)}`).expect(404);
    });

    it('gives 64 parallel registrations the numbers 1..N of a fresh registry, no gap, no duplicate', async () => {
      const registry = await as(admin).post('/registries', { code: 'PAR', name: 'Parallelldiariet', organId }).expect(201);
      const responses = await Promise.all(Array.from({ length: 64 }, (_, index) => as(secretary).post('/matters', { registryId: registry.body.id, title: `Ärende ${index}` })));
      expect(responses.map((response) => response.status)).toEqual(Array(64).fill(201));
      const sequences = responses.map((response) => response.body.sequence as number).sort((a, b) => a - b);
      expect(sequences).toEqual(Array.from({ length: 64 }, (_, index) => index + 1));
    });

    it('consumes no number when the registration is refused or rolled back', async () => {
      const before = (await register(secretary).expect(201)).body.sequence;
      expect((await register(secretary, { title: '   ' }).expect(400)).body.details[0].field).toBe('title');
      await as(secretary).post('/matters', { registryId: '6b1e3c1e-8f0a-4b8e-9a43-2f1d1c0b9a77', title: 'Okänt diarium' }).expect(400);
      await register(secretary, { suffix: 'A-1' }).expect(400);
      await register(secretary, { caseOfficerId: '6b1e3c1e-8f0a-4b8e-9a43-2f1d1c0b9a77' }).expect(400);
      await register(member).expect(403);

      // A failure after the number was taken, in the same transaction, hands it back.
      const dataSource = testApp.app.get(DataSource);
      await expect(
        dataSource.transaction(async (em) => {
          const matter = await testApp.app.get(MatterService).register(RequestContext.system(em, tenant.municipalityId), { registryId, title: 'Rullas tillbaka' });
          expect(matter.sequence).toBe(before + 1);
          throw new Error('the rest of the registration failed');
        }),
      ).rejects.toThrow('the rest of the registration failed');
      expect((await register(secretary).expect(201)).body.sequence).toBe(before + 1);
    });

    it('restarts the sequence at 1 in a new year, per registry', async () => {
      const registry = await as(admin).post('/registries', { code: 'ÅR', name: 'Årsskiftesdiariet', organId }).expect(201);
      const matters = testApp.app.get(MatterService);
      const numbers = await tenant.run(async (ctx) => {
        const out: string[] = [];
        for (const registeredOn of ['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02', '2024-12-31']) {
          out.push((await matters.register(ctx, { registryId: registry.body.id, title: 'Årsskifte' }, { registeredOn })).caseNumber);
        }
        return out;
      });
      expect(numbers).toEqual(['ÅR 2024/1', 'ÅR 2024/2', 'ÅR 2025/1', 'ÅR 2025/2', 'ÅR 2024/3']);
    });

    it('keeps the number of a cancelled registration, marked makulerad, and never reuses it', async () => {
      const matter = (await register(secretary, { title: 'Felregistrerad' }).expect(201)).body;
      await as(secretary).post(`/matters/${matter.id}/cancellation`, { reason: '' }).expect(400);
      const cancelled = await as(secretary).post(`/matters/${matter.id}/cancellation`, { reason: 'Dubblett' }).expect(201);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellationReason: 'Dubblett', caseNumber: matter.caseNumber });
      expect((await register(secretary).expect(201)).body.sequence).toBe(matter.sequence + 1);
      expect((await as(member).get(`/matters/lookup?caseNumber=${encodeURIComponent(matter.caseNumber)}`).expect(200)).body.status).toBe('cancelled');
      await as(secretary).patch(`/matters/${matter.id}`, { title: 'Nytt namn' }).expect(409);
      await as(secretary).post(`/matters/${matter.id}/cancellation`, { reason: 'Igen' }).expect(409);
      const events = (await as(member).get(`/matters/${matter.id}/events`).expect(200)).body;
      expect(events.map((event: { kind: string }) => event.kind)).toEqual(['registered', 'cancelled']);
    });
  });

  describe('lifecycle and lists', () => {
    it('moves through the lifecycle and refuses skipped or backward steps with 409', async () => {
      const matter = (await register(secretary).expect(201)).body;
      await as(secretary).post(`/matters/${matter.id}/status`, { status: 'decided' }).expect(409);
      await as(secretary).post(`/matters/${matter.id}/status`, { status: 'in_preparation' }).expect(201);
      await as(secretary).post(`/matters/${matter.id}/status`, { status: 'ready_for_decision' }).expect(201);
      await as(secretary).post(`/matters/${matter.id}/status`, { status: 'decided' }).expect(201);
      const closed = await as(secretary).post(`/matters/${matter.id}/status`, { status: 'closed' }).expect(201);
      expect(closed.body.closedOn).toBe(swedishDate());
      await as(secretary).post(`/matters/${matter.id}/status`, { status: 'in_preparation' }).expect(409);
      await as(secretary).post(`/matters/${matter.id}/status`, { status: 'cancelled' }).expect(400);
    });

    it('filters by registry, year, status, department, case officer and organ', async () => {
      const registry = await as(admin).post('/registries', { code: 'FLT', name: 'Filterdiariet', departmentId: otherDepartmentId }).expect(201);
      const officerPerson = await tenant.person({ kind: 'official', party: null });
      const matter = (await as(secretary).post('/matters', { registryId: registry.body.id, title: 'Filtrerbart', caseOfficerId: officerPerson }).expect(201)).body;
      expect(matter).toMatchObject({ departmentId: otherDepartmentId, organId: null, caseOfficerId: officerPerson });
      const ids = async (query: string) => (await as(member).get(`/matters?${query}`).expect(200)).body.items.map((item: { id: string }) => item.id);
      expect(await ids(`registryId=${registry.body.id}`)).toEqual([matter.id]);
      expect(await ids(`caseOfficerId=${officerPerson}`)).toEqual([matter.id]);
      expect(await ids(`departmentId=${otherDepartmentId}`)).toContain(matter.id);
      expect(await ids(`departmentId=${tenant.departmentId}`)).not.toContain(matter.id);
      expect(await ids(`registryId=${registry.body.id}&year=${year - 1}`)).toEqual([]);
      expect(await ids(`registryId=${registry.body.id}&status=closed`)).toEqual([]);
      expect(await ids(`organId=${organId}`)).not.toContain(matter.id);
      expect(await ids(`q=${encodeURIComponent(matter.caseNumber)}`)).toEqual([matter.id]);
      await as(member).get('/matters?status=bortglömt').expect(400);
    });
  });

  describe('documents', () => {
    let matterId: string;
    let caseNumber: string;

    beforeAll(async () => {
      const matter = (await register(secretary, { title: 'Handlingar i ärendet' }).expect(201)).body;
      matterId = matter.id;
      caseNumber = matter.caseNumber;
    });

    it('registers uploads with their own sequence and serves them back byte for byte', async () => {
      const docx = await docxWithText('Ansökan', 'Föreningen ansöker om bidrag.');
      const first = await as(officer).upload(matterId, docx, 'ansökan.docx', incoming).expect(201);
      const second = await as(officer).upload(matterId, pdfWithText('Kvitto'), 'kvitto.pdf', { direction: 'drawn_up', documentDate: '2026-01-16', description: 'Mottagningskvitto' }).expect(201);
      const third = await as(officer).upload(matterId, PNG_1X1, 'karta.png', { ...incoming, description: 'Karta' }).expect(201);
      expect([first.body.documentNumber, second.body.documentNumber, third.body.documentNumber]).toEqual([`${caseNumber}-1`, `${caseNumber}-2`, `${caseNumber}-3`]);
      expect(first.body).toMatchObject({ direction: 'incoming', counterparty: 'Föreningen Ludvika Simsällskap', fileName: 'ansökan.docx', sizeBytes: docx.length, secret: false });
      expect(first.body).not.toHaveProperty('extractedText');

      const download = await as(member).get(`/documents/${first.body.id}/content`).buffer(true).parse(binaryParser).expect(200);
      expect(download.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(download.headers['content-disposition']).toBe(`attachment; filename="ans?kan.docx"; filename*=UTF-8''ans%C3%B6kan.docx`);
      expect((download.body as Buffer).equals(docx)).toBe(true);
      expect((await as(member).get(`/documents/${third.body.id}/content`).expect(200)).headers['content-type']).toBe('image/png');

      const listed = (await as(member).get(`/matters/${matterId}/documents`).expect(200)).body;
      expect(listed.map((document: { sequence: number }) => document.sequence)).toEqual([1, 2, 3]);
      expect((await as(member).get(`/matters/lookup?caseNumber=${encodeURIComponent(`${caseNumber}-2`)}`).expect(200)).body.id).toBe(matterId);
    });

    it('refuses a forbidden type, a too large file and missing particulars, storing nothing', async () => {
      const filesBefore = await storedFiles();
      const sequenceBefore = (await as(member).get(`/matters/${matterId}`).expect(200)).body.lastDocumentSequence;

      const exe = await as(officer).upload(matterId, EXE_HEADER, 'faktura.pdf', incoming).expect(400);
      expect(exe.body).toMatchObject({ error: 'FILE_TYPE_NOT_ACCEPTED', details: [{ field: 'file' }] });
      expect(exe.body.message).toContain('Tillåtna filtyper');
      await as(officer).upload(matterId, Buffer.from('bara text'), 'notering.txt', incoming).expect(400);

      const tooLarge = await as(officer).upload(matterId, Buffer.concat([pdfWithText('stor'), Buffer.alloc(UPLOAD_LIMIT)]), 'stor.pdf', incoming).expect(413);
      expect(tooLarge.body.message).toMatch(/för stor/);

      const noSender = await as(officer).upload(matterId, pdfWithText('utan avsändare'), 'brev.pdf', { ...incoming, counterparty: '' }).expect(400);
      expect(noSender.body.details[0].field).toBe('counterparty');
      await as(officer).upload(matterId, pdfWithText('framtid'), 'brev.pdf', { ...incoming, documentDate: '2999-01-01' }).expect(400);
      await as(officer).upload(matterId, pdfWithText('felaktigt datum'), 'brev.pdf', { ...incoming, documentDate: '2026-02-30' }).expect(400);
      await as(officer).upload(matterId, pdfWithText('hemlig utan grund'), 'brev.pdf', { ...incoming, secret: 'true' }).expect(400);
      await testApp.http().post(`/api/v1/matters/${matterId}/documents`).set('Authorization', `Bearer ${officer}`).field('direction', 'incoming').expect(400);
      await as(member).upload(matterId, pdfWithText('ledamot'), 'brev.pdf', incoming).expect(403);

      expect(await storedFiles()).toEqual(filesBefore);
      expect((await as(member).get(`/matters/${matterId}`).expect(200)).body.lastDocumentSequence).toBe(sequenceBefore);
    });

    it('removes the stored file when the registration rolls back after storing it', async () => {
      const content = pdfWithText(`Rullas tillbaka ${Date.now()}`);
      let ctx: RequestContext | undefined;
      await expect(
        testApp.app.get(DataSource).transaction(async (em) => {
          ctx = RequestContext.system(em, tenant.municipalityId);
          await testApp.app.get(DocumentService).register(ctx, matterId, { buffer: content, originalname: 'x.pdf', size: content.length }, { ...incoming, direction: 'incoming' });
          expect((await storedFiles()).length).toBeGreaterThan(0);
          throw new Error('later step failed');
        }),
      ).rejects.toThrow('later step failed');
      const before = await storedFiles();
      await ctx!.runRollbackHooks();
      expect((await storedFiles()).length).toBe(before.length - 1);
    });
  });

  describe('secrecy', () => {
    let matterId: string;
    let secretDocumentId: string;
    let publicDocumentId: string;

    beforeAll(async () => {
      matterId = (await register(secretary, { title: 'Orosanmälan' }).expect(201)).body.id;
      secretDocumentId = (
        await as(officer).upload(matterId, pdfWithText('Uppgifter om enskild, hemlighetsmakarevägen'), 'anmalan.pdf', { ...incoming, secret: 'true', secrecyProvision: 'OSL 26 kap. 1 §' }).expect(201)
      ).body.id;
      publicDocumentId = (await as(officer).upload(matterId, pdfWithText('Allmän skrivelse'), 'skrivelse.pdf', incoming).expect(201)).body.id;
    });

    it('records the secrecy marking: provision, date and who', async () => {
      const document = (await as(secretary).get(`/documents/${secretDocumentId}`).expect(200)).body;
      expect(document).toMatchObject({ secret: true, secrecyProvision: 'OSL 26 kap. 1 §', secrecyMarkedOn: swedishDate() });
      expect(document.secrecyMarkedBy).toMatch(/@test\.example$/);
    });

    it('shows a secret document to the organ\'s members, its secretary and the department, and to no one else (404)', async () => {
      for (const token of [member, secretary, officer, head]) {
        await as(token).get(`/documents/${secretDocumentId}/content`).expect(200);
        expect((await as(token).get(`/matters/${matterId}/documents`).expect(200)).body).toHaveLength(2);
      }
      for (const token of [outsider, otherHead, admin]) {
        await as(token).get(`/documents/${secretDocumentId}`).expect(404);
        await as(token).get(`/documents/${secretDocumentId}/content`).expect(404);
        const listed = (await as(token).get(`/matters/${matterId}/documents`).expect(200)).body;
        expect(listed.map((document: { id: string }) => document.id)).toEqual([publicDocumentId]);
      }
    });

    it('finds a secret document by its words for the organ\'s members, its secretary and the department, and for no one else', async () => {
      const found = async (token: string) => (await as(token).get('/matters?q=hemlighetsmakarevägen').expect(200)).body;
      for (const token of [member, secretary, officer, head]) {
        expect(await found(token)).toMatchObject({ total: 1, items: [{ id: matterId }] });
      }
      for (const token of [outsider, otherHead, admin]) {
        expect(await found(token)).toMatchObject({ total: 0, items: [] });
      }
      await testApp.http().get('/api/v1/matters?q=hemlighetsmakarevägen').expect(401);
    });

    it('hides a secret matter from those without access, in lists too', async () => {
      const secret = (await register(secretary, { title: 'Sekretessärende', secret: true, secrecyProvision: 'OSL 26 kap. 1 §' }).expect(201)).body;
      await register(secretary, { title: 'Utan grund', secret: true }).expect(400);
      await as(member).get(`/matters/${secret.id}`).expect(200);
      await as(outsider).get(`/matters/${secret.id}`).expect(404);
      await as(outsider).get(`/matters/lookup?caseNumber=${encodeURIComponent(secret.caseNumber)}`).expect(404);
      const listed = async (token: string) => (await as(token).get(`/matters?registryId=${registryId}&pageSize=200`).expect(200)).body.items.map((item: { id: string }) => item.id);
      expect(await listed(member)).toContain(secret.id);
      expect(await listed(outsider)).not.toContain(secret.id);
    });

    it('lets a registrar lift the marking, and the document becomes visible', async () => {
      const lifted = await as(secretary).post(`/documents/${secretDocumentId}/secrecy`, { secret: false }).expect(201);
      expect(lifted.body).toMatchObject({ secret: false, secrecyProvision: null });
      await as(outsider).get(`/documents/${secretDocumentId}`).expect(200);
      await as(secretary).post(`/documents/${secretDocumentId}/secrecy`, { secret: true }).expect(400);
      expect((await as(outsider).get('/matters?q=hemlighetsmakarevägen').expect(200)).body.total).toBe(1);
      await as(secretary).post(`/documents/${secretDocumentId}/secrecy`, { secret: true, secrecyProvision: 'OSL 26 kap. 1 §' }).expect(201);
      await as(outsider).get(`/documents/${secretDocumentId}`).expect(404);
      expect((await as(outsider).get('/matters?q=hemlighetsmakarevägen').expect(200)).body.total).toBe(0);
      expect((await as(officer).get('/matters?q=hemlighetsmakarevägen').expect(200)).body.total).toBe(1);
    });
  });

  describe('tjänsteskrivelse workflow', () => {
    let matterId: string;
    let attachmentId: string;
    const content = {
      title: 'Bildande av arbetsutskott för social- och utbildningsnämnden',
      proposedDecision: ['Social- och utbildningsnämnden beslutar att arbetsutskottet ska bestå av 5 ledamöter och 5 ersättare.', 'Social- och utbildningsnämnden väljer:\nOrdförande\nVice ordförande'],
      summary: null,
      description: 'Enligt det allmänna reglementet för Ludvika kommun får nämnderna inrätta utskott.',
      financialConsequences: 'Förvaltningens förslag till beslut medför inte några kostnader.',
      sections: [{ heading: 'Juridiska konsekvenser', body: 'Inga.' }],
      decisionRecipients: ['Ledamöter och ersättare i nämnden', 'Akten'],
    };

    beforeAll(async () => {
      matterId = (await register(secretary, { title: 'Bildande av arbetsutskott' }).expect(201)).body.id;
      attachmentId = (await as(officer).upload(matterId, await docxWithText('Instruktion', 'Instruktion för utskott'), 'instruktion.docx', { ...incoming, counterparty: 'Kommunstyrelsen', description: 'Instruktion för kommunstyrelsens utskott och beredningar' }).expect(201)).body.id;
    });

    it('runs draft → submitted → returned → submitted → signed, and only the department head signs', async () => {
      await as(member).post(`/matters/${matterId}/officer-reports`, content).expect(403);
      await as(outsider).post(`/matters/${matterId}/officer-reports`, content).expect(403);
      await as(officer).post(`/matters/${matterId}/officer-reports`, { ...content, title: '' }).expect(400);
      await as(officer).post(`/matters/${matterId}/officer-reports`, { ...content, attachmentDocumentIds: ['6b1e3c1e-8f0a-4b8e-9a43-2f1d1c0b9a77'] }).expect(400);
      const draft = (await as(officer).post(`/matters/${matterId}/officer-reports`, { ...content, attachmentDocumentIds: [attachmentId] }).expect(201)).body;
      expect(draft).toMatchObject({ version: 1, status: 'draft', organId, departmentId: tenant.departmentId, contentSha256: null, signedAuthMethod: null, signedAuthProviderName: null });
      expect((await as(member).get(`/matters/${matterId}`).expect(200)).body.status).toBe('in_preparation');
      await as(officer).post(`/matters/${matterId}/officer-reports`, content).expect(409);

      await as(officer).put(`/officer-reports/${draft.id}`, { ...content, attachmentDocumentIds: [attachmentId], summary: 'Utskottet bereder ärenden.' }).expect(200);
      await as(head).post(`/officer-reports/${draft.id}/approval`).expect(409);
      await as(officer).post(`/officer-reports/${draft.id}/submission`).expect(201);
      await as(officer).put(`/officer-reports/${draft.id}`, content).expect(409);
      await as(officer).post(`/officer-reports/${draft.id}/approval`).expect(403);
      await as(otherHead).post(`/officer-reports/${draft.id}/approval`).expect(403);

      await as(head).post(`/officer-reports/${draft.id}/return`, { comment: '' }).expect(400);
      const returned = (await as(head).post(`/officer-reports/${draft.id}/return`, { comment: 'Komplettera beskrivningen.' }).expect(201)).body;
      expect(returned).toMatchObject({ status: 'returned', returnComment: 'Komplettera beskrivningen.' });
      await as(officer).put(`/officer-reports/${draft.id}`, { ...content, attachmentDocumentIds: [attachmentId], summary: 'Utskottet bereder ärenden åt nämnden.' }).expect(200);
      await as(officer).post(`/officer-reports/${draft.id}/submission`).expect(201);
      await as(member).get(`/matters/${matterId}/officer-reports/signed`).expect(404);

      const signed = (await as(head).post(`/officer-reports/${draft.id}/approval`).expect(201)).body;
      // Signed in with e-mail and password: the signature records it.
      expect(signed).toMatchObject({ status: 'signed', signedByName: 'Jonas Fors', signedByTitle: 'Förvaltningschef', signedAuthMethod: 'password', signedAuthProviderName: null });
      expect(signed.contentSha256).toMatch(/^[0-9a-f]{64}$/);
      const [stored] = await testApp.dataSource.query(`SELECT signed_auth_method, signed_auth_provider_name FROM officer_reports WHERE id = $1`, [draft.id]);
      expect(stored).toEqual({ signed_auth_method: 'password', signed_auth_provider_name: null });
      expect(Date.now() - new Date(signed.signedAt).getTime()).toBeLessThan(60_000);
      expect((await as(member).get(`/matters/${matterId}`).expect(200)).body.status).toBe('ready_for_decision');
      expect((await as(member).get(`/matters/${matterId}/officer-reports/signed`).expect(200)).body.id).toBe(draft.id);

      const registered = (await as(member).get(`/documents/${signed.documentId}`).expect(200)).body;
      expect(registered).toMatchObject({ kind: 'officer_report', direction: 'drawn_up', sequence: 2 });

      const kinds = (await as(member).get(`/matters/${matterId}/events`).expect(200)).body.map((event: { kind: string }) => event.kind);
      expect(kinds).toEqual(['registered', 'document_added', 'report_drafted', 'status_changed', 'report_submitted', 'report_returned', 'report_submitted', 'document_added', 'report_signed', 'status_changed']);
    });

    it('renders the signed report as a DOCX with headings, the numbered proposal and the signature', async () => {
      const [report] = (await as(member).get(`/matters/${matterId}/officer-reports`).expect(200)).body;
      const response = await as(member).get(`/officer-reports/${report.id}/docx`).buffer(true).parse(binaryParser).expect(200);
      expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      const html = (await mammoth.convertToHtml({ buffer: response.body })).value;
      const text = (await mammoth.extractRawText({ buffer: response.body })).value;
      expect(html).toContain(`<h1>${content.title}</h1>`);
      expect(html).toContain('<h2>Förvaltningens förslag till beslut</h2><ol><li>Social- och utbildningsnämnden beslutar att arbetsutskottet ska bestå av 5 ledamöter och 5 ersättare.</li>');
      expect(html).toContain('<h2>Juridiska konsekvenser</h2>');
      expect(text).toMatch(/Jonas Fors\s+Förvaltningschef/);
      expect(text).toContain('Instruktion för kommunstyrelsens utskott och beredningar');
      expect(text).toContain('Ledamöter och ersättare i nämnden');
      expect(text).not.toContain('UTKAST');
    });

    it('never changes a signed report: edits answer 409, a change is a new version needing its own signature', async () => {
      const [report] = (await as(member).get(`/matters/${matterId}/officer-reports`).expect(200)).body;
      const edit = await as(officer).put(`/officer-reports/${report.id}`, { ...content, title: 'Ändrad' }).expect(409);
      expect(edit.body.message).toContain('ny version');
      await as(head).post(`/officer-reports/${report.id}/return`, { comment: 'för sent' }).expect(409);
      await expect(testApp.dataSource.query(`UPDATE officer_reports SET content = '{}' WHERE id = $1`, [report.id])).rejects.toThrow(/signed and cannot change/);

      const next = (await as(officer).post(`/officer-reports/${report.id}/revision`).expect(201)).body;
      expect(next).toMatchObject({ version: 2, status: 'draft', attachmentDocumentIds: [attachmentId] });
      expect(next.content.summary).toBe('Utskottet bereder ärenden åt nämnden.');
      await as(officer).post(`/officer-reports/${report.id}/revision`).expect(409);
      await as(officer).put(`/officer-reports/${next.id}`, { ...content, title: 'Ändrad titel' }).expect(200);
      const draftDocx = await as(member).get(`/officer-reports/${next.id}/docx`).buffer(true).parse(binaryParser).expect(200);
      expect((await mammoth.extractRawText({ buffer: draftDocx.body })).value).toContain('UTKAST');
      // The agenda still gets the signed version 1 until version 2 is signed.
      expect((await as(member).get(`/matters/${matterId}/officer-reports/signed`).expect(200)).body.version).toBe(1);
      // Signing moved the matter on; its document numbering carries on after the signed DOCX.
      const later = await as(officer).upload(matterId, pdfWithText('Komplettering'), 'komplettering.pdf', incoming).expect(201);
      expect(later.body.sequence).toBe(3);
      const unchanged = (await as(member).get(`/officer-reports/${report.id}`).expect(200)).body;
      expect(unchanged).toMatchObject({ status: 'signed', contentSha256: report.contentSha256, content: { title: content.title } });
    });
  });

  describe('Swedish full-text search', () => {
    it('finds "arbetsutskottet" in titles, report texts and document text when asked for "arbetsutskott"', async () => {
      const inTitle = (await register(secretary, { title: 'Frågor till arbetsutskottet om lokaler' }).expect(201)).body.id;
      const inReport = (await register(secretary, { title: 'Organisation av nämndens beredning' }).expect(201)).body.id;
      await as(officer).post(`/matters/${inReport}/officer-reports`, { title: 'Organisation', proposedDecision: ['Nämnden inrättar ett beredande organ.'], description: 'Ärendena bereds av arbetsutskottet före nämndens sammanträde.' }).expect(201);
      const inDocument = (await register(secretary, { title: 'Skrivelse från föreningen' }).expect(201)).body.id;
      await as(officer).upload(inDocument, await docxWithText('Skrivelse', 'Vi vill träffa arbetsutskottet i vår.'), 'skrivelse.docx', incoming).expect(201);
      const inPdf = (await register(secretary, { title: 'Inkommen skrivelse i PDF' }).expect(201)).body.id;
      await as(officer).upload(inPdf, pdfWithText('Protokollsutdrag från arbetsutskottet'), 'utdrag.pdf', incoming).expect(201);
      const unrelated = (await register(secretary, { title: 'Bygglov för förråd' }).expect(201)).body.id;

      const hits = (await as(member).get('/matters?q=arbetsutskott&pageSize=200').expect(200)).body.items.map((item: { id: string }) => item.id);
      expect(hits).toEqual(expect.arrayContaining([inTitle, inReport, inDocument, inPdf]));
      expect(hits).not.toContain(unrelated);
      expect(hits.indexOf(inTitle)).toBeLessThan(hits.indexOf(inDocument));
      const inflected = (await as(member).get('/matters?q=bygglovet').expect(200)).body.items.map((item: { id: string }) => item.id);
      expect(inflected).toContain(unrelated);
    });

    describe('a tjänsteskrivelse registered as secret', () => {
      let secretReportMatter: string;
      let publicTitleMatter: string;
      let reportId: string;
      const found = async (token: string, q: string) => (await as(token).get(`/matters?q=${encodeURIComponent(q)}&pageSize=1`).expect(200)).body;

      beforeAll(async () => {
        publicTitleMatter = (await register(secretary, { title: 'Kartläggning av fjällvråksboplatser' }).expect(201)).body.id;
        secretReportMatter = (await register(secretary, { title: 'Stöd till enskild' }).expect(201)).body.id;
        const draft = (
          await as(officer).post(`/matters/${secretReportMatter}/officer-reports`, { title: 'Stöd till enskild', proposedDecision: ['Nämnden beviljar stödet.'], description: 'Den enskilde bor vid fjällvråksboplatsen i Gonäs.' }).expect(201)
        ).body;
        reportId = draft.id;
        await as(officer).post(`/officer-reports/${reportId}/submission`).expect(201);
        const signed = (await as(head).post(`/officer-reports/${reportId}/approval`).expect(201)).body;
        await as(secretary).post(`/documents/${signed.documentId}/secrecy`, { secret: true, secrecyProvision: 'OSL 26 kap. 1 §' }).expect(201);
      });

      it('is found by its words by the secretary, a member and the handling department, counted and ranked with the public hits and paged', async () => {
        for (const token of [secretary, member, officer, head]) {
          const first = await found(token, 'fjällvråksboplats');
          expect(first).toMatchObject({ total: 2, items: [{ id: publicTitleMatter }] });
          const second = (await as(token).get('/matters?q=fjällvråksboplats&pageSize=1&page=2').expect(200)).body;
          expect(second).toMatchObject({ total: 2, items: [{ id: secretReportMatter }] });
        }
      });

      it('is not found by its words by a case officer or head of another department, an admin without access, or anonymously', async () => {
        for (const token of [outsider, otherHead, admin]) {
          const hits = (await as(token).get('/matters?q=fjällvråksboplats&pageSize=200').expect(200)).body;
          expect(hits).toMatchObject({ total: 1, items: [{ id: publicTitleMatter }] });
          expect((await found(token, 'Gonäs')).total).toBe(0);
          // The matter itself is public and is found by its title.
          expect((await found(token, 'Stöd till enskild')).items.map((item: { id: string }) => item.id)).toContain(secretReportMatter);
        }
        await testApp.http().get('/api/v1/matters?q=fjällvråksboplats').expect(401);
      });

      it('keeps a new version\'s draft as secret as the signed one it revises', async () => {
        const next = (await as(officer).post(`/officer-reports/${reportId}/revision`).expect(201)).body;
        await as(officer).put(`/officer-reports/${next.id}`, { title: 'Stöd till enskild', proposedDecision: ['Nämnden beviljar stödet.'], description: 'Den enskilde har flyttat till Blötbergsgården.' }).expect(200);
        expect((await found(outsider, 'Blötbergsgården')).total).toBe(0);
        expect((await found(admin, 'Blötbergsgården')).total).toBe(0);
        expect((await found(secretary, 'Blötbergsgården')).items.map((item: { id: string }) => item.id)).toEqual([secretReportMatter]);
      });
    });
  });
});
