import ICAL from 'ical.js';
import { ParsedMail } from 'mailparser';
import { Tenant, createTenant } from './factories/tenant.factory';
import { MailSink, messageIdOf } from './support/mail-sink';
import { MeetingWorld, meetingWorld, SeatSpec, SMALL_SUN, stockholmDaysFromNow } from './support/meeting-fixture';
import { PrivateDatabase } from './support/private-database';
import { PrivateRedis } from './support/private-redis';
import { RecordedKolada, startRecordedKolada } from './support/recorded-kolada';
import { createTestApp, TestApp } from './support/test-app';
import { WorkerProcess } from './support/worker-process';

const CONCURRENCY = 8;

// Each notice waits for its handlingar, which the worker renders with LibreOffice (started at its first conversion).
jest.setTimeout(180_000);
const PDF = 'application/pdf';

/**
 * The whole path of a notice: the API writes the outbox (in a database of the test's own, so that the
 * worker sees no other test's work), BullMQ (on a Redis of the test's own, so that it can be flushed)
 * runs the real worker as a child process, nodemailer delivers to a real SMTP server in this process,
 * and mailparser and ical.js read what arrived.
 */
describe('the worker: notices through the outbox, BullMQ and SMTP, and the Kolada job', () => {
  let database: PrivateDatabase;
  let redis: PrivateRedis;
  let sink: MailSink;
  let testApp: TestApp;
  let tenant: Tenant;
  let world: MeetingWorld;
  let worker: WorkerProcess;
  let kolada: RecordedKolada;
  let municipalityCode = '';

  const workerEnv = () => ({
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    SMTP_URL: sink.url,
    MAIL_FROM: 'Testkommun <namndrum@test.example>',
    MAIL_CONCURRENCY: String(CONCURRENCY),
    KOLADA_BASE_URL: kolada.url,
  });

  const meetingWithMatter = async (days: number, title: string) => {
    const meetingId = await world.meeting(stockholmDaysFromNow(days, '14:00'), stockholmDaysFromNow(days, '17:00'), {
      groupMeetings: [{ startTime: '13:00', endTime: '14:00', parties: ['M', 'S'], room: 'sessionssalen' }],
    });
    const matter = await world.signedMatter(title);
    await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId: matter.matterId }).expect(201);
    return { meetingId, ...matter };
  };

  const deliveries = (noticeId: string) =>
    testApp.dataSource.query(`SELECT email, status, attempts, message_id FROM mail_deliveries WHERE notice_id = $1 ORDER BY email`, [noticeId]) as Promise<
      { email: string; status: string; attempts: number; message_id: string }[]
    >;

  /**
   * The rows once the worker has recorded the SMTP server's answer to each message: the sink holds a
   * message a moment before the worker marks its row sent, so a row read at once can still say queued.
   */
  const settledDeliveries = async (noticeId: string) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const rows = await deliveries(noticeId);
      if (rows.every((row) => row.status !== 'queued') || Date.now() > deadline) return rows;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const bundleReady = async (noticeId: string) => {
    const deadline = Date.now() + 90_000;
    while ((await world.secretary.get(`/meeting-notices/${noticeId}`).expect(200)).body.bundleStatus !== 'ready') {
      if (Date.now() > deadline) throw new Error(`The handlingar of ${noticeId} were not made within 90 s:\n${worker.output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  const emails = (seats: SeatSpec[] = SMALL_SUN) => seats.map((seat) => world.people[seat.key].email);

  const calendarOf = (mail: ParsedMail) => {
    const part = mail.attachments.find((attachment) => attachment.contentType.startsWith('text/calendar'));
    if (!part) throw new Error(`No calendar part in "${mail.subject}"`);
    return new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
  };

  beforeAll(async () => {
    // Kolada's API, answered from recorded responses (the worker's Kolada job is exercised at the end).
    kolada = await startRecordedKolada(() => municipalityCode);
    database = await new PrivateDatabase().create('delivery');
    redis = await new PrivateRedis().start();
    sink = await new MailSink().start();
    process.env.DATABASE_URL = database.url;
    process.env.REDIS_URL = redis.url;
    testApp = await createTestApp();
    tenant = await createTenant(testApp, 'Utskickskommun');
    world = await meetingWorld(testApp, tenant);
    municipalityCode = (await testApp.dataSource.query(`SELECT code FROM municipalities WHERE id = $1`, [tenant.municipalityId]))[0].code;
    worker = await new WorkerProcess(workerEnv()).start();
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    await testApp?.close();
    await sink?.stop();
    await redis?.stop();
    await database?.drop();
    await kolada?.close();
  });

  it("runs the Kolada import as the worker's job and stores the values attributed to Kolada", async () => {
    const file = {
      formatVersion: 1,
      framework: {
        key: 'kolada-test',
        name: 'Kolada-test',
        fromYear: 2018,
        toYear: 2025,
        levels: [{ key: 'mal', name: 'Mål' }],
        scales: [],
        footnotes: [],
        nodes: [{ key: 'skola', level: 'mal', parent: null, title: 'Fler elever ska nå målen' }],
        indicators: [{ key: 'behoriga', name: 'Andel behöriga till gymnasiet', unit: '%', direction: 'higher_is_better', decimals: 1, nodes: ['skola'], koladaKpi: 'N15419', values: [], targets: [] }],
        assessments: [],
        activityPlans: [],
      },
    };
    const framework = (await world.admin.post('/goal-frameworks/import', file).expect(200)).body.framework;
    const requested = (await world.admin.post(`/goal-frameworks/${framework.id}/kolada-imports`, { years: [2018, 2019, 2020, 2021, 2022] }).expect(201)).body;
    let status = requested.status;
    const deadline = Date.now() + 20_000;
    while (status === 'queued' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await world.admin.get(`/kolada-imports/${requested.id}`).expect(200)).body.status;
    }
    expect(status).toBe('done');
    const [indicator] = (await world.admin.get(`/goal-frameworks/${framework.id}/indicators`).expect(200)).body;
    const series = (await world.admin.get(`/indicators/${indicator.id}/series`).expect(200)).body;
    expect(series.attribution).toBe('Källa: Kolada');
    expect(series.actuals.map((actual: { year: number }) => actual.year)).toEqual([2018, 2019, 2021, 2022]);
  });

  beforeEach(() => sink.clear());

  it('sends a late notice at once: one message per recipient with subject, the handlingar PDF and an iCalendar invitation', async () => {
    const { meetingId } = await meetingWithMatter(3, 'Bildande av arbetsutskott');
    const notice = (await world.secretary.post(`/meetings/${meetingId}/notices`).expect(201)).body;
    expect(notice.sentLate).toBe(true);
    const recipients = emails();
    await sink.waitFor((received) => recipients.every((email) => sink.to(email).length > 0), 90_000, 'the notice to every member and substitute');
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const email of recipients) expect({ email, copies: sink.to(email).length }).toEqual({ email, copies: 1 });
    expect(sink.received).toHaveLength(recipients.length);

    const meeting = (await world.secretary.get(`/meetings/${meetingId}`).expect(200)).body;
    expect(meeting.status).toBe('notice_sent');
    const parsed = await sink.parse(sink.to(world.people.erik.email)[0]);
    const start = new Date(meeting.startsAt);
    const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', day: 'numeric', month: 'long', year: 'numeric' }).format(start);
    expect(parsed.subject).toBe(`Kallelse: Social- och utbildningsnämnden ${day} kl. 14:00`);
    expect(parsed.text).toContain('Bildande av arbetsutskott');
    expect(parsed.html).toContain('Bildande av arbetsutskott');
    expect(parsed.messageId).toMatch(/^<[0-9a-f]{32}\..+@/);
    const handlingar = parsed.attachments.find((attachment) => attachment.contentType === PDF);
    expect(handlingar?.filename).toMatch(/^Kallelse .+ v1 med handlingar\.pdf$/);
    expect(handlingar!.content.subarray(0, 5).toString()).toBe('%PDF-');

    const calendarText = parsed.attachments.find((attachment) => attachment.contentType.startsWith('text/calendar'))?.content.toString('utf8');
    expect(calendarText).toBeDefined();
    const calendar = new ICAL.Component(ICAL.parse(calendarText!));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().toISOString()).toBe(start.toISOString());
    expect(event.uid).toBe(`meeting-${meetingId}@localhost`);
    expect(event.sequence).toBe(0);
    expect(calendar.getFirstSubcomponent('vevent')!.getFirstProperty('attendee')?.getFirstValue()).toBe(`mailto:${world.people.erik.email}`);
    expect(parsed.text).toContain('Du kallas till sammanträde med Social- och utbildningsnämnden.');

    // A substitute is not called to the meeting: the notice comes "för kännedom", and the calendar entry is information.
    const forInformation = await sink.parse(sink.to(world.people.kerstin.email)[0]);
    expect(forInformation.subject).toBe(`Kallelse för kännedom: Social- och utbildningsnämnden ${day} kl. 14:00`);
    expect(forInformation.text).toContain('Du får kallelsen till sammanträdet med Social- och utbildningsnämnden för kännedom.');
    const informationCalendar = calendarOf(forInformation);
    expect(informationCalendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(informationCalendar.getFirstSubcomponent('vevent')!.getAllProperties('attendee')).toEqual([]);
    expect(informationCalendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    expect(new ICAL.Event(informationCalendar.getFirstSubcomponent('vevent')!).uid).toBe(event.uid);

    // The e-mail's link opens the public meeting page, without signing in.
    expect(parsed.text).toContain(`http://localhost:3000/sammantraden/${meetingId}`);
    const page = await testApp.http().get(`/sammantraden/${meetingId}`).expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<h1>Social- och utbildningsnämnden</h1>');
    expect(page.text).toContain('Bildande av arbetsutskott');
    expect(page.text).toContain(`${day}, kl. 14:00–17:00`);

    const report = (await world.secretary.get(`/meeting-notices/${notice.id}/deliveries`).expect(200)).body;
    expect(report.counts).toEqual({ queued: 0, sent: recipients.length, failed: 0, noAddress: 0 });
    expect(report.deliveries.every((delivery: { messageId: string; sentAt: string }) => delivery.messageId && delivery.sentAt)).toBe(true);
  });

  it('records a permanent refusal as failed and shows the secretary who has not received the notice', async () => {
    sink.refused.add(world.people.karin.email);
    try {
      const { meetingId } = await meetingWithMatter(3, 'Delegationsordning');
      const notice = (await world.secretary.post(`/meetings/${meetingId}/notices`).expect(201)).body;
      await sink.waitFor((received) => received.length === emails().length - 1, 90_000, 'the notice to all but one');
      let report: { counts: Record<string, number>; deliveries: { email: string; status: string; lastError: string; attempts: number }[] } = { counts: {}, deliveries: [] };
      const deadline = Date.now() + 10_000;
      while (report.counts.failed !== 1 && Date.now() < deadline) {
        report = (await world.secretary.get(`/meeting-notices/${notice.id}/deliveries`).expect(200)).body;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(report.counts).toEqual({ queued: 0, sent: emails().length - 1, failed: 1, noAddress: 0 });
      expect(report.deliveries[0]).toMatchObject({ email: world.people.karin.email, status: 'failed', attempts: 1 });
      expect(report.deliveries[0].lastError).toMatch(/550/);
      expect((await world.secretary.get(`/meeting-notices/${notice.id}/deliveries?status=failed`).expect(200)).body.deliveries).toHaveLength(1);
    } finally {
      sink.refused.clear();
    }
  });

  it("reads the report's counts and rows at one moment, so they agree while the worker changes rows", async () => {
    // The meeting page stops asking once no row is queued; counts read apart from the rows once showed
    // "1 skickas fortfarande" under a report whose rows were all settled, and there it stayed.
    const { meetingId } = await meetingWithMatter(3, 'Taxor för bygglov');
    const notice = (await world.secretary.post(`/meetings/${meetingId}/notices`).expect(201)).body;
    const deadline = Date.now() + 90_000;
    while ((await deliveries(notice.id)).filter((row) => row.status === 'sent').length < emails().length) {
      if (Date.now() > deadline) throw new Error(`The notice was not sent within 90 s:\n${worker.output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    let flipping = true;
    const flipper = (async () => {
      while (flipping) {
        await testApp.dataSource.query(`UPDATE mail_deliveries SET status = CASE status WHEN 'sent' THEN 'failed' ELSE 'sent' END WHERE notice_id = $1`, [notice.id]);
      }
    })();
    try {
      for (let round = 0; round < 60; round += 1) {
        const report = (await world.secretary.get(`/meeting-notices/${notice.id}/deliveries`).expect(200)).body as { counts: Record<string, number>; deliveries: { status: string }[] };
        const tally = (status: string) => report.deliveries.filter((delivery) => delivery.status === status).length;
        expect(report.counts).toEqual({ queued: tally('queued'), sent: tally('sent'), failed: tally('failed'), noAddress: tally('no_address') });
      }
    } finally {
      flipping = false;
      await flipper;
      await testApp.dataSource.query(`UPDATE mail_deliveries SET status = 'sent' WHERE notice_id = $1`, [notice.id]);
    }
  });

  it('sends a supplementary notice with only the added items, a revised notice with SEQUENCE raised after a time change, and METHOD:CANCEL on cancellation', async () => {
    const { meetingId } = await meetingWithMatter(4, 'Val av representanter');
    await world.secretary.post(`/meetings/${meetingId}/notices`).expect(201);
    await sink.waitFor((received) => received.length === emails().length, 90_000, 'the first notice');
    sink.clear();

    const extra = await world.signedMatter('Brådskande yttrande över remiss');
    const added = (await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId: extra.matterId }).expect(201)).body;
    expect(added).toMatchObject({ addedAfterNotice: true, noticedInVersion: null });
    const supplementary = (await world.secretary.post(`/meetings/${meetingId}/notices`).expect(201)).body;
    expect(supplementary).toMatchObject({ version: 2, kind: 'supplementary', itemIds: [added.id] });
    await world.secretary.post(`/meetings/${meetingId}/notices`).expect(409);
    await sink.waitFor((received) => received.length === emails().length, 90_000, 'the supplementary notice');
    const tillagg = await sink.parse(sink.to(world.people.erik.email)[0]);
    expect(tillagg.subject).toMatch(/^Tilläggskallelse: Social- och utbildningsnämnden /);
    expect(tillagg.text).toContain('Brådskande yttrande över remiss');
    expect(tillagg.text).not.toContain('Val av representanter');
    expect(tillagg.attachments.find((attachment) => attachment.contentType === PDF)?.filename).toMatch(/^Tilläggskallelse .+ v2 med handlingar\.pdf$/);
    sink.clear();

    const later = stockholmDaysFromNow(4, '15:00');
    await world.secretary.patch(`/meetings/${meetingId}`, { startsAt: later, endsAt: stockholmDaysFromNow(4, '18:00') }).expect(200);
    await sink.waitFor((received) => received.length === emails().length, 90_000, 'the revised notice');
    const revised = await sink.parse(sink.to(world.people.anna.email)[0]);
    expect(revised.subject).toMatch(/^Reviderad kallelse: Social- och utbildningsnämnden .+ kl\. 15:00$/);
    expect(revised.text).toContain('Tiden är ändrad');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(revised.attachments.find((part) => part.contentType.startsWith('text/calendar'))!.content.toString('utf8'))).getFirstSubcomponent('vevent')!);
    expect(event.sequence).toBe(2);
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(later).toISOString());
    const versions = (await world.secretary.get(`/meetings/${meetingId}/notices`).expect(200)).body;
    expect(versions.map((version: { kind: string; calendarSequence: number }) => `${version.kind}:${version.calendarSequence}`)).toEqual(['notice:0', 'supplementary:1', 'revised:2']);
    sink.clear();

    await world.secretary.post(`/meetings/${meetingId}/cancellation`, { reason: 'Inga ärenden att behandla' }).expect(201);
    await sink.waitFor((received) => received.length === emails().length, 90_000, 'the cancellation');
    const cancelled = await sink.parse(sink.to(world.people.karin.email)[0]);
    expect(cancelled.subject).toMatch(/^Inställt sammanträde: /);
    expect(cancelled.text).toContain('Skäl: Inga ärenden att behandla');
    const calendar = calendarOf(cancelled);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('sequence')).toBe(3);
    expect(new ICAL.Event(calendar.getFirstSubcomponent('vevent')!).description).toContain('Skäl: Inga ärenden att behandla');
    const page = await testApp.http().get(`/sammantraden/${meetingId}`).expect(200);
    expect(page.text).toContain('<p class="cancelled">Sammanträdet är inställt. Skäl: Inga ärenden att behandla');
    // Substitutes had an informational entry of the same UID: the cancellation reaches it too.
    expect(calendarOf(await sink.parse(sink.to(world.people.kerstin.email)[0])).getFirstPropertyValue('method')).toBe('CANCEL');
  });

  it('links the handlingar PDF instead of attaching it when it is larger than NOTICE_ATTACHMENT_MAX_BYTES', async () => {
    await worker.stop();
    worker = await new WorkerProcess({ ...workerEnv(), NOTICE_ATTACHMENT_MAX_BYTES: '1024' }).start();
    try {
      const { meetingId } = await meetingWithMatter(3, 'Stor bilaga');
      const notice = (await world.secretary.post(`/meetings/${meetingId}/notices`).expect(201)).body;
      await sink.waitFor((received) => received.length === emails().length, 90_000, 'the notice with a link');
      const mail = await sink.parse(sink.to(world.people.anna.email)[0]);
      expect(mail.attachments.filter((attachment) => attachment.contentType === PDF)).toEqual([]);
      expect(mail.text).toContain(`/api/v1/meeting-notices/${notice.id}/pdf`);
    } finally {
      await worker.stop();
      worker = await new WorkerProcess(workerEnv()).start();
    }
  });

  it('e-mails the substitute who is called in, and the next one when that substitute is absent too', async () => {
    const meetingId = await world.meeting(stockholmDaysFromNow(12, '14:00'), stockholmDaysFromNow(12, '17:00'));
    await world.secretary.post(`/meetings/${meetingId}/absences`, { personId: world.people.maria.personId }).expect(201);
    await sink.waitFor(() => sink.to(world.people.kerstin.email).length === 1, 90_000, 'the call-in');
    const call = await sink.parse(sink.to(world.people.kerstin.email)[0]);
    expect(call.subject).toMatch(/^Inkallelse att tjänstgöra: Social- och utbildningsnämnden /);
    expect(call.text).toContain('Maria Testsson');
    // Called in to serve, the substitute is invited: a REQUEST naming them, of the meeting's UID, asking the secretary for a reply.
    const invitation = calendarOf(call);
    expect(invitation.getFirstPropertyValue('method')).toBe('REQUEST');
    const attendee = invitation.getFirstSubcomponent('vevent')!.getFirstProperty('attendee');
    expect(attendee?.getFirstValue()).toBe(`mailto:${world.people.kerstin.email}`);
    expect(attendee?.getParameter('rsvp')).toBe('TRUE');
    expect(new ICAL.Event(invitation.getFirstSubcomponent('vevent')!).uid).toBe(`meeting-${meetingId}@localhost`);

    await world.secretary.post(`/meetings/${meetingId}/absences`, { personId: world.people.kerstin.personId }).expect(201);
    await sink.waitFor(() => sink.to(world.people.anders.email).length === 1 && sink.to(world.people.kerstin.email).length === 2, 90_000, 'the passed-on call');
    expect((await sink.parse(sink.to(world.people.anders.email)[0])).subject).toMatch(/^Inkallelse att tjänstgöra/);
    const released = await sink.parse(sink.to(world.people.kerstin.email)[1]);
    expect(released.subject).toMatch(/^Inkallelsen återkallad/);
    expect(calendarOf(released).getFirstPropertyValue('method')).toBe('PUBLISH');
  });

  it('invites a substitute who is called in with the notice itself, and sends the others theirs "för kännedom"', async () => {
    const { meetingId } = await meetingWithMatter(5, 'Skolskjutsregler');
    await world.secretary.post(`/meetings/${meetingId}/absences`, { personId: world.people.maria.personId }).expect(201);
    await sink.waitFor(() => sink.to(world.people.kerstin.email).length === 1, 90_000, 'the call-in');
    sink.clear();
    await world.secretary.post(`/meetings/${meetingId}/notices`).expect(201);
    await sink.waitFor((received) => received.length === emails().length, 90_000, 'the notice');
    const called = await sink.parse(sink.to(world.people.kerstin.email)[0]);
    expect(called.subject).toMatch(/^Kallelse: /);
    expect(calendarOf(called).getFirstPropertyValue('method')).toBe('REQUEST');
    const notCalled = await sink.parse(sink.to(world.people.anders.email)[0]);
    expect(notCalled.subject).toMatch(/^Kallelse för kännedom: /);
    expect(calendarOf(notCalled).getFirstPropertyValue('method')).toBe('PUBLISH');
  });

  it('still sends on time after Redis lost everything (FLUSHALL) and the worker restarted', async () => {
    const { meetingId } = await meetingWithMatter(10, 'Närvarorätt vid sammanträden');
    const notice = (await world.secretary.post(`/meetings/${meetingId}/notices`).expect(201)).body;
    expect(notice.sentLate).toBe(false);
    // Its handlingar are made at once; what Redis loses here is the dispatch waiting for its time.
    await bundleReady(notice.id);
    // Due in three days at 08:00; move the due moment to a few seconds from now, as if the deadline were near.
    const due = new Date(Date.now() + 6000);
    await testApp.dataSource.query(`UPDATE outbox_jobs SET run_at = $1 WHERE idempotency_key = $2`, [due, `notice-dispatch:${notice.id}`]);
    await worker.stop();
    await redis.flushAll();
    worker = await new WorkerProcess(workerEnv()).start();
    await sink.waitFor((received) => received.length === emails().length, 90_000, 'the notice after FLUSHALL');
    const first = Math.min(...sink.received.map((mail) => mail.receivedAt));
    expect(first).toBeGreaterThanOrEqual(due.getTime());
    expect(first - due.getTime()).toBeLessThan(10_000);
    expect((await settledDeliveries(notice.id)).map((row) => row.status)).toEqual(emails().map(() => 'sent'));
  }, 180_000);

  it('flags a notice finalized in time that leaves after the deadline because the worker was down, in the API and the audit log', async () => {
    const { meetingId } = await meetingWithMatter(10, 'Riktlinjer för färdtjänst');
    const notice = (await world.secretary.post(`/meetings/${meetingId}/notices`).expect(201)).body;
    expect(notice.sentLate).toBe(false);
    await worker.stop();
    // The worker stays down past the deadline: as if the meeting were five days away and the notice had
    // been due (a week before, at 08:00) two days ago.
    await testApp.dataSource.query(`UPDATE meetings SET starts_at = $1, ends_at = $2 WHERE id = $3`, [stockholmDaysFromNow(5, '14:00'), stockholmDaysFromNow(5, '17:00'), meetingId]);
    const due = new Date(stockholmDaysFromNow(-2, '08:00'));
    await testApp.dataSource.query(`UPDATE meeting_notices SET dispatch_at = $1 WHERE id = $2`, [due, notice.id]);
    await testApp.dataSource.query(`UPDATE outbox_jobs SET run_at = $1 WHERE idempotency_key = $2`, [due, `notice-dispatch:${notice.id}`]);
    await redis.flushAll();
    worker = await new WorkerProcess(workerEnv()).start();
    await sink.waitFor((received) => received.length === emails().length, 90_000, 'the notice once the worker is back');
    const sent = (await world.secretary.get(`/meeting-notices/${notice.id}`).expect(200)).body;
    expect(sent).toMatchObject({ status: 'dispatched', sentLate: true });
    expect((await world.secretary.get(`/meeting-notices/${notice.id}/deliveries`).expect(200)).body).toMatchObject({ sentLate: true, counts: { sent: emails().length } });
    const audit = (await world.admin.get(`/audit-entries?entityId=${notice.id}`).expect(200)).body.items.map((entry: { action: string }) => entry.action);
    expect(audit).toEqual(expect.arrayContaining(['notice_dispatched', 'notice_sent_late']));
  }, 180_000);

  describe('500 recipients', () => {
    const MANY = 500;
    let organWorld: MeetingWorld;

    beforeAll(async () => {
      // 500 people with the right to attend: enough for a kill to land in the middle of the dispatch.
      organWorld = await meetingWorld(testApp, tenant, { seats: SMALL_SUN.slice(0, 1), organName: 'Stora rådet', domain: 'stora.test.example' });
      await testApp.dataSource.query(
        `WITH people AS (
           INSERT INTO persons (municipality_id, kind, first_name, last_name, email)
           SELECT $1, 'official', 'Mottagare', 'Nummer ' || n, 'mottagare' || n || '@stora.test.example' FROM generate_series(1, $3::int) AS n
           RETURNING id
         )
         INSERT INTO attendance_rights (municipality_id, organ_id, person_id, can_speak, valid_from) SELECT $1, $2, id, false, '2020-01-01' FROM people`,
        [tenant.municipalityId, organWorld.organId, MANY],
      );
    });

    const dispatch = async (days: number) => {
      const meetingId = await organWorld.meeting(stockholmDaysFromNow(days, '14:00'), stockholmDaysFromNow(days, '17:00'));
      const matter = await organWorld.signedMatter(`Ärende för ${days} dagar`);
      await organWorld.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId: matter.matterId }).expect(201);
      return (await organWorld.secretary.post(`/meetings/${meetingId}/notices`).expect(201)).body.id as string;
    };
    const everyone = () => Array.from({ length: MANY }, (_, index) => `mottagare${index + 1}@stora.test.example`).concat(organWorld.people.hakan.email);

    it('without a kill, every recipient receives exactly one message', async () => {
      const noticeId = await dispatch(2);
      await sink.waitFor(() => sink.received.length >= MANY + 1, 60_000, 'the 501 messages');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const counts = new Map<string, number>();
      for (const mail of sink.received) for (const rcpt of mail.recipients) counts.set(rcpt, (counts.get(rcpt) ?? 0) + 1);
      expect(everyone().filter((email) => counts.get(email) !== 1)).toEqual([]);
      expect(sink.received).toHaveLength(MANY + 1);
      expect((await settledDeliveries(noticeId)).filter((row) => row.status !== 'sent')).toEqual([]);
    }, 90_000);

    it('survives a SIGKILL mid-dispatch: everyone gets it, copies share a Message-ID, at most the in-flight ones twice', async () => {
      const slowSink = await new MailSink({ delayMs: 20 }).start();
      await worker.stop();
      worker = await new WorkerProcess({ ...workerEnv(), SMTP_URL: slowSink.url }).start();
      try {
        const noticeId = await dispatch(3);
        await slowSink.waitFor((received) => received.length >= 150, 60_000, '150 messages before the kill');
        await worker.kill();
        const atKill = slowSink.received.length;
        expect(atKill).toBeLessThan(MANY);
        worker = await new WorkerProcess({ ...workerEnv(), SMTP_URL: slowSink.url }).start();
        await slowSink.waitFor(() => everyone().every((email) => slowSink.to(email).length > 0), 90_000, 'every recipient after the restart');
        await new Promise((resolve) => setTimeout(resolve, 1000));

        const byRecipient = new Map<string, string[]>();
        for (const mail of slowSink.received) for (const rcpt of mail.recipients) byRecipient.set(rcpt, [...(byRecipient.get(rcpt) ?? []), messageIdOf(mail.raw)!]);
        const duplicates = [...byRecipient.values()].filter((ids) => ids.length > 1);
        for (const ids of duplicates) expect(new Set(ids).size).toBe(1);
        expect(duplicates.length).toBeLessThanOrEqual(CONCURRENCY);
        const rows = await settledDeliveries(noticeId);
        expect(rows.filter((row) => row.status !== 'sent')).toEqual([]);
        expect(new Set(rows.map((row) => row.message_id)).size).toBe(rows.length);
      } finally {
        await worker.stop();
        worker = await new WorkerProcess(workerEnv()).start();
        await slowSink.stop();
      }
    }, 180_000);
  });
});
