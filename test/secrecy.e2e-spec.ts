import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DepartmentService } from '@namndrum/organisation';
import { PostingService } from '@namndrum/minutes';
import type { Response } from 'superagent';
import { readDocx } from '../libs/documents/src/testing/read-docx';
import { createTenant, Tenant } from './factories/tenant.factory';
import { binaryParser, docxWithText } from './support/files';
import { MailSink } from './support/mail-sink';
import { Api, MeetingWorld, meetingWorld, TestClock } from './support/meeting-fixture';
import { PrivateDatabase } from './support/private-database';
import { PrivateRedis } from './support/private-redis';
import { createTestApp, TestApp } from './support/test-app';
import { WorkerProcess } from './support/worker-process';
import { poppler, squash } from './support/pdf-reading';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const DAY = 24 * 3600_000;
const OPENAPI = JSON.parse(readFileSync(join(__dirname, '..', 'apps/api/openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, { operationId?: string; parameters?: { name: string; in: string }[] }>>;
};

/** Unique words that exist only in what must stay secret. */
const SECRET_MARK = `hemligmarkor${randomBytes(5).toString('hex')}`;
const REPORT_MARK = `rapportmarkor${randomBytes(5).toString('hex')}`;
const PERSONAL_MARK = `personmarkor${randomBytes(5).toString('hex')}`;

interface Seen {
  status: number;
  text: string;
}

/** Everything a response says, as text: JSON and HTML as they are, DOCX decoded to its words, other bytes as Latin-1. */
async function textOf(response: Response): Promise<string> {
  const body = response.body as unknown;
  const type = String(response.headers['content-type'] ?? '');
  if (Buffer.isBuffer(body)) {
    if (type.startsWith(DOCX) && response.status === 200) {
      const docx = await readDocx(body);
      return `${docx.text}\n${docx.documentXml}`;
    }
    return body.toString('latin1') + body.toString('utf8');
  }
  return `${response.text ?? ''}\n${JSON.stringify(body ?? '')}`;
}

/** Whether a text carries any of the markers (case-insensitively: a document may set a title in capitals). */
function leaks(text: string, markers: string[]): string[] {
  const lower = text.toLowerCase();
  return markers.filter((marker) => lower.includes(marker));
}

/**
 * The attacker's test of secrecy on every path. A secret matter, a public matter whose tjänsteskrivelse
 * is registered as secret, and a matter holding personal data, each carrying a unique marker word in
 * title, description, report and documents, are taken through agenda, notice (e-mailed through the real
 * worker to an SMTP server, an external association among the recipients), minutes, justering,
 * protokollsutdrag, posting and goal links. Then every GET operation of the OpenAPI document is called
 * as each role without access, and the public pages anonymously, and every e-mail to someone without
 * access is read: none may contain a marker. Operations added later are called without editing the test.
 */
describe('secrecy on every path: the attacker test', () => {
  const clock = new TestClock();
  let database: PrivateDatabase;
  let redis: PrivateRedis;
  let sink: MailSink;
  let worker: WorkerProcess;
  let testApp: TestApp;
  let tenant: Tenant;
  let world: MeetingWorld;
  let municipalityCode: string;

  const EXTERNAL = 'forening@sverigefinnar.example';
  const DECISION_RECIPIENT = 'vardnadshavare@enskild.example';
  const ids: Record<string, string[]> = {};
  const markers = [SECRET_MARK, REPORT_MARK];
  let secret: { matterId: string; caseNumber: string; reportId: string; documentId: string; paragraphId: string };
  let secretReport: { matterId: string; reportId: string; documentId: string; paragraphId: string };
  let personal: { matterId: string; paragraphId: string };
  let meetingId: string;
  let minutesId: string;
  let noticeId: string;
  let wholePostingId: string;
  const withoutAccess: Record<string, string> = {};
  const withAccess: Record<string, Api> = {};
  /** operation → role → responses, for the checks that the test reached what it claims to. */
  const reached = new Map<string, Map<string, Seen[]>>();

  beforeAll(async () => {
    database = await new PrivateDatabase().create('secrecy');
    redis = await new PrivateRedis().start();
    sink = await new MailSink().start();
    process.env.DATABASE_URL = database.url;
    process.env.REDIS_URL = redis.url;
    testApp = await createTestApp([], { clock });
    worker = await new WorkerProcess({
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      SMTP_URL: sink.url,
      MAIL_FROM: 'Sekretesskommun <namndrum@test.example>',
    }).start();

    // The story happens in the last two weeks, so that every e-mail and posting the worker is given is due at
    // once, and the posting is still up (three weeks of appeal) when the public pages are read.
    const base = Date.now() - 14 * DAY;
    clock.current = new Date(base);
    tenant = await createTenant(testApp, 'Sekretesskommun');
    world = await meetingWorld(testApp, tenant);
    municipalityCode = (await testApp.dataSource.query(`SELECT code FROM municipalities WHERE id = $1`, [tenant.municipalityId]))[0].code;
    await world.admin
      .patch(`/organs/${world.organId}`, { rules: { noticeExtraRecipients: [{ name: 'Sverigefinska föreningen', email: EXTERNAL }], publishMinutesWithPersonalData: true } })
      .expect(200);

    // Roles without access: another department's case officer and head, the admin, a member and the secretary of another organ.
    const otherDepartment = (await tenant.run((ctx) => testApp.app.get(DepartmentService).create(ctx, { name: 'Tekniska förvaltningen', shortCode: 'TEK', kind: 'administration' }))).id;
    const otherOrgan = await tenant.organ({ name: 'Tekniska nämnden', responsibleDepartmentId: otherDepartment });
    const otherMember = await tenant.person({ firstName: 'Olle', lastName: 'Annan', party: 'C', email: 'olle@annan.example' });
    await tenant.seat({ personId: otherMember, organId: otherOrgan, role: 'member', position: 'none', party: 'C' });
    withoutAccess.caseOfficerOfAnotherDepartment = (await tenant.user([{ role: 'case_officer', departmentId: otherDepartment }])).token;
    withoutAccess.headOfAnotherDepartment = (await tenant.user([{ role: 'department_head', departmentId: otherDepartment }])).token;
    withoutAccess.adminWithoutSecrecyAccess = (await tenant.user([{ role: 'admin' }])).token;
    withoutAccess.memberOfAnotherOrgan = (await tenant.user([], otherMember)).token;
    withoutAccess.secretaryOfAnotherOrgan = (await tenant.user([{ role: 'secretary', organId: otherOrgan }])).token;
    withAccess.secretary = world.secretary;
    withAccess.departmentHead = world.head;
    withAccess.chair = await world.user('hakan');

    // The secret matter: marker in title, description, report and a registered document.
    const secretMatter = await world.signedMatter(`Placering av barn ${SECRET_MARK}`, world.organId, {
      secret: true,
      secrecyProvision: 'OSL 26 kap. 1 §',
      description: `Familjens situation ${SECRET_MARK}`,
    });
    const caseOfficer = (await tenant.user([{ role: 'case_officer', departmentId: tenant.departmentId }])).token;
    const register = async (matterId: string, fields: Record<string, string>) => {
      const request = testApp.http().post(`/api/v1/matters/${matterId}/documents`).set('Authorization', `Bearer ${caseOfficer}`);
      for (const [key, value] of Object.entries({ direction: 'incoming', documentDate: new Date(base).toISOString().slice(0, 10), ...fields })) request.field(key, value);
      return (await request.attach('file', await docxWithText(`Handling ${SECRET_MARK}`, `Uppgifter om barnet ${SECRET_MARK}.`), 'handling.docx').expect(201)).body.id as string;
    };
    const secretDocument = { body: { id: await register(secretMatter.matterId, { counterparty: `Anmälare ${SECRET_MARK}`, title: `Orosanmälan ${SECRET_MARK}`, description: `Anmälan om ${SECRET_MARK}` }) } };

    // A public matter whose tjänsteskrivelse is registered as a secret document.
    const reportMatter = await world.unsignedMatter('Riktlinjer för bistånd');
    const reportDraft = (
      await world.head
        .post(`/matters/${reportMatter.matterId}/officer-reports`, {
          organId: world.organId,
          title: 'Riktlinjer för bistånd',
          proposedDecision: [`Nämnden antar riktlinjerna ${REPORT_MARK}.`],
          summary: `Sammanfattning ${REPORT_MARK}`,
          description: `Beskrivning av ärendet ${REPORT_MARK}.`,
          decisionRecipients: ['Akten'],
        })
        .expect(201)
    ).body;
    await world.head.post(`/officer-reports/${reportDraft.id}/submission`).expect(201);
    const signedReport = (await world.head.post(`/officer-reports/${reportDraft.id}/approval`).expect(201)).body;
    await world.secretary.post(`/documents/${signedReport.documentId}/secrecy`, { secret: true, secrecyProvision: 'OSL 26 kap. 1 §' }).expect(201);

    await world.secretary.patch(`/matters/${secretMatter.matterId}`, { description: `Familjens nya situation ${SECRET_MARK}` }).expect(200);
    const withPublicTitle = await world.signedMatter(`Vård av unga ${SECRET_MARK}`, world.organId, {
      secret: true,
      secrecyProvision: 'OSL 26 kap. 1 §',
      publicTitle: 'Ärende enligt lagen om vård av unga',
    });
    const personalMatter = await world.signedMatter(`Bostadsanpassning för ${PERSONAL_MARK}`, world.organId, { personalData: true });
    // A public matter whose tjänsteskrivelse has a secret bilaga: its name and text stay out of the notice and the minutes.
    const publicMatter = await world.unsignedMatter('Taxa för tillsyn 2026');
    const secretAttachment = await register(publicMatter.matterId, {
      counterparty: `Klagande ${SECRET_MARK}`,
      title: `Klagomål från ${SECRET_MARK}`,
      description: `Klagomål om ${SECRET_MARK}`,
      secret: 'true',
      secrecyProvision: 'OSL 26 kap. 1 §',
    });
    const publicDraft = (
      await world.head
        .post(`/matters/${publicMatter.matterId}/officer-reports`, {
          organId: world.organId,
          title: 'Taxa för tillsyn 2026',
          proposedDecision: ['Nämnden antar taxan.'],
          description: 'Taxan höjs med index.',
          attachmentDocumentIds: [secretAttachment],
          decisionRecipients: ['Akten'],
        })
        .expect(201)
    ).body;
    await world.head.post(`/officer-reports/${publicDraft.id}/submission`).expect(201);
    const publicReport = (await world.head.post(`/officer-reports/${publicDraft.id}/approval`).expect(201)).body;

    // Goal links: the secret matter and the secret report's matter report on a goal.
    const framework = (
      await world.admin
        .post('/goal-frameworks/import', {
          formatVersion: 1,
          framework: {
            key: 'sekretess-mal',
            name: 'Mål 2023–2026',
            fromYear: 2022,
            toYear: 2026,
            levels: [{ key: 'mal', name: 'Mål' }],
            scales: [],
            footnotes: [],
            nodes: [{ key: 'trygghet', level: 'mal', parent: null, title: 'Barn ska växa upp tryggt' }],
            indicators: [{ key: 'placeringar', name: 'Antal placeringar', unit: 'st', direction: 'lower_is_better', nodes: ['trygghet'], values: [{ year: 2022, value: 12 }], targets: [] }],
            assessments: [],
            activityPlans: [],
          },
        })
        .expect(200)
    ).body.framework;
    const nodes = (await world.admin.get(`/goal-frameworks/${framework.id}/nodes`).expect(200)).body;
    const indicators = (await world.admin.get(`/goal-frameworks/${framework.id}/indicators`).expect(200)).body;
    for (const matterId of [secretMatter.matterId, reportMatter.matterId]) {
      await world.secretary.post(`/matters/${matterId}/goal-links`, { nodeId: nodes[0].id, reportKind: 'follow_up' }).expect(201);
      await world.secretary.post(`/matters/${matterId}/goal-links`, { indicatorId: indicators[0].id, reportKind: 'follow_up' }).expect(201);
    }

    // A delegationsbeslut in the secret matter, reported under "Anmälan av delegationsbeslut" in the notice and the minutes.
    await world.secretary
      .post('/delegated-decisions', {
        organId: world.organId,
        kind: 'delegated',
        decisionText: `Tillfällig placering ${SECRET_MARK}`,
        delegationPoint: '4.1',
        decidedOn: new Date(base).toISOString().slice(0, 10),
        delegateName: 'Eva Enhetschef',
        matterId: secretMatter.matterId,
      })
      .expect(201);

    // Agenda and the notice, e-mailed by the worker to members, substitutes and the external association.
    const startsAt = new Date(base + 10 * DAY);
    startsAt.setUTCHours(13, 0, 0, 0);
    meetingId = await world.meeting(startsAt.toISOString(), new Date(startsAt.getTime() + 2 * 3600_000).toISOString());
    for (const matterId of [publicMatter.matterId, secretMatter.matterId, reportMatter.matterId, personalMatter.matterId, withPublicTitle.matterId]) {
      await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId }).expect(201);
    }
    noticeId = (await world.secretary.post(`/meetings/${meetingId}/notices`).expect(201)).body.id;
    const noticeRecipients = [...Object.values(world.people).map((person) => person.email), EXTERNAL];
    await sink.waitFor((received) => noticeRecipients.every((address) => received.some((mail) => mail.recipients.includes(address))), 60_000, 'the notice to every recipient');

    // The meeting is held; the minutes record the secret matter's words in a note and send its extract outside.
    clock.current = new Date(startsAt.getTime() + 2 * 3600_000 + 5 * 60_000);
    await world.secretary.post(`/meetings/${meetingId}/held`).expect(200);
    const minutes = (await world.secretary.post(`/meetings/${meetingId}/minutes`).expect(201)).body;
    minutesId = minutes.id;
    const paragraphOf = (matterId: string) => minutes.paragraphs.find((paragraph: { matterId: string | null }) => paragraph.matterId === matterId).id as string;
    secret = { ...secretMatter, documentId: secretDocument.body.id, paragraphId: paragraphOf(secretMatter.matterId) };
    secretReport = { matterId: reportMatter.matterId, reportId: reportDraft.id, documentId: signedReport.documentId, paragraphId: paragraphOf(reportMatter.matterId) };
    personal = { matterId: personalMatter.matterId, paragraphId: paragraphOf(personalMatter.matterId) };
    await world.secretary.patch(`/paragraphs/${secret.paragraphId}`, { distribution: [{ name: 'Vårdnadshavaren', email: DECISION_RECIPIENT }] }).expect(200);
    await world.secretary.post(`/paragraphs/${secret.paragraphId}/notes`, { personId: world.people.karin.personId, text: `Anteckning om ${SECRET_MARK}`, chairPermission: true }).expect(201);
    // The secretary publishes the secret paragraphs against the default: the published versions must still be masked.
    for (const paragraphId of [secret.paragraphId, secretReport.paragraphId]) await world.secretary.patch(`/paragraphs/${paragraphId}`, { notPublished: false }).expect(200);
    for (const paragraph of minutes.paragraphs as { id: string; decision: string[] }[]) {
      const current = (await world.secretary.get(`/paragraphs/${paragraph.id}`).expect(200)).body;
      // Matters are decided as proposed, so that the decision carries the report's words.
      await world.secretary.post(`/paragraphs/${paragraph.id}/decision`, current.proposal.length ? {} : { decision: ['Nämnden lägger informationen till handlingarna.'] }).expect(200);
    }
    // A reservation entered at the meeting (before its recorded end), its written reasons naming the secret.
    clock.current = new Date(startsAt.getTime() + 3600_000);
    const dissented = (await world.secretary.post(`/paragraphs/${secret.paragraphId}/dissents`, { personId: world.people.erik.personId }).expect(201)).body;
    await world.secretary.patch(`/dissents/${dissented.dissents[0].id}`, { reasons: `Reservationen gäller ${SECRET_MARK}` }).expect(200);
    await world.secretary
      .patch(`/minutes/${minutesId}`, { verifierPersonIds: [world.people.anna.personId], verificationPlace: 'Socialförvaltningen', verificationAt: new Date(startsAt.getTime() + DAY).toISOString() })
      .expect(200);
    const verifier = await world.user('anna');

    // The secret tjänsteskrivelse's paragraph is verified at the meeting (omedelbar justering): its extract is posted on its own.
    const paragraphSha = (await world.secretary.get(`/paragraphs/${secretReport.paragraphId}`).expect(200)).body.currentContentSha256;
    await withAccess.chair.post(`/paragraphs/${secretReport.paragraphId}/approvals`, { contentSha256: paragraphSha }).expect(201);
    expect((await verifier.post(`/paragraphs/${secretReport.paragraphId}/approvals`, { contentSha256: paragraphSha }).expect(201)).body.approvedAtMeeting).toBe(true);

    // Justering the day after: the minutes are locked, posted, and the extracts e-mailed.
    clock.current = new Date(startsAt.getTime() + DAY);
    const sha = (await world.secretary.get(`/minutes/${minutesId}`).expect(200)).body.currentContentSha256;
    await withAccess.chair.post(`/minutes/${minutesId}/approvals`, { contentSha256: sha }).expect(201);
    expect((await verifier.post(`/minutes/${minutesId}/approvals`, { contentSha256: sha }).expect(201)).body.status).toBe('verified');
    const postings = (await world.secretary.get(`/minutes/${minutesId}/postings`).expect(200)).body as { id: string; paragraphId: string | null }[];
    expect(postings).toHaveLength(2);
    wholePostingId = postings.find((posting) => posting.paragraphId === null)!.id;
    // The worker puts the postings up (their day has come); the test waits for it, or does it when the worker has not yet.
    const postingUp = async (postingId: string) => (await testApp.dataSource.query(`SELECT status FROM postings WHERE id = $1`, [postingId]))[0].status === 'up';
    for (const posting of postings) {
      for (let waited = 0; waited < 100 && !(await postingUp(posting.id)); waited += 1) await new Promise((resolve) => setTimeout(resolve, 100));
      if (!(await postingUp(posting.id))) {
        const [publish]: { id: string }[] = await testApp.dataSource.query(`SELECT id FROM outbox_jobs WHERE payload->>'postingId' = $1 AND kind = 'posting.publish'`, [posting.id]);
        await testApp.app.get(PostingService).run(publish.id, 'publish');
      }
      expect(await postingUp(posting.id)).toBe(true);
    }
    await sink.waitFor((received) => received.some((mail) => mail.recipients.includes(DECISION_RECIPIENT)), 20_000, 'the extract to the decision recipient').catch(async (error: Error) => {
      const deliveries = await testApp.dataSource.query(`SELECT purpose, email, status, last_error FROM mail_deliveries WHERE purpose <> 'notice'`);
      throw new Error(`${error.message}\ndeliveries: ${JSON.stringify(deliveries)}\nworker: ${worker.output.slice(-3000)}`);
    });
    clock.current = null;

    const people = Object.values(world.people).map((person) => person.personId);
    Object.assign(ids, {
      matters: [secret.matterId, secretReport.matterId, personal.matterId, withPublicTitle.matterId, publicMatter.matterId],
      documents: [secret.documentId, secretReport.documentId, secretAttachment, publicReport.documentId],
      'officer-reports': [secret.reportId, secretReport.reportId, publicDraft.id],
      meetings: [meetingId],
      'meeting-notices': [noticeId],
      minutes: [minutesId],
      paragraphs: [secret.paragraphId, secretReport.paragraphId, personal.paragraphId],
      postings: postings.map((posting) => posting.id),
      organs: [world.organId],
      persons: people.slice(0, 2),
      registries: [world.registryId],
      departments: [tenant.departmentId],
      terms: [tenant.termId],
      municipalities: [tenant.municipalityId],
      'goal-frameworks': [framework.id],
      'goal-nodes': [nodes[0].id],
      indicators: [indicators[0].id],
    });
  }, 240_000);

  afterAll(async () => {
    clock.current = null;
    await worker?.stop();
    await testApp?.close();
    await sink?.stop();
    await redis?.stop();
    await database?.drop();
  });

  /** Every way to call a GET operation: its path with each id fitting the parameters, bare and with each query parameter filled. */
  function callsOf(path: string, parameters: { name: string; in: string }[]): string[] {
    const everyId = [...new Set(Object.values(ids).flat())];
    let paths = [path.replace(/^\/api\/v1/, '')];
    for (const match of path.matchAll(/\{(\w+)\}/g)) {
      const name = match[1];
      const segment = path.slice(0, match.index).split('/').filter(Boolean).pop() ?? '';
      const values = name === 'year' ? [String(new Date().getFullYear()), '2022'] : name.endsWith('Id') && ids[`${name.slice(0, -2)}s`] ? ids[`${name.slice(0, -2)}s`] : (ids[segment] ?? everyId);
      paths = paths.flatMap((candidate) => values.map((value) => candidate.replace(`{${name}}`, encodeURIComponent(value))));
    }
    const query: Record<string, string[]> = {
      q: [SECRET_MARK, REPORT_MARK, secret?.caseNumber ?? ''],
      caseNumber: [secret?.caseNumber ?? ''],
      entityId: everyId,
      matterId: ids.matters ?? [],
      meetingId: ids.meetings ?? [],
      minutesId: ids.minutes ?? [],
      organId: ids.organs ?? [],
    };
    const variants = [''];
    for (const parameter of parameters.filter((candidate) => candidate.in === 'query')) {
      for (const value of query[parameter.name] ?? []) variants.push(`${parameter.name}=${encodeURIComponent(value)}`);
    }
    const paged = parameters.some((parameter) => parameter.name === 'pageSize');
    return paths.flatMap((candidate) => variants.map((variant) => `${candidate}?${[variant, paged ? 'pageSize=200' : ''].filter(Boolean).join('&')}`.replace(/\?$/, '')));
  }

  /** One GET as the role (anonymous when no token), every page of a paged answer. */
  async function read(path: string, token: string | null): Promise<Seen[]> {
    const get = (url: string) => {
      const request = testApp.http().get(url).buffer(true).parse(binaryParser);
      return token ? request.set('Authorization', `Bearer ${token}`) : request;
    };
    const seen: Seen[] = [];
    let url = path;
    for (let page = 1; page <= 50; page += 1) {
      const response = await get(url);
      const text = await textOf(response);
      seen.push({ status: response.status, text });
      const json = (response.headers['content-type'] ?? '').startsWith('application/json') ? (JSON.parse((response.body as Buffer).toString('utf8')) as { total?: number; page?: number; pageSize?: number }) : null;
      if (!json || typeof json.total !== 'number' || !json.page || !json.pageSize || json.page * json.pageSize >= json.total) break;
      url = `${path}${path.includes('?') ? '&' : '?'}page=${json.page + 1}`;
    }
    return seen;
  }

  const getOperations = Object.entries(OPENAPI.paths).flatMap(([path, operations]) =>
    operations.get ? [{ path, operationId: operations.get.operationId ?? path, parameters: operations.get.parameters ?? [] }] : [],
  );

  it('finds no marker in any GET operation of the OpenAPI document, called as each role without access', async () => {
    const found: string[] = [];
    const tokens = withoutAccess;
    for (const operation of getOperations) {
      const byRole = new Map<string, Seen[]>();
      reached.set(operation.operationId, byRole);
      for (const [role, token] of [...Object.entries(tokens), ['anonymous', null] as const]) {
        const seen: Seen[] = [];
        for (const call of callsOf(operation.path, operation.parameters)) {
          const url = operation.path.startsWith('/api/v1') ? `/api/v1${call}` : call;
          for (const response of await read(url, token)) {
            seen.push(response);
            for (const marker of leaks(response.text, markers)) found.push(`${role} GET ${url} (${response.status}) shows ${marker}`);
          }
        }
        byRole.set(role, seen);
      }
    }
    expect(found).toEqual([]);

    // The test reached every operation, and the content-bearing ones answered (masked) rather than refused.
    expect(reached.size).toBe(getOperations.length);
    expect(getOperations.length).toBeGreaterThan(60);
    const answered = (operationId: string, role: string) => (reached.get(operationId)?.get(role) ?? []).some((seen) => seen.status === 200);
    for (const operationId of [
      'meetingsAgendaItems',
      'minutesGet',
      'minutesDocx',
      'paragraphsGet',
      'paragraphsExtract',
      'meetingNoticesDocx',
      'meetingNoticesGet',
      'meetingMinutesGet',
      'postingsList',
    ]) {
      expect({ operationId, answered: answered(operationId, 'caseOfficerOfAnotherDepartment') }).toEqual({ operationId, answered: true });
    }
    expect(answered('auditList', 'adminWithoutSecrecyAccess')).toBe(true);
    const masked = (reached.get('paragraphsGet')?.get('adminWithoutSecrecyAccess') ?? []).map((seen) => seen.text).join('\n');
    expect(masked).toContain('Sekretessärende');
    expect(masked).toContain(secret.caseNumber);
  }, 900_000);

  it('shows the secret content to those with access, on the same paths', async () => {
    const sees = async (api: Api, path: string) => textOf(await api.get(path).buffer(true).parse(binaryParser).expect(200));
    for (const api of [withAccess.secretary, withAccess.chair, withAccess.departmentHead]) {
      expect(leaks(await sees(api, `/paragraphs/${secret.paragraphId}`), [SECRET_MARK])).toEqual([SECRET_MARK]);
      expect(leaks(await sees(api, `/meetings/${meetingId}/agenda-items`), markers)).toEqual(markers);
      expect(leaks(await sees(api, `/minutes/${minutesId}/docx`), markers)).toEqual(markers);
      expect(leaks(await sees(api, `/paragraphs/${secret.paragraphId}/extract`), [SECRET_MARK])).toEqual([SECRET_MARK]);
      expect(leaks(await sees(api, `/officer-reports/${secretReport.reportId}`), [REPORT_MARK])).toEqual([REPORT_MARK]);
      expect(leaks(await sees(api, `/meeting-notices/${noticeId}/docx`), [SECRET_MARK])).toEqual([SECRET_MARK]);
    }
    // The secret matter, the one with a public title, and the public matter whose secret bilaga holds the marker.
    expect((await withAccess.secretary.get(`/matters?q=${SECRET_MARK}`).expect(200)).body.total).toBe(3);
    for (const token of Object.values(withoutAccess)) {
      expect((await world.as(token).get(`/matters?q=${SECRET_MARK}`).expect(200)).body.total).toBe(0);
    }
  });

  it('keeps a tjänsteskrivelse registered as secret out of reach: 404 for the report and its DOCX, found by search only with access', async () => {
    for (const api of Object.values(withoutAccess).map((token) => world.as(token))) {
      await api.get(`/officer-reports/${secretReport.reportId}`).expect((response) => expect([403, 404]).toContain(response.status));
      await api.get(`/officer-reports/${secretReport.reportId}/docx`).expect((response) => expect([403, 404]).toContain(response.status));
    }
    const officer = world.as(withoutAccess.caseOfficerOfAnotherDepartment);
    expect((await officer.get(`/matters?q=${REPORT_MARK}`).expect(200)).body.total).toBe(0);
    // Those with access find the secret report by its words (matters.secret_search_vector).
    for (const api of [withAccess.secretary, withAccess.chair, withAccess.departmentHead]) {
      expect((await api.get(`/matters?q=${REPORT_MARK}`).expect(200)).body.items.map((item: { id: string }) => item.id)).toEqual([secretReport.matterId]);
    }
    const title = await officer.get(`/matters?q=${encodeURIComponent('Riktlinjer för bistånd')}`).expect(200);
    expect(title.body.items.map((item: { id: string }) => item.id)).toEqual([secretReport.matterId]);
  });

  it('keeps the personal-data matter out of the published minutes and marks the minutes as holding personal data', async () => {
    const minutes = (await world.secretary.get(`/minutes/${minutesId}`).expect(200)).body;
    expect(minutes.containsPersonalData).toBe(true);
    expect(minutes.paragraphs.find((paragraph: { id: string }) => paragraph.id === personal.paragraphId)).toMatchObject({ notPublished: true });
    expect((await testApp.http().get(`/anslagstavla/${municipalityCode}`).expect(200)).text).toContain('Protokollet innehåller personuppgifter');
    const published = await testApp.http().get(`/anslagstavla/${municipalityCode}/anslag/${wholePostingId}/protokoll.docx`).buffer(true).parse(binaryParser).expect(200);
    const text = await textOf(published);
    expect(text).toContain('Taxa för tillsyn 2026');
    expect(text).toContain('Sekretessärende');
    expect(text).toContain('Protokollet innehåller personuppgifter');
    expect(leaks(text, [SECRET_MARK, REPORT_MARK, PERSONAL_MARK])).toEqual([]);
  });

  it('finds no marker on the public pages', async () => {
    const pages = [`/sammantraden/${meetingId}`, `/anslagstavla/${municipalityCode}`, `/protokoll/${minutesId}/justering`];
    const postings = (await world.secretary.get(`/minutes/${minutesId}/postings`).expect(200)).body as { id: string }[];
    pages.push(...postings.map((posting) => `/anslagstavla/${municipalityCode}/anslag/${posting.id}/protokoll.docx`));
    const statuses: number[] = [];
    for (const page of pages) {
      for (const seen of await read(page, null)) {
        statuses.push(seen.status);
        // The personal-data matter is not secret: its title may be on the agenda, but not in the published minutes.
        const forbidden = page.endsWith('.docx') ? [SECRET_MARK, REPORT_MARK, PERSONAL_MARK] : [SECRET_MARK, REPORT_MARK];
        expect({ page, leaks: leaks(seen.text, forbidden) }).toEqual({ page, leaks: [] });
      }
    }
    // The meeting page, the notice board, the approval page, the published minutes and the posted extract.
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(5);
    const meetingPage = (await testApp.http().get(`/sammantraden/${meetingId}`).expect(200)).text;
    expect(meetingPage).toContain('Sekretessärende');
    expect(meetingPage).toContain(secret.caseNumber);
    expect(meetingPage).toContain('Ärende enligt lagen om vård av unga');
  });

  it('keeps in the audit log what changed on the secret matter, without its words, for the admin without access', async () => {
    const entries = (await world.as(withoutAccess.adminWithoutSecrecyAccess).get(`/audit-entries?entityId=${secret.matterId}`).expect(200)).body.items as { action: string; before: object | null; after: object }[];
    expect(entries.find((entry) => entry.action === 'register')?.after).toMatchObject({ id: secret.matterId, caseNumber: secret.caseNumber, secret: true, title: 'Sekretess', description: 'Sekretess' });
    expect(entries.find((entry) => entry.action === 'update')).toMatchObject({
      before: { caseNumber: secret.caseNumber, title: 'Sekretess', description: 'Sekretess (ändrad)' },
      after: { caseNumber: secret.caseNumber, title: 'Sekretess', description: 'Sekretess (ändrad)' },
    });
  });

  /** What a reader of the attachment sees: the text of a DOCX or a PDF, anything else as it is. */
  const attachmentText = async (attachment: { contentType: string; content: Buffer }) => {
    if (attachment.contentType === DOCX) return (await readDocx(attachment.content)).text;
    if (attachment.contentType === 'application/pdf') return squash(await poppler('pdftotext', attachment.content));
    return attachment.content.toString('utf8');
  };

  it('sends no marker to anyone without access: the association, the decision recipient; the members get the real titles', async () => {
    const entitled = new Set([...Object.values(world.people).map((person) => person.email), `rita@${world.people.hakan.email.split('@')[1]}`]);
    const outsiders = sink.received.filter((mail) => mail.recipients.some((address) => !entitled.has(address)));
    expect(outsiders.map((mail) => mail.recipients).flat()).toEqual(expect.arrayContaining([EXTERNAL, DECISION_RECIPIENT]));
    for (const mail of outsiders) {
      const parsed = await sink.parse(mail);
      const parts = [parsed.subject ?? '', parsed.text ?? '', String(parsed.html || '')];
      for (const attachment of parsed.attachments) {
        parts.push(await attachmentText(attachment));
      }
      expect({ to: mail.recipients, leaks: leaks(parts.join('\n'), markers) }).toEqual({ to: mail.recipients, leaks: [] });
    }
    const external = await sink.parse(sink.to(EXTERNAL)[0]);
    expect(external.text).toContain('Sekretessärende');
    const member = await sink.parse(sink.to(world.people.anna.email)[0]);
    // The members' handlingar PDF carries the secret matter's title, which they may read.
    const handlingar = member.attachments.find((attachment) => attachment.contentType === 'application/pdf');
    expect(handlingar).toBeDefined();
    expect(leaks(`${member.text}\n${await attachmentText(handlingar!)}`, [SECRET_MARK])).toEqual([SECRET_MARK]);
  });
});
