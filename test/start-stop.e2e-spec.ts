import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { redisClient } from './setup/services';
import { PrivateDatabase } from './support/private-database';

const ROOT = join(__dirname, '..');
const LISTENING = /^Nämndrum kör på http:\/\/localhost:(\d+) \(API-dokumentation: \/api\/docs\)$/m;
// Compiling both processes from the sources on a busy machine takes a while; stopping must not.
const START_TIMEOUT_MS = 180_000;
const STOP_BOUND_MS = 15_000;

interface Started {
  parent: ChildProcess;
  output: () => string;
  port: number;
  children: number[];
}

const START_ALL = [join(ROOT, 'scripts/start-all.js'), '--from-sources'];
// Queues of its own: the worker started here must not take the jobs of other test files.
const REDIS_PREFIX = `${process.env.REDIS_PREFIX}-start-stop`;

/**
 * `npm start` from the sources: the API and the worker under scripts/start-all.js, started directly
 * (as a supervisor does) or through `sh -c` (as npm does).
 */
async function startAll(databaseUrl: string, options: { throughShell?: boolean } = {}): Promise<Started> {
  const [command, args] = options.throughShell
    ? ['sh', ['-c', [process.execPath, ...START_ALL].map((part) => `'${part}'`).join(' ')]]
    : [process.execPath, START_ALL];
  const parent = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, REDIS_PREFIX, PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  parent.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  parent.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(LISTENING.test(output) && output.includes('Worker started'))) {
    if (parent.exitCode !== null) throw new Error(`npm start exited at start-up:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start did not start within ${START_TIMEOUT_MS} ms:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { parent, output: () => output, port: Number(LISTENING.exec(output)![1]), children: childrenOf(parent.pid!) };
}

/** Processes whose parent is pid, as `ps` sees them (Linux and macOS). */
function childrenOf(pid: number): number[] {
  return processTable()
    .filter((row) => row.ppid === pid)
    .map((row) => row.pid);
}

/** Running: in the process table and not a zombie waiting for a parent to reap it. */
function running(pids: number[]): number[] {
  const table = processTable();
  return pids.filter((pid) => table.some((row) => row.pid === pid && !row.state.startsWith('Z')));
}

function processTable(): Array<{ pid: number; ppid: number; state: string }> {
  return execFileSync('ps', ['-A', '-o', 'pid=,ppid=,stat='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map(([pid, ppid, state]) => ({ pid: Number(pid), ppid: Number(ppid), state }));
}

async function waitUntilGone(pids: number[], boundMs: number): Promise<number[]> {
  const deadline = Date.now() + boundMs;
  while (running(pids).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return running(pids);
}

describe('npm start', () => {
  let database: PrivateDatabase;
  let started: Started | null = null;

  beforeAll(async () => {
    // A database of its own: the worker started here must not take the outbox rows of other test files.
    database = await new PrivateDatabase().create('start_stop');
  });

  afterEach(() => {
    // Whatever a failed test left running.
    const left = started ? [started.parent.pid!, ...started.children.flatMap((pid) => [pid, ...childrenOf(pid)])] : [];
    for (const pid of running(left)) process.kill(pid, 'SIGKILL');
    started = null;
  });

  afterAll(async () => {
    await database.drop();
    const redis = await redisClient(process.env.REDIS_URL!);
    try {
      const keys = await redis.keys(`${REDIS_PREFIX}:*`);
      if (keys.length > 0) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  });

  it(
    'says in one line where it listens, keeps Nest’s start-up chatter out of the log, and stops the API and the worker on SIGTERM',
    async () => {
      started = await startAll(database.url);
      expect(started.children).toHaveLength(2);
      expect((await fetch(`http://127.0.0.1:${started.port}/api/health`)).status).toBe(200);
      expect(started.output().match(new RegExp(LISTENING.source, 'gm'))).toHaveLength(1);
      expect(started.output()).not.toMatch(/RouterExplorer|InstanceLoader|RoutesResolver/);

      const exited = new Promise<number | null>((resolve) => started!.parent.once('exit', (code) => resolve(code)));
      started.parent.kill('SIGTERM');
      expect(await waitUntilGone([started.parent.pid!, ...started.children], STOP_BOUND_MS)).toEqual([]);
      expect(await exited).toBe(0);
    },
    START_TIMEOUT_MS + 30_000,
  );

  it(
    'stops when the shell npm runs it in dies of the SIGTERM npm passes on',
    async () => {
      started = await startAll(database.url, { throughShell: true });
      const [startAllPid] = started.children;
      const system = [startAllPid, ...childrenOf(startAllPid)];
      expect(system).toHaveLength(3);

      started.parent.kill('SIGTERM');
      expect(await waitUntilGone(system, STOP_BOUND_MS)).toEqual([]);
    },
    START_TIMEOUT_MS + 30_000,
  );

  it(
    'leaves no API or worker running when the process that started them is killed outright',
    async () => {
      started = await startAll(database.url);
      expect(started.children).toHaveLength(2);

      started.parent.kill('SIGKILL');
      expect(await waitUntilGone(started.children, STOP_BOUND_MS)).toEqual([]);
    },
    START_TIMEOUT_MS + 30_000,
  );
});
