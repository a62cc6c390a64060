import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboxService, RequestContext } from '@namndrum/core';
import { DeliveryService } from '@namndrum/meetings';
import { DataSource } from 'typeorm';
import { Minutes } from '../entities';
import { minutesContentSha256, MinutesReader, personName } from '../minutes-record';
import { requiredApprovers } from '../minutes.presenter';

/** Before the verification deadline: an e-mail to each of the chair and verifiers who have not approved the minutes as they now read. */
@Injectable()
export class MinutesReminder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: MinutesReader,
    private readonly deliveries: DeliveryService,
    private readonly outbox: OutboxService,
  ) {}

  async remind(outboxId: string): Promise<'sent' | 'skipped'> {
    const { refs, outcome } = await this.dataSource.transaction(async (em) => {
      const [job]: { status: string; payload: { minutesId: string } }[] = await em.query(`SELECT status, payload FROM outbox_jobs WHERE id = $1 FOR UPDATE`, [outboxId]);
      if (!job || job.status !== 'pending') return { refs: [], outcome: 'skipped' as const };
      const minutes = await em.getRepository(Minutes).findOneByOrFail({ id: job.payload.minutesId });
      let refs: Awaited<ReturnType<DeliveryService['insert']>> = [];
      if (minutes.status === 'draft') {
        const ctx = RequestContext.system(em, minutes.municipalityId, `outbox:${outboxId}`);
        const record = await this.reader.read(ctx, minutes);
        const sha = minutesContentSha256(record);
        const pending = requiredApprovers(record).filter(
          (approver) => !record.approvals.some((approval) => approval.paragraphId === null && approval.personId === approver.personId && approval.contentSha256 === sha),
        );
        refs = await this.deliveries.insert(
          em,
          minutes.municipalityId,
          pending.map((approver) => ({
            meetingId: minutes.meetingId,
            purpose: 'minutes_reminder' as const,
            noticeId: null,
            substituteCallId: null,
            subjectId: minutes.id,
            recipient: { key: `person:${approver.personId}`, personId: approver.personId, name: personName(record, approver.personId), email: record.people.get(approver.personId)?.email ?? null, role: approver.role },
          })),
        );
      }
      await em.query(`UPDATE outbox_jobs SET status = 'done', attempts = attempts + 1, completed_at = clock_timestamp(), updated_at = now() WHERE id = $1`, [outboxId]);
      return { refs, outcome: refs.length > 0 ? ('sent' as const) : ('skipped' as const) };
    });
    await this.outbox.enqueueQuietly(refs);
    return outcome;
  }
}
