import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { METRIC_PREFIX, MetricsRegistry } from './metrics-registry';

/** A job's end as the worker saw it: done, or thrown (and retried by BullMQ while attempts remain). */
export type JobOutcome = 'completed' | 'failed';

/**
 * What only a worker knows, per worker process: jobs it ran, e-mails it sent, documents it converted.
 * The queue depths and the outbox, which every process can see, are the API's cluster-wide gauges.
 */
@Injectable()
export class WorkerMetrics {
  private readonly jobs: Counter<'queue' | 'kind' | 'outcome'>;
  private readonly jobDuration: Histogram<'queue' | 'kind'>;
  private readonly deliveries: Counter<'outcome'>;
  private readonly conversions: Counter<'outcome'>;
  private readonly conversionDuration: Histogram;

  constructor(registry: MetricsRegistry) {
    this.jobs = new Counter({
      name: `${METRIC_PREFIX}worker_jobs_processed_total`,
      help: 'Jobs this worker ran, by queue, job name (the outbox kind) and outcome (failed: thrown, retried while attempts remain)',
      labelNames: ['queue', 'kind', 'outcome'],
      registers: [registry],
    });
    this.jobDuration = new Histogram({
      name: `${METRIC_PREFIX}worker_job_duration_seconds`,
      help: 'Time this worker spent on one job, by queue and job name',
      labelNames: ['queue', 'kind'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers: [registry],
    });
    this.deliveries = new Counter({
      name: `${METRIC_PREFIX}worker_mail_deliveries_total`,
      help: 'E-mail deliveries this worker ended: sent, failed for good, or skipped (already sent or withdrawn)',
      labelNames: ['outcome'],
      registers: [registry],
    });
    this.conversions = new Counter({
      name: `${METRIC_PREFIX}worker_pdf_conversions_total`,
      help: 'Calls to the PDF engine (one call converts one or more documents), by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    });
    this.conversionDuration = new Histogram({
      name: `${METRIC_PREFIX}worker_pdf_conversion_duration_seconds`,
      help: 'Time one call to the PDF engine took',
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers: [registry],
    });
  }

  jobEnded(queue: string, kind: string, outcome: JobOutcome, seconds: number): void {
    this.jobs.inc({ queue, kind, outcome });
    this.jobDuration.observe({ queue, kind }, seconds);
  }

  deliveryEnded(outcome: string): void {
    this.deliveries.inc({ outcome });
  }

  conversionEnded(outcome: 'converted' | 'failed', seconds: number): void {
    this.conversions.inc({ outcome });
    this.conversionDuration.observe(seconds);
  }
}
