import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../context/request-context';
import { OutboxKind, OUTBOX_KIND_QUEUES, QUEUE_JOB_OPTIONS, QueueName, QUEUES } from './queues';

export interface ScheduledWork {
  kind: OutboxKind;
  idempotencyKey: string;
  runAt: Date;
  payload?: Record<string, unknown>;
}

/** What BullMQ needs to run an outbox row: its id, its kind and when. */
export interface OutboxJobRef {
  id: string;
  kind: string;
  runAt: Date;
}

/** The job id of an outbox row in BullMQ: deterministic, so adding the same row twice adds one job (BullMQ refuses ':' in ids). */
export function outboxJobId(id: string): string {
  return `outbox-${id}`;
}

/**
 * Writes later work to PostgreSQL inside the caller's transaction and, once that has committed, hands
 * it to BullMQ. If the hand-over fails (Redis down), the reconciler enqueues it later: the row is the
 * truth, the queue only a timer.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QUEUES.noticeDispatch) noticeDispatch: Queue,
    @InjectQueue(QUEUES.mailDelivery) mailDelivery: Queue,
    @InjectQueue(QUEUES.maintenance) maintenance: Queue,
    @InjectQueue(QUEUES.integrations) integrations: Queue,
    @InjectQueue(QUEUES.minutes) minutes: Queue,
    @InjectQueue(QUEUES.documents) documents: Queue,
  ) {
    this.queues = {
      [QUEUES.noticeDispatch]: noticeDispatch,
      [QUEUES.mailDelivery]: mailDelivery,
      [QUEUES.maintenance]: maintenance,
      [QUEUES.integrations]: integrations,
      [QUEUES.minutes]: minutes,
      [QUEUES.documents]: documents,
    };
  }

  /** Stores the work (once per idempotency key) and enqueues what was new after the transaction commits. */
  async schedule(ctx: RequestContext, work: ScheduledWork[]): Promise<OutboxJobRef[]> {
    const refs = await this.insert(ctx.em, ctx.hasTenant ? ctx.municipalityId : null, work);
    if (refs.length > 0) ctx.afterCommit(() => this.enqueueQuietly(refs));
    return refs;
  }

  /** The insert alone, for callers that own their transaction and enqueue after it themselves. */
  async insert(em: EntityManager, municipalityId: string | null, work: ScheduledWork[]): Promise<OutboxJobRef[]> {
    if (work.length === 0) return [];
    const rows: { id: string; kind: string; run_at: Date }[] = await em.query(
      `INSERT INTO outbox_jobs (municipality_id, kind, idempotency_key, payload, run_at)
       SELECT $1, w.kind, w.key, w.payload, w.run_at
         FROM jsonb_to_recordset($2::jsonb) AS w(kind text, key text, payload jsonb, run_at timestamptz)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id, kind, run_at`,
      [municipalityId, JSON.stringify(work.map((item) => ({ kind: item.kind, key: item.idempotencyKey, payload: item.payload ?? {}, run_at: item.runAt.toISOString() })))],
    );
    return rows.map((row) => ({ id: row.id, kind: row.kind, runAt: new Date(row.run_at) }));
  }

  /** Withdraws pending work (a rescheduled or cancelled notice); work already done stays done. */
  async cancel(ctx: RequestContext, idempotencyKeys: string[]): Promise<number> {
    if (idempotencyKeys.length === 0) return 0;
    const [, count]: [unknown, number] = await ctx.em.query(
      `UPDATE outbox_jobs SET status = 'cancelled', completed_at = clock_timestamp(), updated_at = now()
        WHERE idempotency_key = ANY($1) AND status = 'pending'`,
      [idempotencyKeys],
    );
    return count;
  }

  /** Adds the jobs to BullMQ, delayed until their time. A job id already in Redis is left as it is. */
  async enqueue(refs: OutboxJobRef[]): Promise<void> {
    const now = Date.now();
    const byQueue = new Map<QueueName, OutboxJobRef[]>();
    for (const ref of refs) {
      const queue = OUTBOX_KIND_QUEUES[ref.kind as OutboxKind];
      if (!queue) {
        this.logger.error({ outboxId: ref.id, kind: ref.kind }, 'Outbox job of unknown kind');
        continue;
      }
      byQueue.set(queue, [...(byQueue.get(queue) ?? []), ref]);
    }
    for (const [name, jobs] of byQueue) {
      await this.queues[name].addBulk(
        jobs.map((ref) => ({
          name: ref.kind,
          data: { outboxId: ref.id },
          opts: { ...QUEUE_JOB_OPTIONS[name], jobId: outboxJobId(ref.id), delay: Math.max(0, ref.runAt.getTime() - now) },
        })),
      );
    }
  }

  /** Enqueues after commit without failing the request: the reconciler picks up what Redis did not take. */
  enqueueQuietly(refs: OutboxJobRef[]): Promise<void> {
    return this.enqueue(refs).catch((error: unknown) => this.logger.error({ err: error, jobs: refs.length }, 'Enqueue failed; the reconciler will retry'));
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }
}
