import { createTenant } from '../factories/tenant.factory';
import { Cluster } from '../support/cluster';
import { messageIdOf } from '../support/mail-sink';
import { addAttendees, MeetingWorld, meetingWorld, stockholmDaysFromNow } from '../support/meeting-fixture';
import { WorkerProcess } from '../support/worker-process';

jest.setTimeout(240_000);

const RECIPIENTS = 500;
const MAIL_CONCURRENCY = 8;

/**
 * Redis (which keeps nothing on disk) killed in the middle of a notice's fan-out and started again
 * empty: the worker must reconnect by itself, and the outbox reconciler must put back every job Redis
 * lost, from PostgreSQL.
 */
describe('Redis killed and restarted during a 500-recipient notice', () => {
  // A slow SMTP server, so that the kill lands in the middle of the fan-out.
  const cluster = new Cluster({ smtpDelayMs: 20 });
  let world: MeetingWorld;
  let attendees: string[];
  let worker: WorkerProcess;

  beforeAll(async () => {
    await cluster.start();
    const tenant = await createTenant(cluster.testApp, 'Redisgårds kommun');
    world = await meetingWorld(cluster.testApp, tenant, { organName: 'Stora rådet', domain: 'redis.test.example' });
    attendees = await addAttendees(cluster.testApp, tenant, world.organId, RECIPIENTS, 'redis.test.example');
    // The reconcile interval shortened from a minute, so that the jobs come back within the test.
    worker = await cluster.startWorker({ MAIL_CONCURRENCY: String(MAIL_CONCURRENCY), RECONCILE_INTERVAL_MS: '2000' });
  }, 180_000);

  afterAll(() => cluster.stop());

  it('the worker reconnects, the reconciler restores the jobs, and everyone gets the notice, duplicates only the in-flight ones', async () => {
    const meetingId = await world.meeting(stockholmDaysFromNow(3, '14:00'), stockholmDaysFromNow(3, '17:00'));
    await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'information', title: 'Information om bredbandsutbyggnaden' }).expect(201);
    const notice = (await world.secretary.post(`/meetings/${meetingId}/notices`).expect(201)).body;
    const everyone = [...attendees, ...Object.values(world.people).map((person) => person.email)];
    const { sink } = cluster;

    await sink.waitFor((received) => received.length >= 100, 120_000, '100 messages before the kill');
    await cluster.redis.kill();
    const atKill = sink.received.length;
    // Down long enough for the worker's connections to notice and start retrying.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await cluster.redis.start();
    expect(atKill).toBeLessThan(everyone.length);

    await sink.waitFor(() => everyone.every((email) => sink.to(email).length > 0), 150_000, `every one of the ${everyone.length} recipients after the restart`);
    await new Promise((resolve) => setTimeout(resolve, 2000));

    const byRecipient = new Map<string, string[]>();
    for (const mail of sink.received) for (const rcpt of mail.recipients) byRecipient.set(rcpt, [...(byRecipient.get(rcpt) ?? []), messageIdOf(mail.raw)!]);
    const duplicates = [...byRecipient.values()].filter((ids) => ids.length > 1);
    // The bound the README documents (The worker and the outbox): only a message in flight when its state was lost can go twice,
    // and its copies carry one Message-ID, so mail clients show one.
    for (const ids of duplicates) expect(new Set(ids).size).toBe(1);
    expect(duplicates.length).toBeLessThanOrEqual(MAIL_CONCURRENCY);
    const rows = await cluster.postgres.query<{ status: string }>(`SELECT status FROM mail_deliveries WHERE notice_id = $1`, [notice.id]);
    expect(rows.filter((row) => row.status !== 'sent')).toEqual([]);
    expect(rows).toHaveLength(everyone.length);
    // One worker, never restarted: it reconnected by itself.
    expect(worker.running).toBe(true);
    expect(worker.output).toContain('Outbox reconciled with the queues');
  });
});
