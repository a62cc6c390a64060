import { randomUUID } from 'node:crypto';
import { OutboxService, QUEUES, runInRequestIdScope } from '@namndrum/core';
import { createTenant, Tenant, TEST_PASSWORD } from './factories/tenant.factory';
import { MailSink } from './support/mail-sink';
import { apiAs, meetingWorld, stockholmDaysFromNow } from './support/meeting-fixture';
import { PrivateDatabase } from './support/private-database';
import { PrivateRedis } from './support/private-redis';
import { RecordedKolada, startRecordedKolada } from './support/recorded-kolada';
import { adminClient } from './setup/services';
import { createTestApp, TestApp } from './support/test-app';
import { WorkerProcess } from './support/worker-process';

// The notice's handlingar are rendered by LibreOffice, started at the worker's first conversion.
jest.setTimeout(180_000);

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/**
 * Prometheus' text format, line by line; throws on a line that is neither a comment nor a sample.
 * Values are what Go's ParseFloat reads, so NaN and Inf in any case: prom-client writes `Nan`.
 */
function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?[0-9.e+-]+|[nN][aA][nN]|[+-][iI][nN][fF])$/.exec(line);
    if (!match) throw new Error(`Not a Prometheus sample: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[key] = value;
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

function sample(samples: Sample[], name: string, labels: Record<string, string>): number | undefined {
  return samples.find((candidate) => candidate.name === name && Object.entries(labels).every(([key, value]) => candidate.labels[key] === value))?.value;
}

/**
 * What operators run many processes with: Prometheus metrics of the API and the worker, liveness and
 * readiness, the queue dashboard, and the request id from the HTTP request into the worker's log lines.
 * A database and Redis of the file's own, so that the gauges count only what the tests put there and
 * the database can be shut off.
 */
describe('operations: metrics, health, queue dashboard, request ids in the worker', () => {
  let database: PrivateDatabase;
  let redis: PrivateRedis;
  let testApp: TestApp;
  let tenant: Tenant;

  const scrape = async () => {
    const response = await testApp.http().get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseMetrics(response.text);
  };

  beforeAll(async () => {
    database = await new PrivateDatabase().create('operations');
    redis = await new PrivateRedis().start();
    process.env.DATABASE_URL = database.url;
    process.env.REDIS_URL = redis.url;
    testApp = await createTestApp();
    tenant = await createTenant(testApp, 'Driftkommun');
  }, 60_000);

  afterAll(async () => {
    await testApp?.close();
    await redis?.stop();
    await database?.drop();
  });

  describe('GET /metrics of the API', () => {
    it('answers in the Prometheus text format with the process metrics', async () => {
      const samples = await scrape();
      expect(sample(samples, 'namndrum_process_resident_memory_bytes', {})).toBeGreaterThan(0);
      expect(samples.some((candidate) => candidate.name === 'namndrum_nodejs_eventloop_lag_seconds')).toBe(true);
    });

    it('answers scrapes that arrive together, when the event-loop histogram has no samples yet', async () => {
      const scrapes = await Promise.all(Array.from({ length: 5 }, () => scrape()));
      for (const samples of scrapes) {
        expect(samples.some((candidate) => candidate.name === 'namndrum_nodejs_eventloop_lag_mean_seconds')).toBe(true);
      }
    });

    it('counts a request under its route template, never under its URL with the id', async () => {
      const admin = apiAs(testApp, (await tenant.user([{ role: 'admin' }])).token);
      const id = randomUUID();
      await admin.get(`/meetings/${id}`).expect(404);
      await admin.get(`/meetings/${id}`).expect(404);
      const samples = await scrape();
      expect(sample(samples, 'namndrum_http_requests_total', { method: 'GET', route: '/api/v1/meetings/:id', status: '404' })).toBe(2);
      expect(sample(samples, 'namndrum_http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/meetings/:id' })).toBe(2);
      expect(samples.some((candidate) => Object.values(candidate.labels).some((value) => value.includes(id)))).toBe(false);
    });

    it('shows the queue depths by state and how long the oldest ready job has waited', async () => {
      const queue = testApp.app.get(OutboxService).queue(QUEUES.integrations);
      const jobs = await Promise.all([
        queue.add('probe', {}, { timestamp: Date.now() - 90_000 }),
        queue.add('probe', {}),
        queue.add('probe', {}, { delay: 3_600_000 }),
      ]);
      try {
        const samples = await scrape();
        expect(sample(samples, 'namndrum_queue_jobs', { queue: QUEUES.integrations, state: 'waiting' })).toBe(2);
        expect(sample(samples, 'namndrum_queue_jobs', { queue: QUEUES.integrations, state: 'delayed' })).toBe(1);
        expect(sample(samples, 'namndrum_queue_jobs', { queue: QUEUES.mailDelivery, state: 'waiting' })).toBe(0);
        expect(sample(samples, 'namndrum_queue_oldest_waiting_seconds', { queue: QUEUES.integrations })).toBeGreaterThanOrEqual(90);
        expect(sample(samples, 'namndrum_queue_oldest_waiting_seconds', { queue: QUEUES.mailDelivery })).toBe(0);
      } finally {
        await Promise.all(jobs.map((job) => job.remove()));
      }
    });

    it('shows the outbox rows pending and overdue by kind, and the deliveries by status', async () => {
      const kind = 'operations.probe';
      await testApp.dataSource.query(
        `INSERT INTO outbox_jobs (kind, idempotency_key, run_at, status)
         VALUES ($1, $2, now() - interval '1 hour', 'pending'), ($1, $3, now() - interval '10 seconds', 'pending'),
                ($1, $4, now() + interval '1 day', 'pending'), ($1, $5, now() - interval '1 hour', 'done')`,
        [kind, ...[1, 2, 3, 4].map((n) => `operations-probe-${n}-${randomUUID()}`)],
      );
      try {
        const samples = await scrape();
        expect(sample(samples, 'namndrum_outbox_pending_jobs', { kind })).toBe(3);
        expect(sample(samples, 'namndrum_outbox_overdue_jobs', { kind })).toBe(1);
        for (const status of ['queued', 'sent', 'failed']) expect(sample(samples, 'namndrum_mail_deliveries', { status })).toBe(0);
      } finally {
        await testApp.dataSource.query(`DELETE FROM outbox_jobs WHERE kind = $1`, [kind]);
      }
    });

    it('asks for METRICS_TOKEN as a bearer token once one is configured', async () => {
      process.env.METRICS_TOKEN = 'operations-metrics-token';
      const guarded = await createTestApp().finally(() => delete process.env.METRICS_TOKEN);
      try {
        await guarded.http().get('/metrics').expect(401);
        await guarded.http().get('/metrics').set('Authorization', 'Bearer not-the-token').expect(401);
        await guarded.http().get('/metrics').set('Authorization', 'Bearer operations-metrics-token').expect(200);
      } finally {
        await guarded.close();
      }
    });
  });

  describe('the queue dashboard at /api/admin/queues', () => {
    it('refuses whoever is not signed in, and signed-in users who are no admin', async () => {
      await testApp.http().get('/api/admin/queues').expect(401);
      const secretary = await tenant.user([{ role: 'secretary', organId: await tenant.organ() }]);
      await testApp.http().get('/api/admin/queues').set('Authorization', `Bearer ${secretary.token}`).expect(403);
      await testApp.http().get('/api/admin/queues/api/queues').set('Authorization', `Bearer ${secretary.token}`).expect(403);
    });

    it("shows a municipality admin every queue, signed in by the browser's session cookie", async () => {
      const admin = await tenant.user([{ role: 'admin' }]);
      const signIn = await testApp.http().post('/api/v1/auth/session').send({ email: admin.email, password: TEST_PASSWORD }).expect(200);
      const cookie = ([] as string[]).concat(signIn.headers['set-cookie'] ?? []).find((header) => header.startsWith('namndrum_session='))!.split(';')[0];
      const page = await testApp.http().get('/api/admin/queues').set('Cookie', cookie).expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.text).toContain('<base href="/api/admin/queues/"');
      const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(page.text)![1];
      await testApp.http().get(`/api/admin/queues/${script}`).set('Cookie', cookie).expect(200);
      const queues = await testApp.http().get('/api/admin/queues/api/queues').set('Cookie', cookie).expect(200);
      const names = (queues.body.queues as { name: string; readOnlyMode: boolean }[]).map((queue) => queue.name).sort();
      expect(names).toEqual(Object.values(QUEUES).sort());
      expect((queues.body.queues as { readOnlyMode: boolean }[]).every((queue) => queue.readOnlyMode)).toBe(true);
    });
  });

  describe('the request id from the API into the worker', () => {
    let worker: WorkerProcess;
    let sink: MailSink;
    let kolada: RecordedKolada;

    beforeAll(async () => {
      const [{ code }]: { code: string }[] = await testApp.dataSource.query(`SELECT code FROM municipalities WHERE id = $1`, [tenant.municipalityId]);
      kolada = await startRecordedKolada(() => code);
      sink = await new MailSink().start();
      worker = await new WorkerProcess({
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        SMTP_URL: sink.url,
        MAIL_FROM: 'Driftkommun <namndrum@test.example>',
        KOLADA_BASE_URL: kolada.url,
        WORKER_METRICS_PORT: '0',
      }).start();
    }, 60_000);

    const workerLines = () =>
      worker.output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);

    afterAll(async () => {
      await worker?.stop();
      await sink?.stop();
      await kolada?.close();
    });

    it("writes the request's id on the outbox row, and the worker's log lines for that job carry it with the outbox id and kind", async () => {
      const admin = apiAs(testApp, (await tenant.user([{ role: 'admin' }])).token);
      const framework = (await admin.post('/goal-frameworks/import', koladaFramework()).expect(200)).body.framework;
      const requestId = `operations-${randomUUID()}`;
      const requested = await admin.post(`/goal-frameworks/${framework.id}/kolada-imports`, { years: [2018, 2019, 2020, 2021, 2022] }).set('X-Request-Id', requestId).expect(201);
      expect(requested.headers['x-request-id']).toBe(requestId);
      const [row]: { id: string; request_id: string }[] = await testApp.dataSource.query(`SELECT id, request_id FROM outbox_jobs WHERE kind = 'kolada.import' AND request_id = $1`, [requestId]);
      expect(row).toBeDefined();

      const jobLines = () => workerLines().filter((line) => line.outboxId === row.id);
      const deadline = Date.now() + 30_000;
      while (!jobLines().some((line) => line.msg === 'Kolada job finished')) {
        if (Date.now() > deadline) throw new Error(`The worker did not finish the Kolada job within 30 s:\n${worker.output.slice(-3000)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const lines = jobLines();
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).toMatchObject({ requestId, outboxId: row.id, kind: 'kolada.import' });
    });

    it("follows a finalized notice from the secretary's request through its handlingar and dispatch to every recipient's delivery", async () => {
      const world = await meetingWorld(testApp, tenant, { organName: 'Driftnämnden' });
      const meetingId = await world.meeting(stockholmDaysFromNow(3, '14:00'), stockholmDaysFromNow(3, '17:00'));
      const matter = await world.signedMatter('Driftsättning av nya servrar');
      await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId: matter.matterId }).expect(201);
      const requestId = `operations-notice-${randomUUID()}`;
      const notice = (await world.secretary.post(`/meetings/${meetingId}/notices`).set('X-Request-Id', requestId).expect(201)).body;

      const deliveryJobs = () =>
        testApp.dataSource.query(
          `SELECT o.id, o.request_id, o.status FROM outbox_jobs o JOIN mail_deliveries d ON d.id = (o.payload->>'deliveryId')::uuid WHERE o.kind = 'mail.delivery' AND d.notice_id = $1`,
          [notice.id],
        ) as Promise<{ id: string; request_id: string | null; status: string }[]>;
      const deadline = Date.now() + 120_000;
      let jobs = await deliveryJobs();
      while (jobs.length === 0 || jobs.some((job) => job.status !== 'done')) {
        if (Date.now() > deadline) throw new Error(`The notice was not delivered within 120 s:\n${worker.output.slice(-3000)}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
        jobs = await deliveryJobs();
      }
      expect(jobs.map((job) => job.request_id)).toEqual(jobs.map(() => requestId));
      const byKind = (kind: string) => workerLines().filter((line) => line.requestId === requestId && line.kind === kind);
      expect(byKind('notice.bundle').some((line) => line.msg === 'Notice bundle rendered')).toBe(true);
      expect(byKind('notice.dispatch').some((line) => line.msg === 'Notice dispatched')).toBe(true);
      const deliveryIds = new Set(jobs.map((job) => job.id));
      for (const line of workerLines().filter((candidate) => deliveryIds.has(String(candidate.outboxId)))) expect(line).toMatchObject({ requestId, kind: 'mail.delivery' });
    });

    it('carries the request id on to the outbox rows a job writes in turn', async () => {
      const outbox = testApp.app.get(OutboxService);
      const rolledBack = new Error('rolled back');
      await expect(
        testApp.dataSource.transaction(async (em) => {
          const [ref] = await runInRequestIdScope('the-causing-request', () => outbox.insert(em, tenant.municipalityId, [{ kind: 'mail.delivery', idempotencyKey: `operations-chain-${randomUUID()}`, runAt: new Date(Date.now() + 86_400_000) }]));
          expect(ref.requestId).toBe('the-causing-request');
          const [{ request_id }] = await em.query(`SELECT request_id FROM outbox_jobs WHERE id = $1`, [ref.id]);
          expect(request_id).toBe('the-causing-request');
          throw rolledBack;
        }),
      ).rejects.toBe(rolledBack);
    });

    it("serves the worker's own counters on WORKER_METRICS_PORT: the jobs, e-mails and conversions above", async () => {
      const port = /Worker metrics listening on port (\d+)/.exec(worker.output)?.[1];
      expect(port).toBeDefined();
      const response = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(response.status).toBe(200);
      const samples = parseMetrics(await response.text());
      expect(sample(samples, 'namndrum_worker_jobs_processed_total', { queue: QUEUES.integrations, kind: 'kolada.import', outcome: 'completed' })).toBe(1);
      expect(sample(samples, 'namndrum_worker_job_duration_seconds_count', { queue: QUEUES.integrations, kind: 'kolada.import' })).toBe(1);
      // The notice above: one e-mail per delivery row, its handlingar converted by LibreOffice.
      const [{ sent }]: { sent: number }[] = await testApp.dataSource.query(`SELECT count(*)::int AS sent FROM mail_deliveries WHERE status = 'sent'`);
      expect(sent).toBeGreaterThan(0);
      expect(sample(samples, 'namndrum_worker_mail_deliveries_total', { outcome: 'sent' })).toBe(sent);
      expect(sample(samples, 'namndrum_worker_pdf_conversions_total', { outcome: 'converted' })).toBeGreaterThan(0);
      expect(sample(samples, 'namndrum_worker_pdf_conversion_duration_seconds_count', {})).toBeGreaterThan(0);
      expect(sample(samples, 'namndrum_process_resident_memory_bytes', {})).toBeGreaterThan(0);
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
    });
  });

  describe('liveness and readiness', () => {
    it('answers live and ready while PostgreSQL and Redis answer, and /api/health as before', async () => {
      expect((await testApp.http().get('/api/health/live').expect(200)).body).toEqual({ status: 'ok' });
      expect((await testApp.http().get('/api/health/ready').expect(200)).body).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' }, redis: { status: 'up' } } });
      await testApp.http().get('/api/health').expect(200);
    });

    it('is not ready while its database refuses connections, stays live, and is ready again once it takes them', async () => {
      const name = new URL(database.url).pathname.slice(1);
      const admin = await adminClient(process.env.NAMNDRUM_TEST_BASE_DATABASE_URL!);
      try {
        await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
        await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
        await testApp.http().get('/api/health/ready').expect(503);
        await testApp.http().get('/api/health/live').expect(200);
      } finally {
        await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
        await admin.end();
      }
      const deadline = Date.now() + 15_000;
      while ((await testApp.http().get('/api/health/ready')).status !== 200) {
        if (Date.now() > deadline) throw new Error('The API did not become ready again within 15 s of the database taking connections');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    });
  });
});

function koladaFramework() {
  return {
    formatVersion: 1,
    framework: {
      key: 'kolada-drift',
      name: 'Kolada-drift',
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
}
