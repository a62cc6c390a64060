import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../database/base.entity';

export const OUTBOX_STATUSES = ['pending', 'done', 'failed', 'cancelled'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * A piece of later work (send a notice, deliver one e-mail), written in the same transaction as the
 * change that causes it. PostgreSQL keeps it; BullMQ only carries its id and runs it at `runAt`.
 */
@Entity('outbox_jobs')
@Index(['idempotencyKey'], { unique: true })
@Index('outbox_jobs_pending', ['runAt'], { where: `"status" = 'pending'` })
export class OutboxJob extends BaseEntity {
  @Column('uuid', { nullable: true })
  municipalityId: string | null;

  /** What to do; decides the queue (see OUTBOX_KIND_QUEUES). */
  @Column('text')
  kind: string;

  /** Unique per piece of work: scheduling the same work twice stores it once. */
  @Column('text')
  idempotencyKey: string;

  @Column('jsonb', { default: () => `'{}'` })
  payload: Record<string, unknown>;

  @Column('timestamptz')
  runAt: Date;

  @Column('text', { default: 'pending' })
  status: OutboxStatus;

  @Column('integer', { default: 0 })
  attempts: number;

  @Column('text', { nullable: true })
  lastError: string | null;

  @Column('timestamptz', { nullable: true })
  completedAt: Date | null;

  /** The HTTP request whose transaction wrote the row, carried into the worker's log lines; null when no request caused it. */
  @Column('text', { nullable: true })
  requestId: string | null;
}
