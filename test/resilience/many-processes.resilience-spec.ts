import { createTenant, Tenant } from '../factories/tenant.factory';
import { ApiProcess } from '../support/api-process';
import { Cluster } from '../support/cluster';
import { addAttendees, apiAs, MeetingWorld, meetingWorld, stockholmDaysFromNow } from '../support/meeting-fixture';
import { WorkerProcess } from '../support/worker-process';

jest.setTimeout(180_000);

const RECIPIENTS = 500;
const REGISTRATIONS = 80;

/** Two API processes and three workers over one PostgreSQL, one Redis and one file store, as replicas on several machines run. */
describe('two API processes and three workers at once', () => {
  // Files in a bucket: each process has an empty folder of its own, as on machines of their own.
  const cluster = new Cluster({ bucket: true });
  let apis: ApiProcess[];
  let workers: WorkerProcess[];
  let tenant: Tenant;
  let world: MeetingWorld;
  let attendees: string[];

  beforeAll(async () => {
    await cluster.start();
    tenant = await createTenant(cluster.testApp, 'Regionkommun');
    world = await meetingWorld(cluster.testApp, tenant, { organName: 'Kommunfullmäktige', organKind: 'council', domain: 'region.test.example' });
    attendees = await addAttendees(cluster.testApp, tenant, world.organId, RECIPIENTS, 'region.test.example');
    // One after the other: five processes compiling their sources at once on two cores take minutes to start.
    apis = [await cluster.startApi(), await cluster.startApi()];
    // Each worker logs every job it finishes (debug), so that the test sees the work was shared. Nothing is killed
    // here, so the workers hold their jobs as long as in production: with WorkerProcess's 3 s, a job whose lock a
    // worker on an overloaded machine renewed late was taken over by another while its e-mail was being sent.
    workers = [];
    for (let n = 0; n < 3; n += 1) workers.push(await cluster.startWorker({ LOG_LEVEL: 'debug', WORKER_LOCK_MS: '60000' }));
  }, 400_000);

  afterAll(() => cluster.stop());

  it('registers matters concurrently through both APIs with gap-free case numbers and no duplicates', async () => {
    const secretaryToken = (await tenant.user([{ role: 'secretary', organId: world.organId }])).token;
    const secretaries = apis.map((api) => apiAs(api, secretaryToken));
    const answers = await Promise.all(
      Array.from({ length: REGISTRATIONS }, (_, index) =>
        secretaries[index % secretaries.length].post('/matters', { registryId: world.registryId, organId: world.organId, departmentId: tenant.departmentId, title: `Ärende ${index}` }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 201));
    const numbers = answers.map((answer) => answer.body.caseNumber as string);
    expect(new Set(numbers).size).toBe(REGISTRATIONS);
    const rows = await cluster.postgres.query<{ sequence: number }>(`SELECT sequence FROM matters WHERE registry_id = $1 ORDER BY sequence`, [world.registryId]);
    expect(rows.map((row) => row.sequence)).toEqual(rows.map((_, index) => index + 1));
  });

  it("fans a notice out over three workers that send each delivery exactly once, and puts the council's kungörelse up once", async () => {
    const meetingId = await world.meeting(stockholmDaysFromNow(3, '18:00'), stockholmDaysFromNow(3, '21:00'));
    const secretary = apiAs(apis[1], (await tenant.user([{ role: 'secretary', organId: world.organId }])).token);
    await secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'information', title: 'Information om budgetuppföljningen' }).expect(201);
    const notice = (await secretary.post(`/meetings/${meetingId}/notices`).expect(201)).body;
    const everyone = [...attendees, ...Object.values(world.people).map((person) => person.email)];

    await cluster.sink.waitFor(() => everyone.every((email) => cluster.sink.to(email).length > 0), 120_000, `the notice to all ${everyone.length} recipients`);
    // Time for a second copy to arrive, were one on its way.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const copies = cluster.sink.copiesPerRecipient();
    expect(everyone.filter((email) => copies.get(email) !== 1)).toEqual([]);
    expect(cluster.sink.received).toHaveLength(everyone.length);
    const deliveries = await cluster.postgres.query<{ status: string }>(`SELECT status FROM mail_deliveries WHERE notice_id = $1`, [notice.id]);
    expect(deliveries.filter((row) => row.status !== 'sent')).toEqual([]);
    // The work was shared: every worker sent some of it.
    const sentBy = workers.map((worker) => worker.output.match(/"result":"sent"/g)?.length ?? 0);
    expect(sentBy.reduce((sum, sent) => sum + sent, 0)).toBe(everyone.length);
    expect(sentBy.filter((sent) => sent === 0)).toEqual([]);

    // The kungörelse of a council's meeting goes up when its notice goes out: once, whichever worker takes it.
    const deadline = Date.now() + 60_000;
    let postings: { id: string; status: string }[] = [];
    while (!(postings.length === 1 && postings[0].status === 'up')) {
      if (Date.now() > deadline) throw new Error(`The kungörelse did not go up: ${JSON.stringify(postings)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      postings = await cluster.postgres.query(`SELECT id, status FROM postings WHERE meeting_id = $1 AND kind = 'meeting_notice'`, [meetingId]);
    }
    const posted = await cluster.postgres.query(`SELECT id FROM audit_entries WHERE entity_id = $1 AND action = 'post'`, [postings[0].id]);
    expect(posted).toHaveLength(1);
    expect(workers.every((worker) => worker.running)).toBe(true);
    // The handlingar the workers rendered and attached went through the bucket, not a folder of a process.
    expect(cluster.gotenberg.conversions).toBeGreaterThan(0);
    expect(cluster.filesInFolders()).toEqual([]);
  });
});
