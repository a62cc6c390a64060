import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess } from './api-process';
import { FakeGotenberg } from './fake-gotenberg';
import { MailSink } from './mail-sink';
import { PrivatePostgres } from './private-postgres';
import { PrivateRedis } from './private-redis';
import { RunningS3Server, startS3Server } from './s3-server';
import { createTestApp, TestApp } from './test-app';
import { WorkerProcess } from './worker-process';

/**
 * Everything a deployment of several processes shares, of the test file's own: a PostgreSQL server
 * and a Redis server it may stop, kill and start again, an SMTP server and Gotenberg stand-in in the
 * test process, and the files: a shared folder, or with `bucket` an S3 bucket (s3rver) while every
 * process gets an empty folder of its own, so that none can rely on a local folder. API and worker
 * processes are started against it as the test needs them; the in-process app (`testApp`) is there
 * for the factories that set up the data.
 */
export class Cluster {
  readonly postgres = new PrivatePostgres();
  readonly redis = new PrivateRedis();
  readonly sink: MailSink;
  readonly gotenberg = new FakeGotenberg();
  readonly apis: ApiProcess[] = [];
  readonly workers: WorkerProcess[] = [];
  testApp!: TestApp;
  private s3: RunningS3Server | null = null;
  private readonly folders: string[] = [];
  private readonly sharedFolder: string | null;

  constructor(private readonly options: { smtpDelayMs?: number; bucket?: boolean } = {}) {
    this.sink = new MailSink({ delayMs: options.smtpDelayMs });
    this.sharedFolder = options.bucket ? null : this.folder();
  }

  async start(): Promise<this> {
    const [s3] = await Promise.all([this.options.bucket ? startS3Server() : null, this.postgres.create(), this.redis.start(), this.sink.start(), this.gotenberg.start()]);
    this.s3 = s3;
    Object.assign(process.env, this.processEnv());
    this.testApp = await createTestApp();
    return this;
  }

  /** What one process of the deployment is configured with: the shared services, and its own folder when files are in the bucket. */
  processEnv(): Record<string, string> {
    return {
      ...(this.s3?.settings ?? {}),
      FILES_DIR: this.sharedFolder ?? this.folder(),
      DATABASE_URL: this.postgres.url,
      REDIS_URL: this.redis.url,
      SMTP_URL: this.sink.url,
      MAIL_FROM: 'Testkommun <namndrum@test.example>',
      PDF_ENGINE: 'gotenberg',
      GOTENBERG_URL: this.gotenberg.url,
    };
  }

  async startApi(env: Record<string, string> = {}): Promise<ApiProcess> {
    const api = await new ApiProcess({ ...this.processEnv(), ...env }).start();
    this.apis.push(api);
    return api;
  }

  async startWorker(env: Record<string, string> = {}): Promise<WorkerProcess> {
    const worker = await new WorkerProcess({ ...this.processEnv(), ...env }).start();
    this.workers.push(worker);
    return worker;
  }

  /** Whatever the processes wrote into their local folders: nothing, when the files are in the bucket. */
  filesInFolders(): string[] {
    return this.folders.flatMap((folder) => readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)));
  }

  async stop(): Promise<void> {
    await Promise.all([...this.apis, ...this.workers].map((process) => process.stop()));
    await this.testApp?.close();
    await Promise.all([this.sink.stop(), this.gotenberg.stop(), this.redis.stop(), this.s3?.stop()]);
    await this.postgres.drop();
    for (const folder of this.folders) rmSync(folder, { recursive: true, force: true });
  }

  private folder(): string {
    const folder = mkdtempSync(join(tmpdir(), 'namndrum-cluster-files-'));
    this.folders.push(folder);
    return folder;
  }
}
