import { Injectable } from '@nestjs/common';
import { AppConfig, OUTBOX_KINDS, OutboxJobRef, OutboxService, RequestContext, TenantRepository } from '@namndrum/core';
import { deterministicMessageId } from '@namndrum/mail';
import { EntityManager } from 'typeorm';
import { NoticeRecipient } from './domain/notice-recipients';
import { DeliveryCountsDto } from './dto/notice.dto';
import { DeliveryPurpose, MailDelivery } from './entities';

export const deliveryKey = (deliveryId: string) => `mail-delivery:${deliveryId}`;

interface NewDelivery {
  meetingId: string;
  purpose: DeliveryPurpose;
  noticeId: string | null;
  substituteCallId: string | null;
  subjectId?: string | null;
  /** role: member, substitute, attendance_right or extra for notices; chair or verifier for minutes to approve; distribution for extracts. */
  recipient: Pick<NoticeRecipient, 'key' | 'personId' | 'name' | 'email'> & { role: string };
}

/**
 * Creates the delivery rows and, for those with an address, their outbox rows — one statement each,
 * however many recipients. A (notice, recipient) or (call, purpose) that already has a delivery gets
 * no second one.
 */
@Injectable()
export class DeliveryService {
  constructor(
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
  ) {}

  /** Within a request: the outbox hands the work to the queue after commit. */
  async queue(ctx: RequestContext, deliveries: NewDelivery[]): Promise<void> {
    const refs = await this.insert(ctx.em, ctx.municipalityId, deliveries);
    if (refs.length > 0) ctx.afterCommit(() => this.outbox.enqueueQuietly(refs));
  }

  /** The deliveries about some subjects (the paragraphs of minutes), those not received first, with counts by status. */
  async subjectReport(ctx: RequestContext, purpose: DeliveryPurpose, subjectIds: string[]): Promise<{ counts: DeliveryCountsDto; deliveries: MailDelivery[] }> {
    const deliveries = subjectIds.length
      ? await new TenantRepository(ctx, MailDelivery, 'Utskicket')
          .query('d')
          .andWhere('d.purpose = :purpose AND d.subject_id IN (:...subjectIds)', { purpose, subjectIds })
          .orderBy(`CASE d.status WHEN 'failed' THEN 0 WHEN 'no_address' THEN 1 WHEN 'queued' THEN 2 ELSE 3 END`)
          .addOrderBy('d.recipient_name')
          .getMany()
      : [];
    const count = (status: string) => deliveries.filter((delivery) => delivery.status === status).length;
    return { counts: { queued: count('queued'), sent: count('sent'), failed: count('failed'), noAddress: count('no_address') }, deliveries };
  }

  /** Within a job that owns its transaction: returns the outbox rows to enqueue once it has committed. */
  async insert(em: EntityManager, municipalityId: string, deliveries: NewDelivery[]): Promise<OutboxJobRef[]> {
    if (deliveries.length === 0) return [];
    const domain = new URL(this.config.PUBLIC_BASE_URL).hostname;
    const rows = deliveries.map((delivery) => ({
      meeting_id: delivery.meetingId,
      purpose: delivery.purpose,
      notice_id: delivery.noticeId,
      substitute_call_id: delivery.substituteCallId,
      subject_id: delivery.subjectId ?? null,
      recipient_key: delivery.recipient.key,
      person_id: delivery.recipient.personId,
      recipient_name: delivery.recipient.name,
      email: delivery.recipient.email,
      recipient_role: delivery.recipient.role,
      status: delivery.recipient.email ? 'queued' : 'no_address',
      message_id: deterministicMessageId([delivery.purpose, delivery.noticeId ?? delivery.substituteCallId ?? delivery.subjectId ?? '', delivery.recipient.key], domain),
    }));
    const inserted: { id: string; status: string }[] = await em.query(
      `INSERT INTO mail_deliveries (municipality_id, meeting_id, purpose, notice_id, substitute_call_id, subject_id, recipient_key, person_id, recipient_name, email, recipient_role, status, message_id)
       SELECT $1, r.meeting_id, r.purpose, r.notice_id, r.substitute_call_id, r.subject_id, r.recipient_key, r.person_id, r.recipient_name, r.email, r.recipient_role, r.status, r.message_id
         FROM jsonb_to_recordset($2::jsonb) AS r(meeting_id uuid, purpose text, notice_id uuid, substitute_call_id uuid, subject_id uuid, recipient_key text, person_id uuid,
                                                 recipient_name text, email text, recipient_role text, status text, message_id text)
       ON CONFLICT DO NOTHING
       RETURNING id, status`,
      [municipalityId, JSON.stringify(rows)],
    );
    const queued = inserted.filter((row) => row.status === 'queued');
    const now = new Date();
    return this.outbox.insert(
      em,
      municipalityId,
      queued.map((row) => ({ kind: OUTBOX_KINDS.mailDelivery, idempotencyKey: deliveryKey(row.id), runAt: now, payload: { deliveryId: row.id } })),
    );
  }
}
