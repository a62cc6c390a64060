import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit, OUTBOX_KINDS, QUEUE_JOB_OPTIONS, QUEUES } from '@namndrum/core';
import { NoticeBundler } from '@namndrum/meetings';
import { DocumentArchiver } from '@namndrum/minutes';
import type { Job } from 'bullmq';

const config = loadConfigOrExit();
const ATTEMPTS = QUEUE_JOB_OPTIONS[QUEUES.documents].attempts ?? 1;

/**
 * Conversions through LibreOffice, one at a time per worker: the engine is the bottleneck and a second
 * conversion in parallel only competes for it. Each job carries the id of its outbox row.
 */
// BullMQ renews the lock while a conversion runs (the event loop stays free), so the usual lock holds.
@Processor(QUEUES.documents, { concurrency: 1, lockDuration: config.WORKER_LOCK_MS, stalledInterval: Math.max(1000, Math.floor(config.WORKER_LOCK_MS / 2)), maxStalledCount: 5 })
export class DocumentsProcessor extends WorkerHost {
  private readonly logger = new Logger(DocumentsProcessor.name);

  constructor(
    private readonly bundler: NoticeBundler,
    private readonly archiver: DocumentArchiver,
  ) {
    super();
  }

  process(job: Job<{ outboxId: string }>) {
    const attempt = { number: job.attemptsMade + 1, final: job.attemptsMade + 1 >= ATTEMPTS };
    switch (job.name) {
      case OUTBOX_KINDS.noticeBundle:
        return this.bundler.render(job.data.outboxId, attempt);
      case OUTBOX_KINDS.documentArchive:
        return this.archiver.archive(job.data.outboxId);
      default:
        throw new Error(`Unknown documents job ${job.name}`);
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error) {
    this.logger.warn({ jobId: job?.id, name: job?.name, attempt: job?.attemptsMade, error: error.message }, 'Documents job failed; retried');
  }
}
