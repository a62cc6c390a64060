import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess } from './api-process';
import { FakeGotenberg } from './fake-gotenberg';
import { MailSink } from './mail-sink';
import { PrivatePostgres } from './private-postgres';
import { PrivateRedis } from './private-redis';
import { createTestApp, TestApp } from './test-app';
import { WorkerProcess } from './worker-process';

/**
 * Everything a deployment of several processes shares, of the test file's own: a PostgreSQL server
 * and a Redis server it may stop, kill and start again, an SMTP server and Gotenberg stand-in in the
 * test process, and a file store. API and worker processes are started against it as the test needs
 * them; the in-process app (`testApp`) is there for the factories that set up the data.
 */
export class Cluster {
  readonly postgres = new PrivatePostgres();
  readonly redis = new PrivateRedis();
  readonly sink: MailSink;
  readonly gotenberg = new FakeGotenberg();
  readonly apis: ApiProcess[] = [];
  readonly workers: WorkerProcess[] = [];
  testApp!: TestApp;
  private readonly filesDir = mkdtempSync(join(tmpdir(), 'namndrum-cluster-files-'));

  constructor(options: { smtpDelayMs?: number } = {}) {
    this.sink = new MailSink({ delayMs: options.smtpDelayMs });
  }

  async start(): Promise<this> {
    await Promise.all([this.postgres.create(), this.redis.start(), this.sink.start(), this.gotenberg.start()]);
    Object.assign(process.env, this.sharedEnv());
    this.testApp = await createTestApp();
    return this;
  }

  /** What every process of the deployment is configured with. */
  sharedEnv(): Record<string, string> {
    return {
      DATABASE_URL: this.postgres.url,
      REDIS_URL: this.redis.url,
      SMTP_URL: this.sink.url,
      MAIL_FROM: 'Testkommun <namndrum@test.example>',
      PDF_ENGINE: 'gotenberg',
      GOTENBERG_URL: this.gotenberg.url,
      FILES_DIR: this.filesDir,
    };
  }

  async startApi(env: Record<string, string> = {}): Promise<ApiProcess> {
    const api = await new ApiProcess({ ...this.sharedEnv(), ...env }).start();
    this.apis.push(api);
    return api;
  }

  async startWorker(env: Record<string, string> = {}): Promise<WorkerProcess> {
    const worker = await new WorkerProcess({ ...this.sharedEnv(), ...env }).start();
    this.workers.push(worker);
    return worker;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.apis, ...this.workers].map((process) => process.stop()));
    await this.testApp?.close();
    await Promise.all([this.sink.stop(), this.gotenberg.stop(), this.redis.stop()]);
    await this.postgres.drop();
    rmSync(this.filesDir, { recursive: true, force: true });
  }
}
