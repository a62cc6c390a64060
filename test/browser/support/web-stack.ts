import type { INestApplication } from '@nestjs/common';
import { Clock } from '@namndrum/core';
import { SeedModule } from '../../../seeds/src/seed.module';
import { SeedService } from '../../../seeds/src/seed.service';
import { readSeed } from '../../../seeds/src/run-seed';
import { MailSink } from '../../support/mail-sink';
import { PrivateDatabase } from '../../support/private-database';
import { freePort, PrivateRedis } from '../../support/private-redis';
import { createTestApp, TestApp } from '../../support/test-app';
import { WorkerProcess } from '../../support/worker-process';

/**
 * The API's clock, set back or forward by a test (the worker and the browser keep the real time): a
 * journey can stand days before a meeting to send its notice, then on the day after to record it.
 */
export class ShiftedClock extends Clock {
  offsetMs = 0;

  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

/** The seed's password for every demo user. */
export const SEED_PASSWORD = 'namndrum';

/** Demo users of the Ludvika seed (seeds/data/ludvika.json). */
export const SEED_USERS = {
  secretary: 'rita.osterholm@ludvika.example',
  chair: 'hakan.frank@ludvika.example',
  member: 'anna.exempelsson@ludvika.example',
  departmentHead: 'jonas.fors@ludvika.example',
  caseOfficer: 'sara.utredarsson@ludvika.example',
  admin: 'admin@ludvika.example',
} as const;

/**
 * Everything a browser test needs, of the test file's own: a migrated database (with the Ludvika
 * seed unless told otherwise), a Redis server, an SMTP server in this process, the real worker as a
 * child process, and the API listening on a free port of 127.0.0.1 and serving the built web app
 * (dist/web, built by the browser project's global setup). Every API response the browser gets is
 * checked against the committed OpenAPI document, as in the e2e tests.
 */
export class WebStack {
  database!: PrivateDatabase;
  redis!: PrivateRedis;
  sink!: MailSink;
  worker: WorkerProcess | null = null;
  testApp!: TestApp;
  baseUrl = '';

  get app(): INestApplication {
    return this.testApp.app;
  }

  static async start(label: string, options: { seed?: boolean; worker?: boolean; clock?: Clock } = {}): Promise<WebStack> {
    const stack = new WebStack();
    stack.database = await new PrivateDatabase().create(label);
    stack.redis = await new PrivateRedis().start();
    stack.sink = await new MailSink().start();
    const port = await freePort();
    stack.baseUrl = `http://127.0.0.1:${port}`;
    Object.assign(process.env, {
      DATABASE_URL: stack.database.url,
      REDIS_URL: stack.redis.url,
      SMTP_URL: stack.sink.url,
      PUBLIC_BASE_URL: stack.baseUrl,
    });
    stack.testApp = await createTestApp(options.seed === false ? [] : [SeedModule], { clock: options.clock });
    if (options.seed !== false) await stack.app.get(SeedService).load(readSeed('ludvika.json'), SEED_PASSWORD);
    await stack.app.listen(port, '127.0.0.1');
    if (options.worker !== false) {
      stack.worker = await new WorkerProcess({
        DATABASE_URL: stack.database.url,
        REDIS_URL: stack.redis.url,
        SMTP_URL: stack.sink.url,
        PUBLIC_BASE_URL: stack.baseUrl,
      }).start();
    }
    return stack;
  }

  async stop(): Promise<void> {
    await this.worker?.stop();
    await this.testApp?.close();
    await this.sink?.stop();
    await this.redis?.stop();
    await this.database?.drop();
  }
}
