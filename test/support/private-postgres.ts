import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './private-redis';
import { stopChild } from './child-processes';
import { migrate } from './private-database';

const DATABASE = 'namndrum';

/** The newest PostgreSQL installed the Debian way (/usr/lib/postgresql/<version>/bin), or null. */
function binDirectory(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'postgres')));
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest ? join(root, newest, 'bin') : null;
}

/** initdb and postgres refuse to run as root; as root the cluster belongs to the postgres user. */
function owner(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * A PostgreSQL server of the test's own: a fresh cluster (initdb, trust authentication) in a
 * temporary folder, on a free port, with one database migrated by the committed migrations. The
 * test may stop it (fast shutdown, as a restart does), crash it (immediate shutdown), and start it again on the same port
 * and data, without touching the machine's server that the other tests share.
 */
export class PrivatePostgres {
  private child: ChildProcess | null = null;
  private directory = '';
  private port = 0;
  private readonly bin = binDirectory();
  private readonly user = owner();
  output = '';

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${DATABASE}`;
  }

  available(): boolean {
    return this.bin !== null;
  }

  async create(): Promise<this> {
    if (!this.bin) throw new Error('No PostgreSQL server binaries under /usr/lib/postgresql/<version>/bin');
    this.directory = mkdtempSync(join(tmpdir(), 'namndrum-pg-'));
    if (this.user) chownSync(this.directory, this.user.uid, this.user.gid);
    const initdb = spawnSync(join(this.bin, 'initdb'), ['-D', join(this.directory, 'data'), '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'], {
      encoding: 'utf8',
      ...(this.user ?? {}),
    });
    if (initdb.status !== 0) throw new Error(`initdb failed:\n${initdb.stdout}\n${initdb.stderr}`);
    this.port = await freePort();
    await this.start();
    const admin = new Client({ connectionString: this.url.replace(`/${DATABASE}`, '/postgres') });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${DATABASE}`);
    } finally {
      await admin.end();
    }
    await migrate(this.url);
    return this;
  }

  /** Starts the server on its port and data, and waits until it takes connections. */
  async start(): Promise<void> {
    const child = spawn(
      join(this.bin!, 'postgres'),
      // No socket file (only TCP on loopback), no fsync: a throwaway cluster; enough connections for several API and worker processes.
      ['-D', join(this.directory, 'data'), '-p', String(this.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'max_connections=200'],
      { stdio: ['ignore', 'pipe', 'pipe'], ...(this.user ?? {}) },
    );
    this.child = child;
    const collect = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000));
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`PostgreSQL exited at start-up:\n${this.output}`);
      const client = new Client({ connectionString: this.url.replace(`/${DATABASE}`, '/postgres'), connectionTimeoutMillis: 1000 });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.end();
        return;
      } catch {
        await client.end().catch(() => undefined);
        if (Date.now() > deadline) throw new Error(`PostgreSQL did not take connections within 30 s:\n${this.output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  /**
   * Stops the server: SIGINT is PostgreSQL's fast shutdown (what a restart or fail-over does: open
   * transactions are rolled back, connections cut with admin_shutdown); SIGQUIT is immediate shutdown, a crash that the next start recovers from.
   */
  async stop(signal: 'SIGINT' | 'SIGQUIT' = 'SIGINT'): Promise<void> {
    const child = this.child;
    this.child = null;
    await stopChild(child, signal);
  }

  async restart(signal: 'SIGINT' | 'SIGQUIT' = 'SIGINT'): Promise<void> {
    await this.stop(signal);
    await this.start();
  }

  /** A client of the test's own, for checking what the database holds. */
  async query<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.url });
    await client.connect();
    try {
      return (await client.query(sql, parameters)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async drop(): Promise<void> {
    await this.stop();
    if (this.directory) rmSync(this.directory, { recursive: true, force: true });
  }
}
