import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { closeOnStop, loadConfigOrExit } from '@namndrum/core';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  loadConfigOrExit();
  process.env.TZ = 'Europe/Stockholm';
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  closeOnStop(app);
  new Logger('Worker').log('Worker started: notice dispatch, e-mail delivery, notice-board postings, minutes reminders, Kolada imports, outbox reconciliation, collection of unreferenced files');
}

void bootstrap();
