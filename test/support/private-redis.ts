import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import Redis from 'ioredis';
import { stopChild } from './child-processes';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A Redis server of the test's own (nothing on disk, like the machine's), so that the test can
 * FLUSHALL it, or kill it and start it again on the same port, without touching what other test
 * files keep in the shared one.
 */
export class PrivateRedis {
  private child: ChildProcess | null = null;
  private port = 0;
  url = '';

  static available(): boolean {
    return spawnSync('redis-server', ['--version']).status === 0;
  }

  /** Starts the server; again after a kill, on the same port and empty, as a Redis that keeps nothing on disk comes back. */
  async start(): Promise<this> {
    this.port ||= await freePort();
    const port = this.port;
    this.child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    this.url = `redis://127.0.0.1:${port}`;
    const deadline = Date.now() + 10_000;
    for (;;) {
      const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.ping();
        client.disconnect();
        return this;
      } catch {
        client.disconnect();
        if (Date.now() > deadline) throw new Error('The private redis-server did not start');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  async flushAll(): Promise<void> {
    const client = new Redis(this.url);
    await client.flushall();
    client.disconnect();
  }

  /** Dies at once, with everything it held. */
  kill(): Promise<void> {
    return this.stop('SIGKILL');
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    this.child = null;
    await stopChild(child, signal);
  }
}
