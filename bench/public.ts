import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Controller, Get, Module, UseInterceptors, VERSION_NEUTRAL } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { Public } from '@namndrum/core';
import { PublicResource, PublicResourceInterceptor } from '@namndrum/publication';
import { AppModule } from '../apps/api/src/app.module';
import { SeedModule } from '../seeds/src/seed.module';
import { SeedService } from '../seeds/src/seed.service';
import { readSeed } from '../seeds/src/run-seed';
import { serveApi } from './serve-api';
import { createMigratedDatabase, databaseUrl, listeningPort } from './harness';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 64);
const DURATION_S = Number(process.env.BENCH_DURATION_S || 10);
const GENERATED_MEETINGS = Number(process.env.BENCH_MEETINGS || 10_000);
const TARGETS = { cachedRatio: 0.5, cachedP99Ms: 50 };
const BARE_BODY = `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Bench</title></head><body><main><h1>Bench</h1></main></body></html>`;

/** The floor: a public GET of the same app (guards, middleware, rate limit, interceptor) that does no work. */
@ApiExcludeController()
@Controller({ path: 'kommun/bench/bare/floor', version: VERSION_NEUTRAL })
@UseInterceptors(PublicResourceInterceptor)
class BareController {
  private readonly lastModified = new Date();

  @Get()
  @Public()
  bare(): PublicResource {
    return { contentType: 'text/html; charset=utf-8', body: BARE_BODY, lastModified: this.lastModified };
  }
}

@Module({ imports: [AppModule], controllers: [BareController] })
class BenchPublicModule {}

const serve = () => serveApi(BenchPublicModule);

interface Run {
  rate: number;
  p99Ms: number;
  statuses: Record<string, number>;
}

function cannon(url: string, headers: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers }, (error, result) => {
      if (error) return reject(error);
      const statuses: Record<string, number> = {};
      for (const [code, count] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = (count as { count: number }).count;
      resolve({ rate: Math.round(result.requests.average), p99Ms: result.latency.p99, statuses });
    });
  });
}

/**
 * The public pages under load, over the Ludvika seed plus GENERATED_MEETINGS meetings of SUN: the anslagstavla,
 * a meeting page, SUN's Atom feed and the OParl meeting list (skipped with a note while it answers 404), each
 * fetched plainly and revalidated with If-None-Match (the ETag of a first GET), beside a bare public endpoint of
 * the same app. autocannon at BENCH_CONNECTIONS for BENCH_DURATION_S each; the rate limit off. Prints one line
 * per target and mode, then one JSON line.
 */
async function main(): Promise<void> {
  const database = await createMigratedDatabase('public');
  Object.assign(process.env, { REDIS_PREFIX: `namndrum-bench-public-${Date.now().toString(36)}`, LOG_LEVEL: 'silent' });
  const seeding = await NestFactory.createApplicationContext(SeedModule, { logger: ['error'] });
  await seeding.get(SeedService).load(readSeed('ludvika.json'), 'namndrum');
  await seeding.close();

  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const [sun]: { id: string; municipality_id: string }[] = (await db.query(`SELECT id, municipality_id FROM organs WHERE short_name = 'SUN'`)).rows;
  const [meeting]: { id: string }[] = (await db.query(`SELECT id FROM meetings WHERE organ_id = $1 AND starts_at::date = '2023-01-11'`, [sun.id])).rows;
  // Set-based: a meeting a week for two centuries back, all held (public).
  await db.query(
    `INSERT INTO meetings (municipality_id, organ_id, starts_at, ends_at, place, status)
     SELECT $1, $2, timestamptz '2022-12-07 13:00+00' - make_interval(days => 7 * n), timestamptz '2022-12-07 16:00+00' - make_interval(days => 7 * n), 'Sessionssalen, Stadshuset', 'held'
     FROM generate_series(1, $3) AS n`,
    [sun.municipality_id, sun.id, GENERATED_MEETINGS],
  );
  await db.query('ANALYZE meetings');
  await db.end();

  const root = join(__dirname, '..', '..');
  const server = spawn(process.execPath, ['-r', join(root, 'scripts', 'register-paths.js'), __filename, '--serve'], {
    cwd: root,
    env: { ...process.env, PORT: '0', NODE_ENV: 'production', COOKIE_SECURE: 'false', JWT_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'warn', PUBLIC_RATE_LIMIT_PER_MINUTE: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const baseUrl = `http://127.0.0.1:${await listeningPort(server)}`;
    const targets: Record<string, string> = {
      bare: '/kommun/bench/bare/floor',
      noticeBoard: '/anslagstavla/2085',
      meetingPage: `/sammantraden/${meeting.id}`,
      organFeed: `/kommun/2085/organ/${sun.id}/flode.atom`,
      oparlMeetings: '/oparl/v1/body/2085/meeting',
    };
    const figures: Record<string, { plain: Run; cached: Run; plainRatio: number; cachedRatio: number } | { skipped: string }> = {};
    let bare: { plain: Run; cached: Run } | null = null;
    for (const [name, path] of Object.entries(targets)) {
      const first = await fetch(`${baseUrl}${path}`);
      await first.arrayBuffer();
      if (first.status !== 200) {
        figures[name] = { skipped: `${path} answered ${first.status}` };
        process.stdout.write(`${name}: skipped, ${path} answered ${first.status}\n`);
        continue;
      }
      const etag = first.headers.get('etag');
      const plain = await cannon(`${baseUrl}${path}`, {});
      const cached = await cannon(`${baseUrl}${path}`, etag ? { 'if-none-match': etag } : {});
      bare ??= { plain, cached };
      const ratio = (run: Run, floor: Run) => Math.round((run.rate / floor.rate) * 100) / 100;
      figures[name] = { plain, cached, plainRatio: ratio(plain, bare.plain), cachedRatio: ratio(cached, bare.cached) };
      process.stdout.write(`${name}: plain ${plain.rate}/s p99 ${plain.p99Ms} ms, If-None-Match ${cached.rate}/s p99 ${cached.p99Ms} ms (${JSON.stringify(cached.statuses)})\n`);
    }
    const measured = Object.entries(figures).filter(([name, figure]) => name !== 'bare' && 'cached' in figure) as [string, { cached: Run; cachedRatio: number }][];
    const withinTargets = measured.every(([, figure]) => figure.cachedRatio >= TARGETS.cachedRatio && figure.cached.p99Ms < TARGETS.cachedP99Ms);
    process.stdout.write(`${JSON.stringify({ bench: 'public', connections: CONNECTIONS, durationS: DURATION_S, generatedMeetings: GENERATED_MEETINGS, figures, targets: TARGETS, withinTargets })}\n`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    const cleanup = new Client({ connectionString: databaseUrl('postgres') });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await cleanup.end();
  }
}

const run = process.argv.includes('--serve') ? serve : main;
run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
