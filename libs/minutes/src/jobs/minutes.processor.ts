import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { OUTBOX_KINDS, QUEUES } from '@namndrum/core';
import type { Job } from 'bullmq';
import { PostingService } from '../posting.service';
import { MinutesReminder } from './minutes-reminder';

/** Notice-board postings up and down, and reminders to verify: each job carries the id of its outbox row. */
@Processor(QUEUES.minutes, { concurrency: 4 })
export class MinutesProcessor extends WorkerHost {
  private readonly logger = new Logger(MinutesProcessor.name);

  constructor(
    private readonly postings: PostingService,
    private readonly reminders: MinutesReminder,
  ) {
    super();
  }

  process(job: Job<{ outboxId: string }>) {
    switch (job.name) {
      case OUTBOX_KINDS.postingPublish:
        return this.postings.run(job.data.outboxId, 'publish');
      case OUTBOX_KINDS.postingRemove:
        return this.postings.run(job.data.outboxId, 'remove');
      case OUTBOX_KINDS.minutesReminder:
        return this.reminders.remind(job.data.outboxId);
      default:
        throw new Error(`Unknown minutes job ${job.name}`);
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error) {
    this.logger.warn({ jobId: job?.id, name: job?.name, attempt: job?.attemptsMade, error: error.message }, 'Minutes job failed; retried');
  }
}
