import { readDocx } from '../libs/documents/src/testing/read-docx';
import { Tenant, createTenant } from './factories/tenant.factory';
import { binaryParser } from './support/files';
import { MeetingWorld, TestClock, meetingWorld } from './support/meeting-fixture';
import { poppler, squash } from './support/pdf-reading';
import { createTestApp, TestApp } from './support/test-app';

describe('before finalizing a notice: its preview and when it would be sent', () => {
  let testApp: TestApp;
  let tenant: Tenant;
  let world: MeetingWorld;
  const clock = new TestClock();

  beforeAll(async () => {
    testApp = await createTestApp([], { clock });
    tenant = await createTenant(testApp, 'Förhandsgranskningskommun');
    world = await meetingWorld(testApp, tenant);
  });

  afterEach(() => {
    clock.current = null;
  });

  afterAll(() => testApp.close());

  const counts = async (meetingId: string) => ({
    notices: Number((await testApp.dataSource.query(`SELECT count(*) FROM meeting_notices WHERE meeting_id = $1`, [meetingId]))[0].count),
    outbox: Number((await testApp.dataSource.query(`SELECT count(*) FROM outbox_jobs WHERE kind IN ('notice.dispatch', 'notice.bundle')`))[0].count),
  });

  it('renders the current agenda as a DOCX and as the handlingar PDF without storing, scheduling or sending anything', async () => {
    const meetingId = await world.meeting('2027-05-12T14:00:00+02:00', '2027-05-12T17:00:00+02:00');
    const matter = await world.signedMatter('Läsårstider för läsåret 2027/2028');
    await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId: matter.matterId }).expect(201);
    await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'information', title: 'Information om skolskjutsarna' }).expect(201);
    const before = await counts(meetingId);

    const preview = await world.secretary.get(`/meetings/${meetingId}/notice-preview`).buffer(true).parse(binaryParser).expect(200);

    expect(preview.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const text = (await readDocx(preview.body)).text;
    for (const expected of ['Social- och utbildningsnämnden', 'Onsdag 12 maj 2027, kl. 14:00', 'Val av justerande', matter.caseNumber, 'Läsårstider för läsåret 2027/2028', 'Information om skolskjutsarna']) {
      expect(text).toContain(expected);
    }
    // With its handlingar, as the members will get them: the tjänsteskrivelse after the kallelse.
    const handlingar = await world.secretary.get(`/meetings/${meetingId}/notice-preview.pdf`).buffer(true).parse(binaryParser).expect(200);
    expect(handlingar.headers['content-type']).toBe('application/pdf');
    const pdfText = squash(await poppler('pdftotext', handlingar.body));
    for (const expected of ['Läsårstider för läsåret 2027/2028', 'Information om skolskjutsarna', 'Förvaltningens förslag till beslut']) expect(pdfText).toContain(expected);

    expect(await counts(meetingId)).toEqual(before);
    expect((await world.secretary.get(`/meetings/${meetingId}`).expect(200)).body.status).toBe('planned');
  });

  it("names a secret matter's documents but never lays them into the preview, as in the notice", async () => {
    const meetingId = await world.meeting('2027-05-19T14:00:00+02:00', '2027-05-19T17:00:00+02:00');
    const secret = await world.signedMatter('Ansökan om skolskjuts för en elev', undefined, { secret: true, secrecyProvision: 'OSL 23 kap. 2 §' });
    await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId: secret.matterId }).expect(201);

    const text = squash(await poppler('pdftotext', (await world.secretary.get(`/meetings/${meetingId}/notice-preview.pdf`).buffer(true).parse(binaryParser).expect(200)).body));

    expect(text).toContain('Handlingarna i ärendet omfattas av sekretess och delges ledamöterna separat');
    expect(text).not.toContain('Beskrivning av ärendet Ansökan om skolskjuts');
  });

  it('is for those who manage the meetings, and not for a cancelled meeting', async () => {
    const meetingId = await world.meeting('2027-05-26T14:00:00+02:00', '2027-05-26T17:00:00+02:00');
    await world.head.get(`/meetings/${meetingId}/notice-preview`).expect(403);
    await world.head.get(`/meetings/${meetingId}/notice-preview.pdf`).expect(403);
    await world.head.get(`/meetings/${meetingId}/notice-plan`).expect(403);
    await world.secretary.post(`/meetings/${meetingId}/cancellation`, { reason: 'Inga ärenden att behandla' }).expect(201);
    const refused = await world.secretary.get(`/meetings/${meetingId}/notice-preview`).expect(409);
    expect(refused.body).toMatchObject({ error: 'MEETING_CLOSED', message: expect.stringContaining('Att förhandsgranska kallelsen') });
    await world.secretary.get('/meetings/00000000-0000-4000-8000-000000000000/notice-preview').expect(404);
  });

  it("tells when a notice finalized now would go out: at the organ's deadline, or at once and late", async () => {
    const meetingId = await world.meeting('2027-06-09T14:00:00+02:00', '2027-06-09T17:00:00+02:00');

    clock.current = new Date('2027-05-01T10:00:00Z');
    expect((await world.secretary.get(`/meetings/${meetingId}/notice-plan`).expect(200)).body).toEqual({
      deadline: '2027-06-02T06:00:00.000Z',
      dispatchAt: '2027-06-02T06:00:00.000Z',
      sentLate: false,
      noticeLeadDays: 7,
      noticeSendTime: '08:00',
    });

    clock.current = new Date('2027-06-06T10:00:00Z');
    expect((await world.secretary.get(`/meetings/${meetingId}/notice-plan`).expect(200)).body).toMatchObject({
      deadline: '2027-06-02T06:00:00.000Z',
      dispatchAt: '2027-06-06T10:00:00.000Z',
      sentLate: true,
    });
  });
});
