import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { stopChild } from './child-processes';

const ROOT = join(__dirname, '..', '..');

/**
 * The real API (apps/api) as a child process, compiled on the fly from the sources, on a port the
 * system chooses (it prints which). Several can run at once over the same PostgreSQL and Redis, as
 * replicas behind a load balancer do. It inherits the tests' environment; a test gives what is its own.
 */
export class ApiProcess {
  private child: ChildProcess | null = null;
  output = '';
  url = '';

  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<this> {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps/api/src/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: process.env.TEST_API_LOG_LEVEL ?? 'warn', ...this.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const collect = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-50_000);
      if (process.env.TEST_API_LOG) process.stderr.write(chunk);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    // A bound for a start that hangs: several processes starting at once on two busy cores have taken a minute.
    const deadline = Date.now() + 90_000;
    for (;;) {
      const listening = /Nämndrum kör på (http:\/\/localhost:\d+)/.exec(this.output);
      if (listening) {
        this.url = listening[1].replace('localhost', '127.0.0.1');
        return this;
      }
      if (child.exitCode !== null) throw new Error(`The API exited at start-up:\n${this.output}`);
      if (Date.now() > deadline) {
        await this.stop('SIGKILL');
        throw new Error(`The API did not listen within 90 s:\n${this.output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  http(): ReturnType<typeof request> {
    return request(this.url);
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null;
  }

  /** Signals the API and resolves with its exit code once it has exited (null when a signal ended it). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const child = this.child;
    this.child = null;
    return stopChild(child, signal);
  }
}
