import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../context/request-context';
import { scopedRequestId } from '../context/request-id-scope';
import { OutboxKind, OUTBOX_KIND_QUEUES, QUEUE_JOB_OPTIONS, QueueName, QUEUES } from './queues';

export interface ScheduledWork {
  kind: OutboxKind;
  idempotencyKey: string;
  runAt: Date;
  payload?: Record<string, unknown>;
}

/** What BullMQ needs to run an outbox row: its id, its kind and when, and the request that caused it (for the worker's logs). */
export interface OutboxJobRef {
  id: string;
  kind: string;
  runAt: Date;
  requestId: string | null;
}

/** A job's data: the outbox row to run, and the request whose id the worker's log lines for it carry. */
export interface OutboxJobData {
  outboxId: string;
  requestId?: string;
}

/** The job id of an outbox row in BullMQ: deterministic, so adding the same row twice adds one job (BullMQ refuses ':' in ids). */
export function outboxJobId(id: string): string {
  return `outbox-${id}`;
}

export function toJobRef(row: { id: string; kind: string; run_at: Date | string; request_id: string | null }): OutboxJobRef {
  return { id: row.id, kind: row.kind, runAt: new Date(row.run_at), requestId: row.request_id };
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
    // Inside a job, the request that caused the job; in a request (or a seed), its own id.
    const requestId = scopedRequestId();
    const refs = await this.insert(ctx.em, ctx.hasTenant ? ctx.municipalityId : null, work, requestId === undefined ? ctx.requestId || null : requestId);
    if (refs.length > 0) ctx.afterCommit(() => this.enqueueQuietly(refs));
    return refs;
  }

  /**
   * The insert alone, for callers that own their transaction and enqueue after it themselves. The rows
   * carry the request id given, or else that of the job under way.
   */
  async insert(em: EntityManager, municipalityId: string | null, work: ScheduledWork[], requestId: string | null = scopedRequestId() ?? null): Promise<OutboxJobRef[]> {
    if (work.length === 0) return [];
    const rows: { id: string; kind: string; run_at: Date; request_id: string | null }[] = await em.query(
      `INSERT INTO outbox_jobs (municipality_id, kind, idempotency_key, payload, run_at, request_id)
       SELECT $1, w.kind, w.key, w.payload, w.run_at, $3
         FROM jsonb_to_recordset($2::jsonb) AS w(kind text, key text, payload jsonb, run_at timestamptz)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id, kind, run_at, request_id`,
      [municipalityId, JSON.stringify(work.map((item) => ({ kind: item.kind, key: item.idempotencyKey, payload: item.payload ?? {}, run_at: item.runAt.toISOString() }))), requestId],
    );
    return rows.map(toJobRef);
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
          data: ref.requestId ? { outboxId: ref.id, requestId: ref.requestId } : { outboxId: ref.id },
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
