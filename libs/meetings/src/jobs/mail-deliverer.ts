import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, QUEUE_JOB_OPTIONS, QUEUES, RequestContext } from '@namndrum/core';
import { isPermanentSmtpFailure, toNodemailerMessage } from '@namndrum/mail';
import type { Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { MailDelivery } from '../entities';
import { MailComposers } from './mail-composers';

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

const MAX_ATTEMPTS = QUEUE_JOB_OPTIONS[QUEUES.mailDelivery].attempts ?? 6;

/** Another worker holds the delivery (or held it when it died): try again once its claim has run out. */
export class DeliveryClaimedError extends Error {
  constructor(deliveryId: string) {
    super(`Delivery ${deliveryId} is being sent by another worker`);
  }
}

export type DeliveryOutcome = 'sent' | 'skipped' | 'failed';

/**
 * Sends one e-mail for one delivery row. The row is claimed first (status still queued, no live
 * claim), so two jobs for one delivery never both send; a sent row is never sent again. The only
 * duplicate left is a message the SMTP server accepted just before the worker died, and it carries
 * the same Message-ID.
 */
@Injectable()
export class MailDeliverer implements OnApplicationShutdown {
  private readonly logger = new Logger(MailDeliverer.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAIL_TRANSPORT) private readonly transport: Transporter,
    private readonly composers: MailComposers,
    private readonly config: AppConfig,
  ) {}

  async deliver(outboxId: string): Promise<DeliveryOutcome> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [[claimed]]: [{ id: string }[], number] = await this.dataSource.query(
      `WITH job AS (SELECT (payload->>'deliveryId')::uuid AS delivery_id FROM outbox_jobs WHERE id = $1 AND status = 'pending')
       UPDATE mail_deliveries d
          SET claimed_until = clock_timestamp() + make_interval(secs => $2), attempts = d.attempts + 1, updated_at = now()
         FROM job
        WHERE d.id = job.delivery_id AND d.status = 'queued' AND (d.claimed_until IS NULL OR d.claimed_until < clock_timestamp())
       RETURNING d.id`,
      [outboxId, this.config.WORKER_LOCK_MS / 1000],
    );
    if (!claimed) return this.unclaimable(outboxId);
    const delivery = await this.dataSource.getRepository(MailDelivery).findOneByOrFail({ id: claimed.id });
    const ctx = RequestContext.system(this.dataSource.manager, delivery.municipalityId, `outbox:${outboxId}`);
    try {
      const mail = await this.composers.compose(ctx, delivery);
      await this.transport.sendMail(toNodemailerMessage(mail));
    } catch (error) {
      return this.failed(outboxId, delivery, error);
    }
    await this.dataSource.query(
      `WITH sent AS (
         UPDATE mail_deliveries SET status = 'sent', sent_at = clock_timestamp(), claimed_until = NULL, last_error = NULL, updated_at = now() WHERE id = $1 RETURNING id
       )
       UPDATE outbox_jobs SET status = 'done', attempts = attempts + 1, completed_at = clock_timestamp(), updated_at = now() WHERE id = $2 AND EXISTS (SELECT 1 FROM sent)`,
      [delivery.id, outboxId],
    );
    return 'sent';
  }

  /** Nothing to claim: already sent or failed (the outbox row is closed), or held by another worker (retry). */
  private async unclaimable(outboxId: string): Promise<DeliveryOutcome> {
    const [row]: { job_status: string; delivery_id: string | null; delivery_status: string | null }[] = await this.dataSource.query(
      `SELECT o.status AS job_status, d.id AS delivery_id, d.status AS delivery_status
         FROM outbox_jobs o LEFT JOIN mail_deliveries d ON d.id = (o.payload->>'deliveryId')::uuid
        WHERE o.id = $1`,
      [outboxId],
    );
    if (!row || row.job_status !== 'pending') return 'skipped';
    if (row.delivery_status === 'queued') throw new DeliveryClaimedError(row.delivery_id!);
    await this.dataSource.query(`UPDATE outbox_jobs SET status = 'done', completed_at = clock_timestamp(), updated_at = now() WHERE id = $1 AND status = 'pending'`, [outboxId]);
    return 'skipped';
  }

  /** A permanent refusal (5xx) or the last attempt ends the delivery as failed; anything else is retried with backoff. */
  private async failed(outboxId: string, delivery: MailDelivery, error: unknown): Promise<DeliveryOutcome> {
    const message = error instanceof Error ? error.message.slice(0, 1000) : String(error);
    const final = isPermanentSmtpFailure(error) || delivery.attempts >= MAX_ATTEMPTS;
    await this.dataSource.query(
      `WITH d AS (
         UPDATE mail_deliveries SET status = CASE WHEN $3 THEN 'failed' ELSE status END, last_error = $2, claimed_until = NULL, updated_at = now() WHERE id = $1 RETURNING id
       )
       UPDATE outbox_jobs SET status = CASE WHEN $3 THEN 'failed' ELSE status END, attempts = attempts + 1, last_error = $2,
              completed_at = CASE WHEN $3 THEN clock_timestamp() ELSE NULL END, updated_at = now()
        WHERE id = $4`,
      [delivery.id, message, final, outboxId],
    );
    this.logger.warn({ outboxId, deliveryId: delivery.id, attempt: delivery.attempts, final, error: message }, 'E-mail delivery failed');
    if (final) return 'failed';
    throw error;
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
