import { createTenant } from '../factories/tenant.factory';
import { Cluster } from '../support/cluster';
import { addAttendees, MeetingWorld, meetingWorld, stockholmDaysFromNow } from '../support/meeting-fixture';

jest.setTimeout(240_000);

const RECIPIENTS = 500;

/**
 * A worker told to stop (SIGTERM, as Docker or systemd do on a deploy) in the middle of a notice's
 * fan-out: it finishes the e-mails it has begun and returns the rest within SHUTDOWN_GRACE_MS, and a
 * worker started afterwards sends the rest, nothing twice.
 */
describe('SIGTERM to a worker mid-fan-out', () => {
  // Files in a bucket: the restarted worker has an empty folder of its own, as on another machine.
  const cluster = new Cluster({ smtpDelayMs: 20, bucket: true });
  let world: MeetingWorld;
  let attendees: string[];

  beforeAll(async () => {
    await cluster.start();
    const tenant = await createTenant(cluster.testApp, 'Stoppsala kommun');
    world = await meetingWorld(cluster.testApp, tenant, { organName: 'Stora rådet', domain: 'sigterm.test.example' });
    attendees = await addAttendees(cluster.testApp, tenant, world.organId, RECIPIENTS, 'sigterm.test.example');
  }, 180_000);

  afterAll(() => cluster.stop());

  it('stops within the bound, and a restarted worker completes the notice with no duplicate', async () => {
    const first = await cluster.startWorker();
    const meetingId = await world.meeting(stockholmDaysFromNow(3, '14:00'), stockholmDaysFromNow(3, '17:00'));
    await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'information', title: 'Information om vinterväghållningen' }).expect(201);
    const notice = (await world.secretary.post(`/meetings/${meetingId}/notices`).expect(201)).body;
    const everyone = [...attendees, ...Object.values(world.people).map((person) => person.email)];
    const { sink } = cluster;

    await sink.waitFor((received) => received.length >= 100, 120_000, '100 messages before SIGTERM');
    const exitCode = await first.stop('SIGTERM');
    const atStop = sink.received.length;
    // closeOnStop exits with 1 and says so when the grace period (SHUTDOWN_GRACE_MS) runs out first.
    expect({ exitCode, forced: first.output.includes('Not stopped') }).toEqual({ exitCode: 0, forced: false });
    expect(first.output).toContain('Active jobs finished; taking no more');
    expect(atStop).toBeLessThan(everyone.length);
    // Nothing more leaves once it has gone.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(sink.received.length).toBe(atStop);

    await cluster.startWorker();
    await sink.waitFor(() => everyone.every((email) => sink.to(email).length > 0), 150_000, `every one of the ${everyone.length} recipients after the restart`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const copies = sink.copiesPerRecipient();
    expect(everyone.filter((email) => copies.get(email) !== 1)).toEqual([]);
    expect(sink.received).toHaveLength(everyone.length);
    const rows = await cluster.postgres.query<{ status: string }>(`SELECT status FROM mail_deliveries WHERE notice_id = $1`, [notice.id]);
    expect(rows.filter((row) => row.status !== 'sent')).toEqual([]);
    expect(cluster.filesInFolders()).toEqual([]);
  });
});
