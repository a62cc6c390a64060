import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { stopChild } from './child-processes';

const ROOT = join(__dirname, '..', '..');

/**
 * The real worker (apps/worker) as a child process, compiled on the fly from the sources, so that a
 * test can kill it (SIGKILL) in the middle of its work and start it again. It inherits the tests'
 * environment (NODE_ENV, REDIS_PREFIX, FILES_DIR); a test gives what is its own (database, Redis,
 * SMTP server). It logs at info, where it says it has started, and takes over a dead worker's jobs
 * after 3 s instead of a minute.
 */
export class WorkerProcess {
  private child: ChildProcess | null = null;
  output = '';

  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<this> {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps/worker/src/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: process.env.TEST_WORKER_LOG_LEVEL ?? 'info', WORKER_LOCK_MS: '3000', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout!.on('data', (chunk: Buffer) => {
      this.output += chunk.toString();
      if (process.env.TEST_WORKER_LOG) process.stderr.write(chunk);
    });
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    // A bound for a start that hangs: several processes starting at once on two busy cores have taken a minute.
    const deadline = Date.now() + 90_000;
    while (!this.output.includes('Worker started')) {
      if (child.exitCode !== null) throw new Error(`The worker exited at start-up:\n${this.output}`);
      if (Date.now() > deadline) {
        await this.kill();
        throw new Error(`The worker did not start within 90 s:\n${this.output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null;
  }

  /** Dies at once, in the middle of whatever it does. */
  async kill(): Promise<void> {
    await this.stop('SIGKILL');
  }

  /** Signals the worker and resolves with its exit code once it has exited (null when a signal ended it). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const child = this.child;
    this.child = null;
    return stopChild(child, signal);
  }
}
