import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, RequestContext } from '@namndrum/core';
import { UserService } from '@namndrum/identity';
import { RegistryService } from '@namndrum/matters';
import { MunicipalityService, OrganService } from '@namndrum/organisation';
import { AppModule } from '../apps/api/src/app.module';
import { configureApp } from '../apps/api/src/configure-app';
import { docxZipBomb } from '../test/support/zip-archives';
import { percentile } from './harness';

const ROUNDS = Number(process.env.BENCH_ROUNDS || 10);
const CONCURRENT_UPLOADS = 10;
const FLOOR_REQUESTS = Number(process.env.BENCH_FLOOR_REQUESTS || 300);
const TARGET_MS = 100;
const BOMB_BYTES = 400 * 1024 * 1024;
const PASSWORD = 'bench-password-123';
const BASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/namndrum';

interface Answer {
  status: number;
  body: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function call(port: number, method: string, path: string, headers: Record<string, string | number>, body?: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent, headers: body ? { ...headers, 'content-length': body.length } : headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function json(port: number, path: string, payload: object, token?: string): Promise<Answer> {
  return call(port, 'POST', path, { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, Buffer.from(JSON.stringify(payload)));
}

/** A document upload as a browser sends it: the particulars as fields, the file last. */
function upload(port: number, token: string, matterId: string, file: Buffer): Promise<Answer> {
  const boundary = `bench${randomBytes(8).toString('hex')}`;
  const fields = { direction: 'incoming', documentDate: '2026-01-15', counterparty: 'Okänd avsändare', description: 'Bilaga' };
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const body = Buffer.concat([
    Buffer.from(`${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bilaga.docx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return call(port, 'POST', `/api/v1/matters/${matterId}/documents`, { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, body);
}

async function healthMs(port: number): Promise<number> {
  const start = process.hrtime.bigint();
  const answer = await call(port, 'GET', '/api/health', {});
  if (answer.status !== 200) throw new Error(`Health answered ${answer.status}: ${answer.body}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function databaseUrl(name: string): string {
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new Client({ connectionString: databaseUrl('postgres') });
  await admin.connect();
  await admin.query(sql);
  await admin.end();
}

/** Health answers while ROUNDS × CONCURRENT_UPLOADS uploads of the file run, ten at a time; sorted. */
async function healthUnderUploads(port: number, token: string, matterId: string, file: Buffer): Promise<{ healthMs: number[]; statuses: number[]; rssGrowthBytes: number }> {
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 5);
  const answers: number[] = [];
  const statuses: number[] = [];
  let uploading = true;
  const polling = (async () => {
    while (uploading) answers.push(await healthMs(port));
  })();
  for (let round = 0; round < ROUNDS; round++) {
    const uploads = await Promise.all(Array.from({ length: CONCURRENT_UPLOADS }, () => upload(port, token, matterId, file)));
    statuses.push(...uploads.map((answer) => answer.status));
  }
  uploading = false;
  await polling;
  clearInterval(sampler);
  return { healthMs: answers.sort((a, b) => a - b), statuses, rssGrowthBytes: rssPeak - rssBefore };
}

/**
 * Health latency while zip bombs are uploaded, against its floor in the same run. The API runs in
 * this process, so every stall of its event loop shows in the health answers and its growth in RSS.
 */
async function main(): Promise<void> {
  const database = `namndrum_bench_upload_bombs_${Date.now().toString(36)}`;
  const filesDir = mkdtempSync(join(tmpdir(), 'namndrum-bench-files-'));
  await adminQuery(`CREATE DATABASE "${database}"`);
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl(database),
    REDIS_PREFIX: 'namndrum-bench-upload-bombs',
    FILES_DIR: filesDir,
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
  });
  const migrations = new DataSource(dataSourceOptions(process.env.DATABASE_URL!));
  await migrations.initialize();
  await migrations.runMigrations({ transaction: 'each' });
  await migrations.destroy();

  const app = await NestFactory.create(AppModule, { logger: ['error'] });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  try {
    const registryId = await app.get(DataSource).transaction(async (em) => {
      const municipality = await app.get(MunicipalityService).create(RequestContext.system(em, null), { name: 'Benchkommun', code: '9999' });
      const ctx = RequestContext.system(em, municipality.id, 'bench');
      const organ = await app.get(OrganService).create(ctx, { name: 'Benchnämnden', shortName: 'BEN', kind: 'committee' });
      await app.get(UserService).create(ctx, { email: 'sekreterare@bench.example', password: PASSWORD, personId: null, grants: [{ role: 'secretary', organId: organ.id, departmentId: null }] });
      return (await app.get(RegistryService).create(ctx, { code: 'BEN', name: 'Benchnämndens diarium', organId: organ.id })).id;
    });
    const token = (JSON.parse((await json(port, '/api/v1/auth/login', { email: 'sekreterare@bench.example', password: PASSWORD })).body) as { accessToken: string }).accessToken;
    const matterId = (JSON.parse((await json(port, '/api/v1/matters', { registryId, title: 'Ansökan om bidrag' }, token)).body) as { id: string }).id;
    const bomb = await docxZipBomb(BOMB_BYTES);

    for (let warmup = 0; warmup < 20; warmup++) await healthMs(port);
    const floor: number[] = [];
    for (let run = 0; run < FLOOR_REQUESTS; run++) floor.push(await healthMs(port));

    // The same number of uploads of as many bytes that are no archive (refused by their type): what any upload costs here.
    const sameSize = await healthUnderUploads(port, token, matterId, randomBytes(bomb.length));
    const bombs = await healthUnderUploads(port, token, matterId, bomb);
    const underBombs = bombs.healthMs;
    const underSameSize = sameSize.healthMs;

    floor.sort((a, b) => a - b);
    const result = {
      bench: 'upload-bombs',
      healthP50Ms: percentile(underBombs, 50),
      healthP99Ms: percentile(underBombs, 99),
      healthMaxMs: percentile(underBombs, 100),
      floorP50Ms: percentile(floor, 50),
      floorP99Ms: percentile(floor, 99),
      ratio: Math.round((percentile(underBombs, 99) / percentile(floor, 99)) * 100) / 100,
      sameSizeP99Ms: percentile(underSameSize, 99),
      rssGrowthMb: Math.round(bombs.rssGrowthBytes / (1024 * 1024)),
      refused: bombs.statuses.filter((status) => status === 413).length,
      uploads: bombs.statuses.length,
      healthSamples: underBombs.length,
      targetMs: TARGET_MS,
      bombKb: Math.round(bomb.length / 1024),
    };
    process.stdout.write(`${ROUNDS} rounds of ${CONCURRENT_UPLOADS} concurrent uploads of a ${result.bombKb} kB DOCX that unpacks to ${BOMB_BYTES / (1024 * 1024)} MB\n`);
    process.stdout.write(`health under the bombs: p50 ${result.healthP50Ms} ms, p99 ${result.healthP99Ms} ms, max ${result.healthMaxMs} ms over ${underBombs.length} requests (target < ${TARGET_MS} ms)\n`);
    process.stdout.write(`health alone (floor): p50 ${result.floorP50Ms} ms, p99 ${result.floorP99Ms} ms; under as many uploads of the same size that are no archive: p99 ${result.sameSizeP99Ms} ms\n`);
    process.stdout.write(`RSS grew ${result.rssGrowthMb} MB under the bombs; refused ${result.refused} of ${result.uploads}\n`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await app.close();
    agent.destroy();
    rmSync(filesDir, { recursive: true, force: true });
    await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
