import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { COLLECT_FILES_JOB, FileCollector, loadConfigOrExit, OutboxReconciler, QUEUES, RECONCILE_JOB } from '@namndrum/core';
import type { Job } from 'bullmq';
import { MailDeliverer } from './mail-deliverer';
import { NoticeDispatcher } from './notice-dispatcher';

// Worker options are fixed when the decorators run; they come from the same validated environment as AppConfig.
const config = loadConfigOrExit();
const lockDuration = config.WORKER_LOCK_MS;
const stalledInterval = Math.max(1000, Math.floor(config.WORKER_LOCK_MS / 2));

interface OutboxJobData {
  outboxId: string;
}

async function timed<T>(logger: Logger, job: Job, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  logger.debug({ jobId: job.id, name: job.name, attempt: job.attemptsMade + 1 }, 'Job started');
  const result = await work();
  logger.debug({ jobId: job.id, name: job.name, durationMs: Date.now() - started, result }, 'Job finished');
  return result;
}

@Processor(QUEUES.noticeDispatch, { concurrency: 2, lockDuration, stalledInterval, maxStalledCount: 5 })
export class NoticeDispatchProcessor extends WorkerHost {
  private readonly logger = new Logger(NoticeDispatchProcessor.name);

  constructor(private readonly dispatcher: NoticeDispatcher) {
    super();
  }

  process(job: Job<OutboxJobData>) {
    return timed(this.logger, job, () => this.dispatcher.dispatch(job.data.outboxId));
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error) {
    this.logger.warn({ jobId: job?.id, attempt: job?.attemptsMade, error: error.message }, 'Notice dispatch failed; retried');
  }
}

@Processor(QUEUES.mailDelivery, { concurrency: config.MAIL_CONCURRENCY, lockDuration, stalledInterval, maxStalledCount: 5 })
export class MailDeliveryProcessor extends WorkerHost {
  private readonly logger = new Logger(MailDeliveryProcessor.name);

  constructor(private readonly deliverer: MailDeliverer) {
    super();
  }

  process(job: Job<OutboxJobData>) {
    return timed(this.logger, job, () => this.deliverer.deliver(job.data.outboxId));
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error) {
    this.logger.warn({ jobId: job?.id, attempt: job?.attemptsMade, error: error.message }, 'E-mail delivery attempt failed');
  }
}

@Processor(QUEUES.maintenance, { concurrency: 1 })
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    private readonly reconciler: OutboxReconciler,
    private readonly files: FileCollector,
  ) {
    super();
  }

  process(job: Job) {
    if (job.name === RECONCILE_JOB) return timed(this.logger, job, () => this.reconciler.reconcile());
    if (job.name === COLLECT_FILES_JOB) return timed(this.logger, job, () => this.files.collect());
    throw new Error(`Unknown maintenance job ${job.name}`);
  }
}
