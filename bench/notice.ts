import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createMailTransport, deterministicMessageId, noticeCalendar, NoticeMailView, toNodemailerMessage, composeNoticeMail } from '@namndrum/mail';
import { SMTPServer } from 'smtp-server';
import { planMeetingWithOneItem, startBench } from './harness';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS || 2000);
const CONCURRENCY = Number(process.env.MAIL_CONCURRENCY || 16);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** An SMTP server on loopback that accepts everything and counts messages per recipient. */
async function sink(): Promise<{ url: string; perRecipient: Map<string, number>; total: () => number; close: () => Promise<void> }> {
  const perRecipient = new Map<string, number>();
  let total = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 50 * 1024 * 1024,
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        total += 1;
        for (const rcpt of session.envelope.rcptTo) perRecipient.set(rcpt.address, (perRecipient.get(rcpt.address) ?? 0) + 1);
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    perRecipient,
    total: () => total,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * One notice to 2,000 recipients through the full path — outbox row, BullMQ, the worker process,
 * nodemailer, an SMTP server on loopback — timed from the secretary's finalization until the server
 * has accepted every message; then, in the same run, a bare nodemailer loop sending the same 2,000
 * messages (same DOCX, same calendar part, same concurrency) to the same kind of server.
 */
async function main(): Promise<void> {
  // The API renders the DOCX and the worker attaches it: both read the same file store.
  process.env.FILES_DIR ||= mkdtempSync(join(tmpdir(), 'namndrum-bench-files-'));
  const bench = await startBench('notice');
  const full = await sink();
  let worker: ChildProcess | null = null;
  try {
    const organId = (await bench.pool.query<{ organ_id: string }>('SELECT organ_id FROM registries WHERE id = $1', [bench.registryId])).rows[0].organ_id;
    await bench.pool.query(
      `WITH people AS (
         INSERT INTO persons (municipality_id, kind, first_name, last_name, email)
         SELECT $1, 'official', 'Mottagare', 'Nummer ' || n, 'mottagare' || n || '@bench.example' FROM generate_series(1, $3::int) AS n RETURNING id
       )
       INSERT INTO attendance_rights (municipality_id, organ_id, person_id, can_speak, valid_from) SELECT $1, $2, id, false, '2020-01-01' FROM people`,
      [bench.municipalityId, organId, RECIPIENTS],
    );
    const meeting = await planMeetingWithOneItem(bench.api, organId, 3);

    worker = spawn(process.execPath, ['-r', join(__dirname, '..', '..', 'scripts', 'register-paths.js'), join(__dirname, '..', 'apps', 'worker', 'src', 'main.js')], {
      env: { ...process.env, SMTP_URL: full.url, MAIL_CONCURRENCY: String(CONCURRENCY), LOG_LEVEL: 'warn', NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    worker.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // LOG_LEVEL warn hides the start-up line; a reconciliation of an empty outbox is quick, so wait for the process to settle.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    if (worker.exitCode !== null) throw new Error(`The worker exited:\n${output}`);

    const started = Date.now();
    const finalized = await bench.api.post(`/api/v1/meetings/${meeting.id}/notices`, {});
    if (finalized.status !== 201) throw new Error(`Finalizing failed: ${finalized.status} ${finalized.body}`);
    const notice = JSON.parse(finalized.body) as { id: string; fileSha256: string; fileName: string };
    await waitFor(() => full.perRecipient.size >= RECIPIENTS, 600_000, `${RECIPIENTS} recipients`);
    const seconds = (Date.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const duplicates = [...full.perRecipient.values()].filter((count) => count > 1).length;
    const peak = peakRssMb(worker.pid!);

    // The floor: the same messages, composed once, sent by a bare pooled nodemailer loop.
    const raw = await sink();
    const docx = readFileSync(join(process.env.FILES_DIR!, notice.fileSha256.slice(0, 2), notice.fileSha256.slice(2, 4), notice.fileSha256));
    const view: NoticeMailView = {
      kind: 'notice',
      municipalityName: 'Benchkommun',
      organName: 'Benchnämnden',
      meetingId: meeting.id,
      startsAt: meeting.startsAt.toUTC().toISO()!,
      endsAt: meeting.endsAt.toUTC().toISO()!,
      place: 'Sessionssalen, Stadshuset',
      groupMeetingLines: [],
      meetingUrl: `http://localhost:3000/api/v1/meetings/${meeting.id}`,
      languages: ['sv'],
      secretary: null,
      calendarSequence: 0,
      mailDomain: 'localhost',
      organizer: { name: 'Benchnämnden', email: 'namndrum@localhost' },
      items: [{ number: 3, title: 'Information om budgetuppföljningen', caseNumber: null, documentsLater: false, closed: false }],
      changes: [],
      documentUrl: null,
      documentFileName: notice.fileName,
      cancellationReason: null,
    };
    // The recipients hold attendance rights: they read the notice "för kännedom", as the worker sends it to them.
    const calendar = noticeCalendar(view, 'for_information');
    const transport = createMailTransport(raw.url, { maxConnections: Math.min(CONCURRENCY, 10) });
    const rawStarted = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < RECIPIENTS) {
          next += 1;
          const address = `mottagare${next}@bench.example`;
          await transport.sendMail(
            toNodemailerMessage({
              from: 'Nämndrum <namndrum@localhost>',
              to: { name: `Mottagare Nummer ${next}`, address },
              ...composeNoticeMail(view, `Mottagare Nummer ${next}`, 'for_information'),
              messageId: deterministicMessageId(['bench', address], 'localhost'),
              attachments: [{ filename: notice.fileName, content: docx, contentType: DOCX }],
              calendar,
            }),
          );
        }
      }),
    );
    const rawSeconds = (Date.now() - rawStarted) / 1000;
    transport.close();
    await raw.close();

    const rate = RECIPIENTS / seconds;
    const floorRate = RECIPIENTS / rawSeconds;
    process.stdout.write(
      `Full path: ${RECIPIENTS} recipients accepted in ${seconds.toFixed(2)} s (${rate.toFixed(0)}/s), ${full.total()} messages, ${duplicates} duplicates, worker peak RSS ${peak} MB\n` +
        `Raw nodemailer loop: ${RECIPIENTS} messages in ${rawSeconds.toFixed(2)} s (${floorRate.toFixed(0)}/s), concurrency ${CONCURRENCY}\n`,
    );
    process.stdout.write(
      `${JSON.stringify({
        bench: 'notice',
        recipients: RECIPIENTS,
        seconds: Number(seconds.toFixed(2)),
        rate: Math.round(rate),
        floorRate: Math.round(floorRate),
        ratio: Number((rate / floorRate).toFixed(2)),
        messages: full.total(),
        duplicates,
        missing: RECIPIENTS - full.perRecipient.size,
        workerPeakRssMb: peak,
      })}\n`,
    );
  } finally {
    worker?.kill('SIGTERM');
    await full.close();
    await bench.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
