import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { NestFactory } from '@nestjs/core';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, RequestContext } from '@namndrum/core';
import { UserService } from '@namndrum/identity';
import { RegistryService } from '@namndrum/matters';
import { MunicipalityService, OrganService } from '@namndrum/organisation';
import { SeedModule } from '../seeds/src/seed.module';

const BASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/namndrum';
const PASSWORD = 'bench-password-123';

export interface Bench {
  databaseUrl: string;
  pool: Pool;
  api: Api;
  registryId: string;
  registryCode: string;
  municipalityId: string;
  apiProcesses: number;
  close(): Promise<void>;
}

export interface Api {
  get(path: string): Promise<{ status: number; body: string }>;
  /** A string body is sent as it is: JSON serialized beforehand, outside what is timed. */
  post(path: string, body: object | string): Promise<{ status: number; body: string }>;
  /** A file as a multipart upload in the field `file`, as a browser sends it. */
  upload(path: string, file: { name: string; mediaType: string; content: Buffer }): Promise<{ status: number; body: string }>;
}

export function databaseUrl(name: string): string {
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh database with the real migrations, named for the benchmark; DATABASE_URL points at it. Returns its name. */
export async function createMigratedDatabase(name: string): Promise<string> {
  const database = `namndrum_bench_${name}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: databaseUrl('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  process.env.DATABASE_URL = databaseUrl(database);
  const migrations = new DataSource(dataSourceOptions(process.env.DATABASE_URL));
  await migrations.initialize();
  await migrations.runMigrations({ transaction: 'each' });
  await migrations.destroy();
  return database;
}

/**
 * A benchmark's own world: a fresh database with the real migrations, one municipality with a
 * registry and a signed-in secretary (or administrator, for what only one may do), and the API in a
 * child process as in production.
 */
/** Node's flags for a process the bench starts: with BENCH_PROFILE set, each writes its CPU profile into that folder. */
export function profilingFlags(): string[] {
  return process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
}

export async function startBench(name: string, options: { role?: 'secretary' | 'admin' } = {}): Promise<Bench> {
  const database = await createMigratedDatabase(name);
  const url = databaseUrl(database);
  process.env.REDIS_PREFIX = `namndrum-bench-${name}`;
  process.env.LOG_LEVEL = 'silent';

  const context = await NestFactory.createApplicationContext(SeedModule, { logger: ['error'] });
  const dataSource = context.get(DataSource);
  const world = await dataSource.transaction(async (em) => {
    const municipality = await context.get(MunicipalityService).create(RequestContext.system(em, null), { name: 'Benchkommun', code: '9999' });
    const ctx = RequestContext.system(em, municipality.id, 'bench');
    const organ = await context.get(OrganService).create(ctx, { name: 'Benchnämnden', shortName: 'BEN', kind: 'committee' });
    const registry = await context.get(RegistryService).create(ctx, { code: 'BEN', name: 'Benchnämndens diarium', organId: organ.id });
    await context.get(UserService).create(ctx, { email: 'sekreterare@bench.example', password: PASSWORD, personId: null, grants: [options.role === 'admin' ? { role: 'admin', organId: null, departmentId: null } : { role: 'secretary', organId: organ.id, departmentId: null }] });
    return { municipalityId: municipality.id, registryId: registry.id };
  });
  await context.close();
  const jwtSecret = randomBytes(32).toString('hex');

  // The API is stateless and deployed as replicas; BENCH_API_PROCESSES runs more than one, clients spread over them.
  const processes = Math.max(1, Number(process.env.BENCH_API_PROCESSES || 1));
  const servers: ChildProcess[] = [];
  const apis: Api[] = [];
  for (let index = 0; index < processes; index += 1) {
    // PORT=0: the system gives a free port, and the API says which when it listens.
    const server = spawn(
      process.execPath,
      [...profilingFlags(), '-r', join(__dirname, '..', '..', 'scripts', 'register-paths.js'), join(__dirname, '..', 'apps', 'api', 'src', 'main.js')],
      { env: { ...process.env, PORT: '0', NODE_ENV: 'production', JWT_SECRET: jwtSecret, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    servers.push(server);
    const port = await listeningPort(server);
    const api = await connect(port, server);
    const login = await api.post('/api/v1/auth/login', { email: 'sekreterare@bench.example', password: PASSWORD });
    apis.push(withToken(port, (JSON.parse(login.body) as { accessToken: string }).accessToken));
  }
  let next = 0;
  const signedIn: Api = {
    get: (path) => apis[(next += 1) % apis.length].get(path),
    post: (path, body) => apis[(next += 1) % apis.length].post(path, body),
    upload: (path, file) => apis[(next += 1) % apis.length].upload(path, file),
  };
  const pool = new Pool({ connectionString: url, max: 64 });
  // Dropping the database at the end ends whatever connection is still idle; that is expected.
  pool.on('error', () => undefined);

  return {
    databaseUrl: url,
    pool,
    api: signedIn,
    ...world,
    registryCode: 'BEN',
    apiProcesses: processes,
    close: async () => {
      for (const server of servers) {
        server.kill('SIGTERM');
        await new Promise((resolve) => server.once('exit', resolve));
      }
      await pool.end();
      if (process.env.BENCH_KEEP_DATABASE) {
        process.stdout.write(`Kept the database ${database}\n`);
        return;
      }
      const cleanup = new Client({ connectionString: databaseUrl('postgres') });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

const agent = new Agent({ keepAlive: true, maxSockets: 128 });

interface Payload {
  contentType: string;
  content: string | Buffer;
}

function multipart(file: { name: string; mediaType: string; content: Buffer }): Payload {
  const boundary = `namndrum-bench-${Date.now().toString(36)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.mediaType}\r\n\r\n`;
  return { contentType: `multipart/form-data; boundary=${boundary}`, content: Buffer.concat([Buffer.from(head), file.content, Buffer.from(`\r\n--${boundary}--\r\n`)]) };
}

function call(port: number, method: string, path: string, token: string | null, body?: object | string | Payload): Promise<{ status: number; body: string }> {
  const payload: Payload | undefined =
    body === undefined ? undefined : typeof body === 'string' ? { contentType: 'application/json', content: body } : 'contentType' in body && 'content' in body ? (body as Payload) : { contentType: 'application/json', content: JSON.stringify(body) };
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          ...(payload ? { 'content-type': payload.contentType, 'content-length': Buffer.byteLength(payload.content) } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload.content);
    req.end();
  });
}

function withToken(port: number, token: string | null): Api {
  return {
    get: (path) => call(port, 'GET', path, token),
    post: (path, body) => call(port, 'POST', path, token, body),
    upload: (path, file) => call(port, 'POST', path, token, multipart(file)),
  };
}

/** The port in the line the API prints when it listens; the rest of its output (warnings) is not the benchmark's. */
export function listeningPort(server: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const listening = /kör på http:\/\/localhost:(\d+)/.exec(output);
      if (!listening) return;
      server.stdout!.off('data', read).resume();
      resolve(Number(listening[1]));
    };
    server.stdout!.on('data', read);
    server.once('exit', () => reject(new Error(`The API process exited while starting:\n${output}`)));
  });
}

async function connect(port: number, server: ChildProcess): Promise<Api> {
  const api = withToken(port, null);
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (server.exitCode !== null) throw new Error('The API process exited while starting');
    try {
      if ((await api.get('/api/health')).status === 200) return api;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The API did not start');
}

export function percentile(sortedMs: number[], p: number): number {
  const index = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return Math.round(sortedMs[index] * 100) / 100;
}

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** A meeting of the organ the given number of days ahead, 14–17 in the Sessionssalen, with one information item. */
export async function planMeetingWithOneItem(api: Api, organId: string, daysAhead: number): Promise<{ id: string; startsAt: DateTime; endsAt: DateTime }> {
  const day = DateTime.now().setZone('Europe/Stockholm').plus({ days: daysAhead }).startOf('day');
  const [startsAt, endsAt] = [day.set({ hour: 14 }), day.set({ hour: 17 })];
  const planned = await api.post('/api/v1/meetings', { organId, startsAt: startsAt.toISO(), endsAt: endsAt.toISO(), place: 'Sessionssalen, Stadshuset' });
  if (planned.status !== 201) throw new Error(`Planning the meeting failed: ${planned.status} ${planned.body}`);
  const { id } = JSON.parse(planned.body) as { id: string };
  await api.post(`/api/v1/meetings/${id}/agenda-items`, { kind: 'information', title: 'Information om budgetuppföljningen' });
  return { id, startsAt, endsAt };
}
