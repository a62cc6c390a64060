import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { METRIC_PREFIX, MetricsRegistry, OutboxService, QueueName, QUEUES } from '@namndrum/core';

/** Pending outbox work whose time has passed by more than this is overdue: no worker has taken it. */
export const OUTBOX_OVERDUE_SECONDS = 300;
/** A scrape must answer even while PostgreSQL or Redis does not: each source gets this long. */
const SOURCE_TIMEOUT_MS = 2000;
const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * Gauges of the whole installation, read at scrape time from Redis and PostgreSQL, the same from every
 * API process: queue depths and the age of the oldest waiting job, the outbox's pending and overdue
 * rows, the e-mail deliveries. Each query is served by an index. A source that does not answer in time
 * leaves its gauges empty for that scrape (and says so in the log) rather than failing the others.
 */
@Injectable()
export class ClusterMetrics {
  private readonly logger = new Logger(ClusterMetrics.name);
  private readonly queueFigures = singleFlight(() => this.bounded('redis', () => Promise.all((Object.values(QUEUES) as QueueName[]).map((name) => this.readQueue(name)))));
  private readonly outboxFigures = singleFlight(() =>
    this.bounded<{ kind: string; pending: number; overdue: number }[]>('postgres', () =>
      this.dataSource.query(
        `SELECT kind, count(*)::int AS pending, (count(*) FILTER (WHERE run_at < now() - make_interval(secs => $1)))::int AS overdue
           FROM outbox_jobs WHERE status = 'pending' GROUP BY kind`,
        [OUTBOX_OVERDUE_SECONDS],
      ),
    ),
  );

  constructor(
    registry: MetricsRegistry,
    private readonly outbox: OutboxService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    // Each gauge registers itself and fills itself at scrape time (collect). The registry collects every
    // metric at once, so gauges read from the same source share one read per scrape.
    const queueFigures = this.queueFigures;
    const outboxFigures = this.outboxFigures;
    const deliveryFigures = () => this.deliveryFigures();
    new Gauge({
      name: `${METRIC_PREFIX}queue_jobs`,
      help: 'Jobs in each BullMQ queue by state',
      labelNames: ['queue', 'state'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const { name, counts } of (await queueFigures()) ?? []) {
          for (const state of QUEUE_STATES) this.set({ queue: name, state }, counts[state] ?? 0);
        }
      },
    });
    new Gauge({
      name: `${METRIC_PREFIX}queue_oldest_waiting_seconds`,
      help: 'How long the oldest job ready to run has waited for a worker, by queue (0: none waiting)',
      labelNames: ['queue'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const { name, oldestWaitingSeconds } of (await queueFigures()) ?? []) this.set({ queue: name }, oldestWaitingSeconds);
      },
    });
    new Gauge({
      name: `${METRIC_PREFIX}outbox_pending_jobs`,
      help: 'Outbox rows not yet done, due or future, by kind',
      labelNames: ['kind'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of (await outboxFigures()) ?? []) this.set({ kind: row.kind }, row.pending);
      },
    });
    new Gauge({
      name: `${METRIC_PREFIX}outbox_overdue_jobs`,
      help: `Pending outbox rows whose time passed more than ${OUTBOX_OVERDUE_SECONDS} s ago, by kind`,
      labelNames: ['kind'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of (await outboxFigures()) ?? []) this.set({ kind: row.kind }, row.overdue);
      },
    });
    new Gauge({
      name: `${METRIC_PREFIX}mail_deliveries`,
      help: 'E-mail deliveries by status: queued (all not yet sent), sent and failed (in the last 24 hours)',
      labelNames: ['status'],
      registers: [registry],
      async collect() {
        this.reset();
        const rows = await deliveryFigures();
        if (rows) for (const status of ['queued', 'sent', 'failed']) this.set({ status }, rows.find((row) => row.status === status)?.count ?? 0);
      },
    });
  }

  private async readQueue(name: QueueName) {
    const queue = this.outbox.queue(name);
    // The wait list is taken from its right end: the job at -1 has waited longest.
    const [counts, [oldest]] = await Promise.all([queue.getJobCounts(...QUEUE_STATES), queue.getJobs(['waiting'], -1, -1, false)]);
    // A delayed job waits from the moment it became due, not from when it was added.
    const waitingSince = oldest ? oldest.timestamp + (oldest.delay ?? 0) : Date.now();
    return { name, counts, oldestWaitingSeconds: Math.max(0, (Date.now() - waitingSince) / 1000) };
  }

  private deliveryFigures() {
    return this.bounded<{ status: string; count: number }[]>('postgres', () =>
      this.dataSource.query(
        `SELECT status, count(*)::int AS count FROM mail_deliveries WHERE status = 'queued' GROUP BY status
         UNION ALL
         SELECT status, count(*)::int FROM mail_deliveries WHERE status IN ('sent', 'failed') AND updated_at > now() - interval '24 hours' GROUP BY status`,
      ),
    );
  }

  private async bounded<T>(source: 'redis' | 'postgres', read: () => Promise<T>): Promise<T | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${SOURCE_TIMEOUT_MS} ms`)), SOURCE_TIMEOUT_MS);
    });
    try {
      return await Promise.race([read(), timeout]);
    } catch (error) {
      this.logger.warn({ err: error, source }, 'A metrics source did not answer; its gauges are left out of this scrape');
      return null;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** One call in flight at a time: whoever calls while it runs shares its answer; the next call after it starts anew. */
function singleFlight<T>(read: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | null = null;
  return () => (inFlight ??= read().finally(() => (inFlight = null)));
}
