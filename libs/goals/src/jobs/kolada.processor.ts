import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { QUEUE_JOB_OPTIONS, QUEUES } from '@namndrum/core';
import type { Job } from 'bullmq';
import { KoladaImportService } from '../kolada-import.service';

const ATTEMPTS = QUEUE_JOB_OPTIONS[QUEUES.integrations].attempts ?? 1;

@Processor(QUEUES.integrations, { concurrency: 1 })
export class KoladaImportProcessor extends WorkerHost {
  private readonly logger = new Logger(KoladaImportProcessor.name);

  constructor(private readonly imports: KoladaImportService) {
    super();
  }

  async process(job: Job<{ outboxId: string }>) {
    const started = Date.now();
    const result = await this.imports.run(job.data.outboxId, job.attemptsMade + 1, job.attemptsMade + 1 >= ATTEMPTS);
    this.logger.log({ jobId: job.id, result, durationMs: Date.now() - started }, 'Kolada job finished');
    return result;
  }
}
