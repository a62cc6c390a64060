import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, Clock, OutboxJobRef, OutboxService, RequestContext } from '@namndrum/core';
import { DataSource } from 'typeorm';
import { DeliveryService } from '../delivery.service';
import { leftAfterDeadline } from '../domain/notice-schedule';
import { MeetingNotice } from '../entities';
import { moveMeetingTo } from '../meeting.errors';
import { lockMeeting } from '../meeting-lock';
import { NoticeService } from '../notice.service';

/**
 * Sends a notice version out: reads the recipients from the register on the meeting date and creates
 * one delivery (and one outbox row) per recipient, in one transaction with the notice marked
 * dispatched. Running it twice finds the outbox row done and does nothing. A notice that leaves after
 * the organ's deadline is flagged "sent late" here, whatever was known when it was finalized.
 */
@Injectable()
export class NoticeDispatcher {
  private readonly logger = new Logger(NoticeDispatcher.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly notices: NoticeService,
    private readonly deliveries: DeliveryService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async dispatch(outboxId: string): Promise<{ recipients: number } | null> {
    let recipients = 0;
    const refs = await this.dataSource.transaction(async (em): Promise<OutboxJobRef[] | null> => {
      const [job]: { municipality_id: string; status: string; payload: { noticeId: string } }[] = await em.query(
        `SELECT municipality_id, status, payload FROM outbox_jobs WHERE id = $1 FOR UPDATE`,
        [outboxId],
      );
      if (!job || job.status !== 'pending') return null;
      const ctx = RequestContext.system(em, job.municipality_id, `outbox:${outboxId}`);
      const notice = await em.getRepository(MeetingNotice).findOne({ where: { id: job.payload.noticeId, municipalityId: ctx.municipalityId }, lock: { mode: 'pessimistic_write' } });
      if (!notice || notice.status !== 'scheduled') {
        await this.complete(em, outboxId);
        return null;
      }
      // Never without its handlingar: the row stays pending, and the bundler lets it go once they are ready.
      if (notice.bundleStatus === 'pending' || notice.bundleStatus === 'failed') {
        this.logger.log({ outboxId, noticeId: notice.id, bundleStatus: notice.bundleStatus }, 'Notice dispatch waits for its handlingar');
        return null;
      }
      const meeting = await lockMeeting(ctx, notice.meetingId);
      const list = await this.notices.recipients(ctx, meeting);
      recipients = list.length;
      const refs = await this.deliveries.insert(
        em,
        ctx.municipalityId,
        list.map((recipient) => ({ meetingId: meeting.id, purpose: 'notice' as const, noticeId: notice.id, substituteCallId: null, recipient })),
      );
      const dispatchedAt = this.clock.now();
      const deadline = await this.notices.deadline(ctx, meeting);
      // Finalized in time but leaving after the deadline (the worker was down, the queue stopped): late all the same.
      const leftLate = notice.kind !== 'cancellation' && !notice.sentLate && leftAfterDeadline(deadline, dispatchedAt);
      Object.assign(notice, { status: 'dispatched', dispatchedAt, recipientCount: list.length, sentLate: notice.sentLate || leftLate });
      await em.save(notice);
      if (leftLate) {
        await this.audit.record(ctx, { action: 'notice_sent_late', entityType: 'MeetingNotice', entityId: notice.id, after: { meetingId: meeting.id, version: notice.version, dispatchedAt, deadline } });
      }
      if (notice.kind === 'notice' && meeting.status === 'notice_finalized') {
        moveMeetingTo(meeting, 'notice_sent');
        await em.save(meeting);
      }
      await this.audit.record(ctx, { action: 'notice_dispatched', entityType: 'MeetingNotice', entityId: notice.id, after: { version: notice.version, kind: notice.kind, recipients: list.length, sentLate: notice.sentLate } });
      await this.complete(em, outboxId);
      return refs;
    });
    if (refs === null) return null;
    this.logger.log({ outboxId, recipients }, 'Notice dispatched');
    await this.outbox.enqueueQuietly(refs);
    return { recipients };
  }

  private async complete(em: DataSource['manager'], outboxId: string): Promise<void> {
    await em.query(`UPDATE outbox_jobs SET status = 'done', attempts = attempts + 1, completed_at = clock_timestamp(), updated_at = now() WHERE id = $1`, [outboxId]);
  }
}
