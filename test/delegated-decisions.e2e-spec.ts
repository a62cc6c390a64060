import { MatterSecrecyService } from '@namndrum/matters';
import { AppConfig, AuditService, FILE_STORAGE, OutboxService } from '@namndrum/core';
import { DelegationReportService, DeliveryService, MailDelivery, NoticeDispatcher, NoticeService } from '@namndrum/meetings';
import { OrganService, PersonService } from '@namndrum/organisation';
import { NoticeMailMaterial } from '../libs/meetings/src/jobs/notice-mail-material';
import { readDocx } from '../libs/documents/src/testing/read-docx';
import { createTenant, Tenant } from './factories/tenant.factory';
import { binaryParser } from './support/files';
import { Api, MeetingWorld, meetingWorld, TestClock } from './support/meeting-fixture';
import { createTestApp, TestApp } from './support/test-app';
import { renderNoticeBundle } from './support/notice-bundles';
import { poppler, squash } from './support/pdf-reading';

const SECRET_MARKER = 'HEMLIGPLACERING-7Q4';

interface DecisionBody {
  id: string;
  status: string;
  decisionText: string;
  delegateName: string;
  delegateTitle: string | null;
  caseNumber: string | null;
  reportedInParagraph: string | null;
  reportedAtMeetingId: string | null;
  reportedAt: string | null;
}

/**
 * Anmälan av delegationsbeslut (KL 6 kap. 40 §, 7 kap. 8 §): decisions registered for an organ, listed on
 * the next meeting's agenda, in its notice and e-mail and in its minutes, and reported once those are verified.
 */
describe('delegated decisions and their report to the organ', () => {
  const clock = new TestClock();
  let testApp: TestApp;
  let tenant: Tenant;
  let world: MeetingWorld;
  let outsider: Api;
  let member: Api;
  let matter: { matterId: string; caseNumber: string };
  let secretMatter: { matterId: string; caseNumber: string };
  const ids: Record<string, string> = {};

  const register = (body: object, as: Api = world.secretary) => as.post('/delegated-decisions', { organId: world.organId, ...body });
  const decision = async (id: string, as: Api = world.secretary): Promise<DecisionBody> => (await as.get(`/delegated-decisions/${id}`).expect(200)).body;
  const reportItem = async (meetingId: string, as: Api = world.secretary) =>
    ((await as.get(`/meetings/${meetingId}/agenda-items`).expect(200)).body as { title: string; delegatedDecisions?: { id: string; decisionText: string; masked: boolean }[] }[]).find(
      (item) => item.title === 'Anmälan av delegationsbeslut',
    )!;

  beforeAll(async () => {
    testApp = await createTestApp([], { clock });
    tenant = await createTenant(testApp, 'Delegationskommun');
    world = await meetingWorld(testApp, tenant);
    outsider = world.as((await tenant.user([])).token);
    member = await world.user('erik');
    clock.current = new Date('2026-01-05T09:00:00Z');
    // The fixture's matters carry their case numbers too.
    matter = (await world.unsignedMatter('Skolskjuts vid växelvis boende')) as typeof matter;
    secretMatter = (await world.unsignedMatter(`Placering ${SECRET_MARKER}`, { secret: true, secrecyProvision: 'OSL 26 kap. 1 §' })) as typeof secretMatter;
  }, 60_000);

  afterAll(async () => {
    clock.current = null;
    await testApp?.close();
  });

  describe('the register', () => {
    it('registers a delegated decision with its point, date, delegate and matter, and an urgent chair decision by a person of the register', async () => {
      const delegated = (
        await register({ kind: 'delegated', decisionText: 'Beviljad skolskjuts', delegationPoint: '3.2', decidedOn: '2026-01-02', delegateName: 'Anna Berg', delegateTitle: 'enhetschef', matterId: matter.matterId }).expect(
          201,
        )
      ).body;
      expect(delegated).toMatchObject({ kind: 'delegated', status: 'registered', caseNumber: matter.caseNumber, delegatePersonId: null, delegateName: 'Anna Berg', reportedAt: null });
      ids.delegated = delegated.id;
      const urgent = (await register({ kind: 'urgent_chair', decisionText: 'Yttrande till länsstyrelsen om tillstånd', decidedOn: '2026-01-04', delegatePersonId: world.people.hakan.personId }).expect(201)).body;
      expect(urgent).toMatchObject({ kind: 'urgent_chair', delegationPoint: null, delegateName: 'Hakan Testsson', status: 'registered' });
      ids.urgent = urgent.id;
      ids.secret = (
        await register({ kind: 'delegated', decisionText: `Beslut om placering ${SECRET_MARKER}`, delegationPoint: '5.1', decidedOn: '2026-01-03', delegateName: 'Olle Ek', matterId: secretMatter.matterId }).expect(201)
      ).body.id;
    });

    it('refuses a decision without its delegation point, in the future, with two delegates or none, or for an unknown organ, naming the field and storing nothing', async () => {
      const before = (await world.secretary.get(`/delegated-decisions?organId=${world.organId}`).expect(200)).body.total;
      const base = { kind: 'delegated', decisionText: 'Beslut', delegationPoint: '1.1', decidedOn: '2026-01-02', delegateName: 'Anna Berg' };
      const field = async (body: object) => (await register(body).expect(400)).body.details.map((detail: { field: string }) => detail.field);
      expect(await field({ ...base, delegationPoint: undefined })).toEqual(['delegationPoint']);
      expect((await register({ ...base, decidedOn: '2026-01-06' }).expect(400)).body).toMatchObject({ message: 'Beslutsdatumet kan inte ligga i framtiden', details: [{ field: 'decidedOn' }] });
      expect(await field({ ...base, delegatePersonId: world.people.anna.personId })).toEqual(['delegatePersonId']);
      expect(await field({ ...base, delegateName: undefined })).toEqual(['delegatePersonId']);
      expect(await field({ ...base, organId: '00000000-0000-4000-8000-000000000000' })).toEqual(['organId']);
      expect(await field({ ...base, decidedOn: '2026-02-30' })).toEqual(['decidedOn']);
      // KL 6 kap. 39 §: an urgent decision is the chair's or another member's, not an official's nor a substitute's.
      const urgent = { kind: 'urgent_chair', decisionText: 'Yttrande', decidedOn: '2026-01-02' };
      expect((await register({ ...urgent, delegateName: 'Jonas Fors' }).expect(400)).body).toMatchObject({ error: 'URGENT_DECISION_BY_MEMBER', details: [{ field: 'delegatePersonId' }] });
      expect((await register({ ...urgent, delegatePersonId: world.people.kerstin.personId }).expect(400)).body.message).toBe('Kerstin Testsson var inte ledamot i Social- och utbildningsnämnden den 2026-01-02');
      expect((await world.secretary.get(`/delegated-decisions?organId=${world.organId}`).expect(200)).body.total).toBe(before);
    });

    it('lets secretaries, department heads and case officers register, and every user read', async () => {
      await register({ kind: 'urgent_chair', decisionText: 'Något', decidedOn: '2026-01-02', delegateName: 'X' }, member).expect(403);
      const head = (await register({ kind: 'delegated', decisionText: 'Anställning av enhetschef', delegationPoint: '1.4', decidedOn: '2026-01-01', delegateName: 'Jonas Fors' }, world.head).expect(201)).body;
      await world.head.delete(`/delegated-decisions/${head.id}`).expect(204);
      await world.secretary.get(`/delegated-decisions/${head.id}`).expect(404);
      expect((await decision(ids.delegated, member)).decisionText).toBe('Beviljad skolskjuts');
    });

    it('lists by organ and decision date span, and refuses a span that ends before it starts', async () => {
      const span = (await world.secretary.get(`/delegated-decisions?organId=${world.organId}&from=2026-01-03&to=2026-01-04`).expect(200)).body;
      expect(span.items.map((item: DecisionBody) => item.id)).toEqual([ids.urgent, ids.secret]);
      const otherOrgan = await tenant.organ({ name: 'Byggnadsnämnden' });
      expect((await world.secretary.get(`/delegated-decisions?organId=${otherOrgan}`).expect(200)).body.total).toBe(0);
      expect((await world.secretary.get('/delegated-decisions?from=2026-01-04&to=2026-01-03').expect(400)).body.details[0].field).toBe('to');
    });

    it('hides a decision in a secret matter from those who may not read the matter', async () => {
      await outsider.get(`/delegated-decisions/${ids.secret}`).expect(404);
      const listed = (await outsider.get(`/delegated-decisions?organId=${world.organId}`).expect(200)).body;
      expect(listed.items.map((item: DecisionBody) => item.id)).not.toContain(ids.secret);
      expect(JSON.stringify(listed)).not.toContain(SECRET_MARKER);
      expect((await decision(ids.secret, member)).decisionText).toContain(SECRET_MARKER);
      await outsider.patch(`/delegated-decisions/${ids.secret}`, { decisionText: 'x' }).expect(403);
    });
  });

  describe('the report at the next meeting', () => {
    let meetingId: string;
    let noticeId: string;
    let minutesId: string;
    let paragraphId: string;

    it('lists every decision since the previous meeting under "Anmälan av delegationsbeslut" on the agenda, a secret one without its text to those without access', async () => {
      clock.current = new Date('2026-01-07T09:00:00Z');
      meetingId = await world.meeting('2026-01-20T14:00:00+01:00', '2026-01-20T17:00:00+01:00');
      const { matterId } = await world.signedMatter('Budget 2026');
      await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId }).expect(201);

      const forSecretary = await reportItem(meetingId);
      expect(forSecretary.delegatedDecisions!.map((line) => line.id)).toEqual([ids.delegated, ids.secret, ids.urgent]);
      expect(forSecretary.delegatedDecisions![1]).toMatchObject({ masked: false, decisionText: `Beslut om placering ${SECRET_MARKER}` });
      const forOutsider = await reportItem(meetingId, outsider);
      expect(forOutsider.delegatedDecisions![1]).toMatchObject({ masked: true, decisionText: 'Beslut i sekretessärende' });
      expect(JSON.stringify(forOutsider)).not.toContain(SECRET_MARKER);
    });

    it('lays the list into the handlingar and the e-mail as of its finalization, without a secret decision’s text', async () => {
      clock.current = new Date('2026-01-08T09:00:00Z');
      noticeId = (await world.secretary.post(`/meetings/${meetingId}/notices`).expect(201)).body.id;
      // Registered after the notice, though decided before it: it waits for the next meeting.
      clock.current = new Date('2026-01-09T09:00:00Z');
      ids.late = (await register({ kind: 'delegated', decisionText: 'Avslag på ansökan om skolskjuts', delegationPoint: '3.2', decidedOn: '2026-01-07', delegateName: 'Anna Berg' }).expect(201)).body.id;

      // The list is a document of the item in the handlingar PDF, rendered as of the notice's finalization.
      await renderNoticeBundle(testApp, noticeId);
      const handlingar = squash(await poppler('pdftotext', (await world.secretary.get(`/meeting-notices/${noticeId}/pdf`).buffer(true).parse(binaryParser).expect(200)).body));
      expect(handlingar).toContain('Delegationsbeslut');
      for (const label of ['Datum', 'Punkt', 'Delegat', 'Beslut', 'Dnr']) expect(handlingar).toContain(label);
      expect(handlingar).toContain('Beviljad skolskjuts');
      expect(handlingar).toContain('Anna Berg, enhetschef');
      expect(handlingar).toContain('Ordförandebeslut i brådskande ärenden (KL 6 kap. 39 §)');
      expect(handlingar).toContain('Yttrande till länsstyrelsen om tillstånd');
      expect(handlingar).toContain('Beslut i sekretessärende');
      expect(handlingar).not.toContain(SECRET_MARKER);
      expect(handlingar).not.toContain('Avslag på ansökan om skolskjuts');

      // The worker's dispatch at the deadline, then the e-mail to one recipient as the worker composes it.
      clock.current = new Date('2026-01-13T07:00:00Z');
      const [{ id: outboxId }] = await testApp.dataSource.query(`SELECT id FROM outbox_jobs WHERE idempotency_key = $1`, [`notice-dispatch:${noticeId}`]);
      const { app, dataSource } = testApp;
      await new NoticeDispatcher(dataSource, app.get(OutboxService), app.get(NoticeService), app.get(DeliveryService), app.get(AuditService), clock).dispatch(outboxId);
      const delivery = await dataSource.getRepository(MailDelivery).findOneByOrFail({ noticeId, email: world.people.karin.email });
      const mail = await tenant.run((ctx) =>
        new NoticeMailMaterial(app.get(AppConfig), app.get(OrganService), app.get(PersonService), app.get(DelegationReportService), app.get(MatterSecrecyService), app.get(FILE_STORAGE)).compose(ctx, delivery),
      );
      expect(mail.text).toMatch(/Anmälan av delegationsbeslut\n {3}- Punkt 3\.2, 2026-01-02, Anna Berg, enhetschef: Beviljad skolskjuts \(dnr [^)]+\)\n/);
      expect(mail.text).toContain(`Punkt 5.1, 2026-01-03, Olle Ek: Beslut i sekretessärende (dnr ${secretMatter.caseNumber})`);
      expect(mail.text + mail.html).not.toContain(SECRET_MARKER);
      expect(mail.text).not.toContain('Avslag på ansökan om skolskjuts');
      expect((await reportItem(meetingId)).delegatedDecisions!.map((line) => line.id)).not.toContain(ids.late);
    });

    it('lists them on the public meeting page under the item as the public may read them: a secret matter\'s decision by its dnr only', async () => {
      const page = (await testApp.http().get(`/sammantraden/${meetingId}`).expect(200)).text;
      const report = page.slice(page.indexOf('Anmälan av delegationsbeslut'));
      expect(report).toContain('<h3>Delegationsbeslut</h3>');
      expect(report).toContain('<th>Datum</th><th>Punkt</th><th>Delegat</th><th>Beslut</th><th>Dnr</th>');
      expect(report).toMatch(/<tr><td>2026-01-02<\/td><td>3\.2<\/td><td>Anna Berg, enhetschef<\/td><td>Beviljad skolskjuts<\/td><td>[^<]+<\/td><\/tr>/);
      expect(report).toContain(`<td>Beslut i sekretessärende</td><td>${secretMatter.caseNumber}</td>`);
      expect(report).toContain('<h3>Ordförandebeslut i brådskande ärenden (KL 6 kap. 39 §)</h3>');
      expect(report).toContain('Yttrande till länsstyrelsen om tillstånd');
      expect(page).not.toContain(SECRET_MARKER);
      expect(page).not.toContain('Avslag på ansökan om skolskjuts');
    });

    it('lists them in the minutes with the proposal "Nämnden lägger anmälan till handlingarna", after which they cannot change', async () => {
      clock.current = new Date('2026-01-20T16:30:00Z');
      await world.secretary.post(`/meetings/${meetingId}/held`).expect(200);
      const minutes = (await world.secretary.post(`/meetings/${meetingId}/minutes`).expect(201)).body;
      minutesId = minutes.id;
      const paragraph = minutes.paragraphs.find((candidate: { title: string }) => candidate.title === 'Anmälan av delegationsbeslut');
      paragraphId = paragraph.id;
      expect(paragraph.proposal).toEqual(['Nämnden lägger anmälan till handlingarna.']);
      const shown = (await world.secretary.get(`/paragraphs/${paragraphId}`).expect(200)).body;
      expect(shown.description).toBeNull();
      expect(shown.reportedDecisions.map((line: { id: string }) => line.id)).toEqual([ids.delegated, ids.secret, ids.urgent]);
      expect(shown.reportedDecisions[0]).toEqual({
        id: ids.delegated,
        kind: 'delegated',
        decidedOn: '2026-01-02',
        delegationPoint: '3.2',
        delegateName: 'Anna Berg',
        delegateTitle: 'enhetschef',
        decisionText: 'Beviljad skolskjuts',
        caseNumber: expect.any(String),
        masked: false,
      });
      expect(shown.reportedDecisions[1]).toMatchObject({ masked: true, decisionText: 'Beslut i sekretessärende', caseNumber: secretMatter.caseNumber });
      expect(JSON.stringify(shown)).not.toContain(SECRET_MARKER);
      expect(JSON.stringify(shown)).not.toContain('Avslag på ansökan');

      expect(await decision(ids.delegated)).toMatchObject({ status: 'in_minutes', reportedAtMeetingId: meetingId, reportedInParagraph: `§ ${paragraph.number}`, reportedAt: null });
      expect((await world.secretary.patch(`/delegated-decisions/${ids.delegated}`, { decisionText: 'Ändrat' }).expect(409)).body.error).toBe('DELEGATED_DECISION_IN_MINUTES');
      expect((await world.secretary.delete(`/delegated-decisions/${ids.urgent}`).expect(409)).body.error).toBe('DELEGATED_DECISION_IN_MINUTES');
      expect((await world.secretary.patch(`/delegated-decisions/${ids.late}`, { decisionText: 'Avslag på ansökan om skolskjuts (rättat)' }).expect(200)).body.status).toBe('registered');
      // The agenda of the held meeting still shows what it reported.
      expect((await reportItem(meetingId)).delegatedDecisions!.map((line) => line.id)).toEqual([ids.delegated, ids.secret, ids.urgent]);

      const docx = await readDocx((await world.secretary.get(`/minutes/${minutesId}/docx`).buffer(true).parse(binaryParser).expect(200)).body);
      expect(docx.text).toContain('Yttrande till länsstyrelsen om tillstånd');
      expect(docx.text).not.toContain(SECRET_MARKER);
    });

    it('marks them reported at the verification of the minutes, and the next meeting reports only what came after', async () => {
      const chair = await world.user('hakan');
      const verifier = await world.user('anna');
      for (const item of (await world.secretary.get(`/minutes/${minutesId}`).expect(200)).body.paragraphs as { id: string; proposal: string[]; title: string }[]) {
        await world.secretary.post(`/paragraphs/${item.id}/decision`, item.proposal.length > 0 ? {} : { decision: [`Nämnden beslutar i ${item.title}.`] }).expect(200);
      }
      expect((await world.secretary.get(`/paragraphs/${paragraphId}`).expect(200)).body.decision).toEqual(['Nämnden lägger anmälan till handlingarna.']);
      const docx = await readDocx((await world.secretary.get(`/minutes/${minutesId}/docx`).buffer(true).parse(binaryParser).expect(200)).body);
      const report = docx.html.slice(docx.html.search(/<h1>§\u00a0\d+<br \/>Anmälan av delegationsbeslut/));
      expect(report).toMatch(/^<h1>[^]*?<h2>Beslut<\/h2><p>Nämnden lägger anmälan till handlingarna\.<\/p><h2>Anmälda delegationsbeslut<\/h2><table>/);
      expect(report).toContain('<tr><td><p>2026-01-02</p></td><td><p>3.2</p></td><td><p>Anna Berg, enhetschef</p></td><td><p>Beviljad skolskjuts</p></td>');
      expect(report).toContain('<h2>Ordförandebeslut i brådskande ärenden (KL 6 kap. 39 §)</h2><table>');
      expect(report).not.toContain('Beskrivning av ärendet');
      await world.secretary.patch(`/minutes/${minutesId}`, { verifierPersonIds: [world.people.anna.personId], verificationPlace: 'Kansliet', verificationAt: '2026-01-22T10:00:00+01:00' }).expect(200);
      clock.current = new Date('2026-01-22T09:30:00Z');
      const sha = (await world.secretary.get(`/minutes/${minutesId}`).expect(200)).body.currentContentSha256;
      await chair.post(`/minutes/${minutesId}/approvals`, { contentSha256: sha }).expect(201);
      expect(await decision(ids.delegated)).toMatchObject({ status: 'in_minutes', reportedAt: null });
      expect((await verifier.post(`/minutes/${minutesId}/approvals`, { contentSha256: sha }).expect(201)).body.status).toBe('verified');

      for (const id of [ids.delegated, ids.secret, ids.urgent]) expect(await decision(id)).toMatchObject({ status: 'reported', reportedAt: '2026-01-22T09:30:00.000Z' });
      expect((await world.secretary.patch(`/delegated-decisions/${ids.urgent}`, { decisionText: 'Ändrat' }).expect(409)).body.error).toBe('DELEGATED_DECISION_REPORTED');
      const reported = (await world.secretary.get(`/delegated-decisions?meetingId=${meetingId}&status=reported`).expect(200)).body;
      expect(reported.total).toBe(3);
      const history = (await world.admin.get(`/audit-entries?entityType=DelegatedDecision&entityId=${ids.delegated}`).expect(200)).body.items;
      expect(history.map((entry: { action: string }) => entry.action).sort()).toEqual(['register', 'report', 'take_up_in_minutes']);

      clock.current = new Date('2026-02-01T09:00:00Z');
      const next = await world.meeting('2026-02-17T14:00:00+01:00', '2026-02-17T17:00:00+01:00');
      expect((await reportItem(next)).delegatedDecisions!.map((line) => line.id)).toEqual([ids.late]);
    });

    it('marks them reported when minnesanteckningar that list them are completed', async () => {
      clock.current = new Date('2026-03-02T09:00:00Z');
      const council = await tenant.organ({ name: 'Pensionärsrådet', kind: 'advisory_council', rules: { recordKind: 'notes', verification: 'none', postMinutesOnNoticeBoard: false } });
      await tenant.seat({ personId: world.people.maria.personId, organId: council, role: 'member', position: 'chair', party: 'S' });
      const id = (await world.admin.post('/delegated-decisions', { organId: council, kind: 'urgent_chair', decisionText: 'Remissvar om färdtjänst', decidedOn: '2026-02-27', delegatePersonId: world.people.maria.personId }).expect(201)).body.id;
      const meetingId = (await world.admin.post('/meetings', { organId: council, startsAt: '2026-03-09T10:00:00+01:00', endsAt: '2026-03-09T12:00:00+01:00', place: 'Träffpunkten' }).expect(201)).body.id;
      await tenant.run((ctx) => testApp.app.get(NoticeService).recordSent(ctx, meetingId, { finalizedAt: clock.now(), dispatchedAt: clock.now() }));
      clock.current = new Date('2026-03-09T11:30:00Z');
      await world.admin.post(`/meetings/${meetingId}/held`).expect(200);
      const notes = (await world.admin.post(`/meetings/${meetingId}/minutes`).expect(201)).body;
      const paragraph = notes.paragraphs.find((candidate: { title: string }) => candidate.title === 'Anmälan av delegationsbeslut');
      expect(paragraph.proposal).toEqual(['Rådet lägger anmälan till handlingarna.']);
      for (const item of notes.paragraphs) await world.admin.post(`/paragraphs/${item.id}/decision`, { decision: ['Rådet tar del av informationen.'] }).expect(200);
      expect((await decision(id)).status).toBe('in_minutes');
      await world.admin.post(`/minutes/${notes.id}/completion`).expect(200);
      expect(await decision(id)).toMatchObject({ status: 'reported', reportedAtMeetingId: meetingId, reportedInParagraph: `§ ${paragraph.number}` });
    });
  });
});
