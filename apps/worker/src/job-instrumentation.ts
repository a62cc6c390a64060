import { ProcessorDecoratorService } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Job } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { OUTBOX_KINDS, OutboxJobData, runInRequestIdScope, WorkerMetrics } from '@namndrum/core';

type ProcessorFunction = (job: Job, token?: string) => Promise<unknown>;

/**
 * Wraps every queue processor of the worker, whichever context it belongs to: each log line written
 * while a job runs carries its requestId (the HTTP request that caused it), outboxId, kind and jobId,
 * the outbox rows it writes carry the same request id on, and its end is counted in WorkerMetrics.
 *
 * @nestjs/bullmq passes each processor through its ProcessorDecoratorService, whose `decorate` is
 * there to be replaced for instrumentation; the workers are made in the registrar's onModuleInit,
 * after every provider's constructor, so replacing it here reaches them all.
 */
@Injectable()
export class JobInstrumentation {
  constructor(
    moduleRef: ModuleRef,
    private readonly logger: PinoLogger,
    private readonly metrics: WorkerMetrics,
  ) {
    const processors = moduleRef.get(ProcessorDecoratorService, { strict: false });
    processors.decorate = (processor: ProcessorFunction) => (job: Job, token?: string) => this.run(job, token, processor);
  }

  private run(job: Job<Partial<OutboxJobData>>, token: string | undefined, processor: ProcessorFunction): Promise<unknown> {
    const requestId = job.data?.requestId ?? null;
    const bindings = { requestId, outboxId: job.data?.outboxId ?? null, kind: job.name, jobId: job.id, queue: job.queueName };
    return runInRequestIdScope(requestId, () => this.logger.runInContext(() => this.measured(job, token, processor), { bindings }));
  }

  private async measured(job: Job, token: string | undefined, processor: ProcessorFunction): Promise<unknown> {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const result = await processor(job, token);
      this.metrics.jobEnded(job.queueName, job.name, 'completed', seconds());
      // MailDeliverer answers how the delivery ended: sent, failed for good, or skipped.
      if (job.name === OUTBOX_KINDS.mailDelivery && typeof result === 'string') this.metrics.deliveryEnded(result);
      return result;
    } catch (error) {
      this.metrics.jobEnded(job.queueName, job.name, 'failed', seconds());
      throw error;
    }
  }
}
