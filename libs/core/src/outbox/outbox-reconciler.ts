import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OutboxService, toJobRef } from './outbox.service';

const BATCH = 1000;

/**
 * Makes Redis agree with PostgreSQL: every pending outbox row, due or future, is (re-)added to its
 * queue under its deterministic job id. Jobs still in Redis are left alone by BullMQ, so running this
 * often costs little and a Redis that lost everything is refilled.
 */
@Injectable()
export class OutboxReconciler {
  private readonly logger = new Logger(OutboxReconciler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async reconcile(): Promise<{ pending: number }> {
    const started = Date.now();
    let pending = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; kind: string; run_at: Date; request_id: string | null }[] = await this.dataSource.query(
        `SELECT id, kind, run_at, request_id FROM outbox_jobs WHERE status = 'pending' AND id > $1 ORDER BY id LIMIT $2`,
        [after, BATCH],
      );
      if (rows.length === 0) break;
      await this.outbox.enqueue(rows.map(toJobRef));
      pending += rows.length;
      after = rows[rows.length - 1].id;
    }
    this.logger.log({ pending, durationMs: Date.now() - started }, 'Outbox reconciled with the queues');
    return { pending };
  }
}
