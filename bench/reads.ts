import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Module, VERSION_NEUTRAL } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { Public, RequestContext } from '@namndrum/core';
import { RegistryService } from '@namndrum/matters';
import { AppModule } from '../apps/api/src/app.module';
import { SeedModule } from '../seeds/src/seed.module';
import { SeedService } from '../seeds/src/seed.service';
import { readSeed } from '../seeds/src/run-seed';
import { generateMatters, QUERIES } from './generated-matters';
import { serveApi } from './serve-api';
import { createMigratedDatabase, databaseUrl, listeningPort, profilingFlags } from './harness';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 64);
const DURATION_S = Number(process.env.BENCH_DURATION_S || 10);
const MATTERS = Number(process.env.BENCH_MATTERS || 100_000);
const PROCESS_COUNTS = (process.env.BENCH_API_PROCESSES || '1,2').split(',').map(Number);
const PASSWORD = 'bench-password-123';
const SECRETARY = 'rita.osterholm@ludvika.example';
const TARGETS = { ratio: 0.5, p99Ms: 50, searchP99Ms: 200, rssAfterMb: 250 };

/** The floor: a GET under /api through the same middleware, guard and interceptors, that does no work. */
@ApiExcludeController()
@Controller({ path: 'bench/floor', version: VERSION_NEUTRAL })
class FloorController {
  @Get()
  @Public()
  floor(): { status: string } {
    return { status: 'ok' };
  }
}

@Module({ imports: [AppModule], controllers: [FloorController] })
class BenchReadsModule {}

const serve = () => serveApi(BenchReadsModule);

interface Run {
  rate: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

/** autocannon over every API process at once: its connections are spread round-robin over the URLs. */
function cannon(urls: string[], paths: string[], token: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        // autocannon spreads its connections over several URLs (its README); its type declarations name only one.
        url: urls as unknown as string,
        connections: CONNECTIONS,
        duration: DURATION_S,
        headers: { authorization: `Bearer ${token}` },
        requests: paths.map((path) => ({ method: 'GET', path })),
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({ rate: Math.round(result.requests.average), p99Ms: result.latency.p99, non2xx: result.non2xx, errors: result.errors });
      },
    );
  });
}

/** Resident memory of a process in MB: now (VmRSS) and its peak (VmHWM), as the kernel counts them. */
function residentMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

async function startApis(count: number): Promise<{ servers: ChildProcess[]; urls: string[] }> {
  const root = join(__dirname, '..', '..');
  const jwtSecret = randomBytes(32).toString('hex');
  const servers: ChildProcess[] = [];
  const urls: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const server = spawn(process.execPath, [...profilingFlags(), '-r', join(root, 'scripts', 'register-paths.js'), __filename, '--serve'], {
      cwd: root,
      env: { ...process.env, PORT: '0', NODE_ENV: 'production', JWT_SECRET: jwtSecret, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    servers.push(server);
    urls.push(`http://127.0.0.1:${await listeningPort(server)}`);
  }
  return { servers, urls };
}

async function stopApis(servers: ChildProcess[]): Promise<void> {
  for (const server of servers) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: SECRETARY, password: PASSWORD }) });
  if (response.status !== 200) throw new Error(`Sign-in answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/**
 * Reads under load as a secretary of SUN in the Ludvika seed: a meeting (GET meetings/{id}), its agenda
 * and a Swedish full-text search over the seed plus BENCH_MATTERS generated matters, beside a floor of the
 * same app, with each count of API processes in BENCH_API_PROCESSES (separate node processes on their own
 * ports, autocannon's connections spread round-robin over them). Prints rate, p99 and ratio to the floor
 * per target, the API's resident memory idle and after the runs, then one JSON line.
 */
async function main(): Promise<void> {
  const database = await createMigratedDatabase('reads');
  Object.assign(process.env, { REDIS_PREFIX: `namndrum-bench-reads-${Date.now().toString(36)}`, LOG_LEVEL: 'silent' });
  const seeding = await NestFactory.createApplicationContext(SeedModule, { logger: ['error'] });
  await seeding.get(SeedService).load(readSeed('ludvika.json'), PASSWORD);
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  const [sun] = (await pool.query<{ id: string; municipality_id: string }>(`SELECT id, municipality_id FROM organs WHERE short_name = 'SUN'`)).rows;
  const registry = await seeding.get(DataSource).transaction((em) =>
    seeding.get(RegistryService).create(RequestContext.system(em, sun.municipality_id, 'bench'), { code: 'BEN', name: 'Benchdiariet', organId: sun.id }),
  );
  await seeding.close();
  const generatedIn = await generateMatters(pool, { municipalityId: sun.municipality_id, registryId: registry.id, registryCode: 'BEN' }, MATTERS);
  process.stdout.write(`Generated ${MATTERS} matters in ${generatedIn.toFixed(1)} s\n`);
  const [meeting] = (
    await pool.query<{ id: string; items: number }>(
      `SELECT m.id, count(*)::int AS items FROM meetings m JOIN agenda_items a ON a.meeting_id = m.id WHERE m.organ_id = $1 GROUP BY m.id ORDER BY count(*) DESC, m.id LIMIT 1`,
      [sun.id],
    )
  ).rows;
  await pool.end();

  const paths = {
    floor: ['/api/bench/floor'],
    meeting: [`/api/v1/meetings/${meeting.id}`],
    agenda: [`/api/v1/meetings/${meeting.id}/agenda-items`],
    search: QUERIES.map((query) => `/api/v1/matters?q=${encodeURIComponent(query)}&pageSize=20`),
  };
  const results: Record<string, unknown>[] = [];
  try {
    for (const processes of PROCESS_COUNTS) {
      const { servers, urls } = await startApis(processes);
      try {
        const token = await signIn(urls[0]);
        const idle = servers.map((server) => residentMb(server.pid!));
        const runs: Record<string, Run & { ratio: number }> = {};
        for (const [name, targetPaths] of Object.entries(paths)) {
          const run = await cannon(urls, targetPaths, token);
          runs[name] = { ...run, ratio: runs.floor ? Math.round((run.rate / runs.floor.rate) * 100) / 100 : 1 };
          process.stdout.write(`${processes} API: ${name} ${run.rate}/s p99 ${run.p99Ms} ms, ${runs[name].ratio} of the floor${run.non2xx + run.errors > 0 ? `, ${run.non2xx} non-2xx and ${run.errors} errors` : ''}\n`);
        }
        const after = servers.map((server) => residentMb(server.pid!));
        process.stdout.write(`${processes} API: resident ${idle.map((mb) => mb.rss).join(' + ')} MB idle, ${after.map((mb) => mb.rss).join(' + ')} MB after (peak ${after.map((mb) => mb.peak).join(' + ')} MB)\n`);
        const failed = Object.values(runs).some((run) => run.non2xx + run.errors > 0);
        const withinTargets =
          !failed &&
          [runs.meeting, runs.agenda].every((run) => run.ratio >= TARGETS.ratio && run.p99Ms < TARGETS.p99Ms) &&
          runs.search.p99Ms < TARGETS.searchP99Ms &&
          after.every((mb) => mb.rss < TARGETS.rssAfterMb);
        results.push({ processes, runs, rssIdleMb: idle.map((mb) => mb.rss), rssAfterMb: after.map((mb) => mb.rss), rssPeakMb: after.map((mb) => mb.peak), failed, withinTargets });
      } finally {
        await stopApis(servers);
      }
    }
    process.stdout.write(
      `${JSON.stringify({ bench: 'reads', connections: CONNECTIONS, durationS: DURATION_S, matters: MATTERS, agendaItems: meeting.items, balancing: 'autocannon round-robin over the processes', results, targets: TARGETS })}\n`,
    );
  } finally {
    const cleanup = new Pool({ connectionString: databaseUrl('postgres'), max: 1 });
    await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await cleanup.end();
  }
}

const run = process.argv.includes('--serve') ? serve : main;
run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
