import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { bullConnection, loadConfig, OUTBOX_KINDS, outboxJobId, QUEUE_JOB_OPTIONS, QUEUES } from '@namndrum/core';
import { createMailTransport } from '@namndrum/mail';
import { databaseUrl, planMeetingWithOneItem, profilingFlags, startBench } from './harness';

/**
 * A national peak day: the notices of many municipalities' meetings all fall due at the same 08:00,
 * and 1, 2 and 4 worker processes send them. The data is built once into a template database; each
 * run gets a fresh copy of it and its own Redis prefix, so every run starts from the same outbox.
 */
const NOTICES = Number(process.env.PEAK_NOTICES || 2000);
const RECIPIENTS_PER_NOTICE = Number(process.env.PEAK_RECIPIENTS || 30);
const MUNICIPALITIES = Math.min(Number(process.env.PEAK_MUNICIPALITIES || 290), NOTICES);
const WORKER_COUNTS = (process.env.PEAK_WORKERS || '1,2,4').split(',').map(Number);
const RUN_TIMEOUT_MS = Number(process.env.PEAK_TIMEOUT_MS || 30 * 60_000);
// 08:00 comes this long after the bench has put the dispatch jobs in Redis, so that all of them are there in time.
const DUE_AFTER_MS = 1000;
const MAIL_CONCURRENCY = Number(process.env.MAIL_CONCURRENCY || 16);
const FLOOR_MESSAGES = Math.min(NOTICES * RECIPIENTS_PER_NOTICE, 3000);

interface Sink {
  url: string;
  /** Messages per recipient and Message-ID: one notice to one person is one key. */
  received: Map<string, number>;
  lastAcceptedAt: () => number;
  close: () => Promise<void>;
}

/** An SMTP server on loopback that accepts everything, reading only the headers it counts by. */
async function sink(): Promise<Sink> {
  const received = new Map<string, number>();
  let lastAcceptedAt = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    maxClients: 1000,
    size: 50 * 1024 * 1024,
    onData(stream, session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 16_384 && !head.includes('\r\n\r\n')) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const messageId = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? 'missing';
        for (const rcpt of session.envelope.rcptTo) {
          const key = `${rcpt.address} ${messageId}`;
          received.set(key, (received.get(key) ?? 0) + 1);
        }
        lastAcceptedAt = Date.now();
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    received,
    lastAcceptedAt: () => lastAcceptedAt,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function query<T>(database: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl(database) });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * The template: one meeting with a finalized notice made through the API (so its DOCX and rows are
 * what production makes), then copied in SQL to every municipality's organ until there are NOTICES
 * of them, each organ with its own RECIPIENTS_PER_NOTICE people. Returns the database's name.
 */
async function buildTemplate(): Promise<string> {
  const bench = await startBench('peak');
  const database = new URL(bench.databaseUrl).pathname.slice(1);
  let built = false;
  try {
    const organId = (await bench.pool.query<{ organ_id: string }>('SELECT organ_id FROM registries WHERE id = $1', [bench.registryId])).rows[0].organ_id;
    // Far enough ahead that the notice is due days from now: nothing runs until a run moves the hour.
    const meeting = await planMeetingWithOneItem(bench.api, organId, 14);
    const finalized = await bench.api.post(`/api/v1/meetings/${meeting.id}/notices`, {});
    if (finalized.status !== 201) throw new Error(`Finalizing failed: ${finalized.status} ${finalized.body}`);
    const notice = JSON.parse(finalized.body) as { id: string };

    const client = await bench.pool.connect();
    try {
      await client.query('BEGIN');
      // The handlingar bundle is made when the notice is finalized, days before: here the notice carries its DOCX, as a version from before bundles does.
      await client.query(`UPDATE meeting_notices SET bundle_status = 'none' WHERE id = $1`, [notice.id]);
      await client.query(`UPDATE outbox_jobs SET status = 'done', completed_at = now() WHERE kind = $1`, [OUTBOX_KINDS.noticeBundle]);
      await client.query(
        `CREATE TEMP TABLE peak_organs AS
           SELECT k, CASE WHEN k = 1 THEN $1::uuid ELSE gen_random_uuid() END AS municipality_id, CASE WHEN k = 1 THEN $2::uuid ELSE gen_random_uuid() END AS organ_id
             FROM generate_series(1, $3::int) AS k`,
        [bench.municipalityId, organId, MUNICIPALITIES],
      );
      await client.query(
        `INSERT INTO municipalities (id, name, code) SELECT municipality_id, 'Benchkommun ' || k, lpad(k::text, 4, '0') FROM peak_organs WHERE k > 1`,
      );
      await client.query(
        `INSERT INTO organs SELECT (jsonb_populate_record(NULL::organs, to_jsonb(o) || jsonb_build_object('id', p.organ_id, 'municipality_id', p.municipality_id))).*
           FROM organs o, peak_organs p WHERE o.id = $1 AND p.k > 1`,
        [organId],
      );
      await client.query(
        `WITH people AS (
           INSERT INTO persons (municipality_id, kind, first_name, last_name, email)
           SELECT p.municipality_id, 'official', 'Mottagare', 'Nummer ' || n, 'mottagare' || n || '.k' || p.k || '@bench.example'
             FROM peak_organs p, generate_series(1, $1::int) AS n
           RETURNING id, municipality_id
         )
         INSERT INTO attendance_rights (municipality_id, organ_id, person_id, can_speak, valid_from)
         SELECT people.municipality_id, p.organ_id, people.id, false, '2020-01-01' FROM people JOIN peak_organs p USING (municipality_id)`,
        [RECIPIENTS_PER_NOTICE],
      );
      await client.query(
        `CREATE TEMP TABLE peak_meetings AS
           SELECT j, p.municipality_id, p.organ_id, gen_random_uuid() AS meeting_id, gen_random_uuid() AS notice_id
             FROM generate_series(2, $1::int) AS j JOIN peak_organs p ON p.k = (j - 1) % $2 + 1`,
        [NOTICES, MUNICIPALITIES],
      );
      await client.query(
        `INSERT INTO meetings SELECT (jsonb_populate_record(NULL::meetings, to_jsonb(m) || jsonb_build_object('id', c.meeting_id, 'municipality_id', c.municipality_id, 'organ_id', c.organ_id))).*
           FROM meetings m, peak_meetings c WHERE m.id = $1`,
        [meeting.id],
      );
      // A new meeting's agenda starts with the organ's standing items: each is copied, and the notice lists the copies.
      await client.query(
        `CREATE TEMP TABLE peak_items AS SELECT c.j, a.id AS template_id, gen_random_uuid() AS item_id FROM peak_meetings c, agenda_items a WHERE a.meeting_id = $1`,
        [meeting.id],
      );
      await client.query(
        `INSERT INTO agenda_items SELECT (jsonb_populate_record(NULL::agenda_items, to_jsonb(a) || jsonb_build_object('id', i.item_id, 'municipality_id', c.municipality_id, 'meeting_id', c.meeting_id))).*
           FROM agenda_items a JOIN peak_items i ON i.template_id = a.id JOIN peak_meetings c USING (j)`,
      );
      await client.query(
        `INSERT INTO meeting_notices SELECT (jsonb_populate_record(NULL::meeting_notices, to_jsonb(n) || jsonb_build_object('id', c.notice_id, 'municipality_id', c.municipality_id, 'meeting_id', c.meeting_id,
                  'item_ids', (SELECT jsonb_agg(i.item_id ORDER BY t.ord) FROM unnest(n.item_ids) WITH ORDINALITY AS t(id, ord) JOIN peak_items i ON i.template_id = t.id AND i.j = c.j)))).*
           FROM meeting_notices n, peak_meetings c WHERE n.id = $1`,
        [notice.id],
      );
      await client.query(
        `INSERT INTO outbox_jobs SELECT (jsonb_populate_record(NULL::outbox_jobs, to_jsonb(o) || jsonb_build_object('id', gen_random_uuid(), 'municipality_id', c.municipality_id, 'idempotency_key', 'notice-dispatch:' || c.notice_id, 'payload', jsonb_build_object('noticeId', c.notice_id)))).*
           FROM outbox_jobs o, peak_meetings c WHERE o.idempotency_key = $1`,
        [`notice-dispatch:${notice.id}`],
      );
      // Parked until a run's 08:00, so that the workers' start-up reconciliation leaves them alone.
      await client.query(`UPDATE outbox_jobs SET status = 'cancelled' WHERE kind = $1`, [OUTBOX_KINDS.noticeDispatch]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const [{ count }] = (await bench.pool.query<{ count: string }>(`SELECT count(*) FROM outbox_jobs WHERE kind = $1`, [OUTBOX_KINDS.noticeDispatch])).rows;
    if (Number(count) !== NOTICES) throw new Error(`The template holds ${count} notices, not ${NOTICES}`);
    built = true;
  } finally {
    // The template outlives the harness: each run copies it.
    const keep = process.env.BENCH_KEEP_DATABASE;
    if (built) process.env.BENCH_KEEP_DATABASE = '1';
    await bench.close();
    if (keep === undefined) delete process.env.BENCH_KEEP_DATABASE;
  }
  return database;
}

/** The largest resident set the process has had (VmHWM), and its current one. */
function memoryMb(pid: number): { peak: number; now: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { peak: Math.round(kb('VmHWM') / 1024), now: Math.round(kb('VmRSS') / 1024) };
  } catch {
    return { peak: 0, now: 0 };
  }
}

function startWorker(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const worker = spawn(process.execPath, [...profilingFlags(), '-r', join(__dirname, '..', '..', 'scripts', 'register-paths.js'), join(__dirname, '..', 'apps', 'worker', 'src', 'main.js')], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer): void => {
      if (output.length < 100_000) output += chunk.toString();
      if (!output.includes('Worker started')) return;
      // From here on its log is not the benchmark's; it is read and dropped so the pipe never fills.
      worker.stdout!.off('data', read).on('data', () => undefined);
      resolve(worker);
    };
    worker.stdout!.on('data', read);
    worker.once('exit', (code) => reject(new Error(`A worker exited with ${code} while starting:\n${output.slice(-4000)}`)));
  });
}

interface RunResult {
  workers: number;
  emails: number;
  seconds: number;
  emailsPerSecond: number;
  duplicates: number;
  missing: number;
  sentInDatabase: number;
  idleRssMb: number[];
  peakRssMb: number[];
}

async function run(template: string, workers: number): Promise<RunResult> {
  const database = `${template}_w${workers}`;
  await query('postgres', `CREATE DATABASE "${database}" TEMPLATE "${template}"`);
  const smtp = await sink();
  const processes: ChildProcess[] = [];
  const peaks = new Map<number, number>();
  const sampler = setInterval(() => {
    for (const worker of processes) peaks.set(worker.pid!, Math.max(peaks.get(worker.pid!) ?? 0, memoryMb(worker.pid!).now));
  }, 200);
  try {
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl(database),
      REDIS_PREFIX: `namndrum-bench-peak-${Date.now().toString(36)}-${workers}`,
      SMTP_URL: smtp.url,
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
    };
    // 08:00 comes once every worker is up, so what is timed is the sending, not the start-up.
    for (let index = 0; index < workers; index += 1) processes.push(await startWorker(env));
    const idle = processes.map((worker) => memoryMb(worker.pid!).now);
    const due = await strikeEight(database, env);
    const expected = NOTICES * RECIPIENTS_PER_NOTICE;
    const deadline = Date.now() + RUN_TIMEOUT_MS;
    while (smtp.received.size < expected) {
      if (Date.now() > deadline) throw new Error(`${workers} workers: ${smtp.received.size} of ${expected} e-mails after ${RUN_TIMEOUT_MS} ms`);
      if (processes.some((worker) => worker.exitCode !== null)) throw new Error(`${workers} workers: a worker exited`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (smtp.lastAcceptedAt() - new Date(due).getTime()) / 1000;
    // Anything sent twice arrives after the last first copy: give it a moment to show.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const [{ sent }] = await query<{ sent: string }>(database, `SELECT count(*) AS sent FROM mail_deliveries WHERE status = 'sent'`);
    const emails = [...smtp.received.values()].reduce((sum, count) => sum + count, 0);
    return {
      workers,
      emails,
      seconds: Number(seconds.toFixed(2)),
      emailsPerSecond: Math.round(expected / seconds),
      duplicates: emails - smtp.received.size,
      missing: expected - smtp.received.size,
      sentInDatabase: Number(sent),
      idleRssMb: idle,
      peakRssMb: processes.map((worker) => Math.max(memoryMb(worker.pid!).peak, peaks.get(worker.pid!) ?? 0)),
    };
  } finally {
    clearInterval(sampler);
    await Promise.all(
      processes.map((worker) => {
        if (worker.exitCode !== null) return undefined;
        const exited = new Promise((resolve) => worker.once('exit', resolve));
        worker.kill('SIGTERM');
        return exited;
      }),
    );
    await smtp.close();
    if (!process.env.BENCH_KEEP_DATABASE) await query('postgres', `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }
}

/**
 * 08:00: every notice's dispatch falls due at once. Its outbox row becomes pending with that hour and its delayed
 * job is in Redis, as OutboxService leaves it when the notice is finalized. Returns the hour.
 */
async function strikeEight(database: string, env: NodeJS.ProcessEnv): Promise<Date> {
  const due = new Date(Date.now() + DUE_AFTER_MS);
  const rows = await query<{ id: string }>(
    database,
    `WITH notices AS (UPDATE meeting_notices SET dispatch_at = $1 WHERE status = 'scheduled')
     UPDATE outbox_jobs SET status = 'pending', run_at = $1, completed_at = NULL WHERE kind = $2 AND idempotency_key LIKE 'notice-dispatch:%' RETURNING id`,
    [due, OUTBOX_KINDS.noticeDispatch],
  );
  const queue = new Queue(QUEUES.noticeDispatch, { connection: bullConnection(loadConfig(env)), prefix: `${env.REDIS_PREFIX}:bull` });
  try {
    await queue.addBulk(
      rows.map(({ id }) => ({
        name: OUTBOX_KINDS.noticeDispatch,
        data: { outboxId: id },
        opts: { ...QUEUE_JOB_OPTIONS[QUEUES.noticeDispatch], jobId: outboxJobId(id), delay: Math.max(0, due.getTime() - Date.now()) },
      })),
    );
  } finally {
    await queue.close();
  }
  return due;
}

/**
 * The floor: what the sink takes from a bare pooled nodemailer loop, as many connections as four workers open, messages
 * of the notices' size. Far above the workers' rate, it shows that the sink is not what is measured.
 */
async function sinkFloor(messageBytes: number): Promise<number> {
  const smtp = await sink();
  const connections = 4 * Math.min(MAIL_CONCURRENCY, 10);
  const transport = createMailTransport(smtp.url, { maxConnections: connections });
  const attachment = Buffer.alloc(messageBytes, 'x');
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < FLOOR_MESSAGES) {
        next += 1;
        await transport.sendMail({
          from: 'namndrum@localhost',
          to: `golv${next}@bench.example`,
          subject: 'Kallelse',
          text: 'Kallelse till sammanträde',
          messageId: `<golv-${next}@localhost>`,
          attachments: [{ filename: 'kallelse.docx', content: attachment }],
        });
      }
    }),
  );
  const rate = FLOOR_MESSAGES / ((Date.now() - started) / 1000);
  transport.close();
  await smtp.close();
  return Math.round(rate);
}

async function main(): Promise<void> {
  // The API renders the notice's DOCX into the file store and the workers attach it from there.
  process.env.FILES_DIR ||= mkdtempSync(join(tmpdir(), 'namndrum-bench-files-'));
  const started = Date.now();
  const template = await buildTemplate();
  process.stdout.write(`Template: ${NOTICES} notices of ${RECIPIENTS_PER_NOTICE} recipients in ${MUNICIPALITIES} municipalities, built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const [{ size: attachmentBytes }] = await query<{ size: number }>(template, `SELECT max(file_size_bytes)::int AS size FROM meeting_notices`);
  const results: RunResult[] = [];
  try {
    for (const workers of WORKER_COUNTS) {
      const result = await run(template, workers);
      results.push(result);
      process.stdout.write(
        `${workers} worker(s): ${result.emails} e-mails, last accepted ${result.seconds} s after 08:00 (${result.emailsPerSecond}/s), ` +
          `${result.duplicates} duplicates, ${result.missing} missing, ${result.sentInDatabase} marked sent; RSS idle ${result.idleRssMb.join('/')} MB, peak ${result.peakRssMb.join('/')} MB\n`,
      );
    }
  } finally {
    if (!process.env.BENCH_KEEP_DATABASE) await query('postgres', `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  }
  const floor = await sinkFloor(attachmentBytes);
  process.stdout.write(`Floor: the sink takes ${floor} messages/s from a bare nodemailer loop (${FLOOR_MESSAGES} messages)\n`);
  const one = results.find((result) => result.workers === 1);
  const four = results.find((result) => result.workers === 4);
  const scaling = one && four ? Number((four.emailsPerSecond / one.emailsPerSecond).toFixed(2)) : null;
  if (scaling !== null) process.stdout.write(`Scaling 4 workers vs 1: ${scaling}\n`);
  process.stdout.write(
    `${JSON.stringify({
      bench: 'peak-day',
      notices: NOTICES,
      recipientsPerNotice: RECIPIENTS_PER_NOTICE,
      municipalities: MUNICIPALITIES,
      runs: results.map(({ workers, seconds, emailsPerSecond, duplicates, missing, idleRssMb, peakRssMb }) => ({ workers, seconds, emailsPerSecond, duplicates, missing, idleRssMb, peakRssMb })),
      mailConcurrency: MAIL_CONCURRENCY,
      sinkFloorPerSecond: floor,
      scaling4v1: scaling,
      maxWorkerPeakRssMb: Math.max(...results.flatMap((result) => result.peakRssMb)),
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
