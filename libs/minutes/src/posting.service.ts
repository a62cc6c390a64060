import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, Clock, OUTBOX_KINDS, OutboxService, Page, PageQueryDto, RequestContext, TenantRepository } from '@namndrum/core';
import { Organ } from '@namndrum/organisation';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { postingDates } from './domain';
import { Minutes, Paragraph, Posting, PostingStatus } from './entities';

/** Keyed by the day as well, so that a kungörelse whose meeting moves can be scheduled again. */
export const postingPublishKey = (postingId: string, day: string) => `posting-publish:${postingId}:${day}`;
export const postingRemoveKey = (postingId: string, day: string) => `posting-remove:${postingId}:${day}`;

/** A minutes posting's verification and appeal dates, which the postings_kind_subject check guarantees. */
export function appealDates(posting: Posting): { verifiedOn: string; lastAppealDay: string } {
  if (posting.verifiedOn === null || posting.lastAppealDay === null) throw new Error(`Posting ${posting.id} is not the posting of minutes`);
  return { verifiedOn: posting.verifiedOn, lastAppealDay: posting.lastAppealDay };
}

/** The start of a Swedish calendar day, as an instant. */
export function startOfSwedishDay(date: string): Date {
  return DateTime.fromISO(date, { zone: 'Europe/Stockholm' }).startOf('day').toJSDate();
}

export interface NewPosting {
  minutes: Minutes;
  organName: string;
  paragraph: Paragraph | null;
  paragraphs: string;
  verifiedOn: string;
  fileSha256: string | null;
}

/**
 * Anslag on the digital notice board. A posting is written with its dates in the transaction that
 * verifies the minutes, and the outbox takes it up on its day and down when the appeal period has run
 * out, whatever happens to Redis in between.
 */
@Injectable()
export class PostingService {
  private readonly logger = new Logger(PostingService.name);

  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  private postings(ctx: RequestContext): TenantRepository<Posting> {
    return new TenantRepository(ctx, Posting, 'Anslaget');
  }

  list(ctx: RequestContext, query: PageQueryDto & { status?: PostingStatus; minutesId?: string }): Promise<Page<Posting>> {
    const qb = this.postings(ctx).query('p').orderBy('p.posted_on', 'DESC').addOrderBy('p.id');
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.minutesId) qb.andWhere('p.minutes_id = :minutesId', { minutesId: query.minutesId });
    return this.postings(ctx).paginate(qb, query);
  }

  get(ctx: RequestContext, id: string): Promise<Posting> {
    return this.postings(ctx).get(id);
  }

  async forMinutes(ctx: RequestContext, minutesId: string): Promise<Posting[]> {
    return this.postings(ctx).find({ minutesId }, { order: { createdAt: 'ASC' } });
  }

  /** Up on the day of verification, down the day after the last day to appeal. */
  async create(ctx: RequestContext, posting: NewPosting): Promise<Posting> {
    const dates = postingDates(posting.verifiedOn);
    const organ = await new TenantRepository(ctx, Organ, 'Organet').get(posting.minutes.organId);
    const repo = this.postings(ctx);
    const saved = await repo.save(
      repo.create({
        kind: 'minutes',
        organId: posting.minutes.organId,
        meetingId: posting.minutes.meetingId,
        minutesId: posting.minutes.id,
        paragraphId: posting.paragraph?.id ?? null,
        documentType: 'Protokoll',
        organName: posting.organName,
        languages: organ.rules.languages,
        meetingDate: posting.minutes.meetingDate,
        paragraphs: posting.paragraphs,
        verifiedOn: posting.verifiedOn,
        postedOn: dates.postedOn,
        takenDownOn: dates.takenDownOn,
        lastAppealDay: dates.lastAppealDay,
        storagePlace: posting.minutes.storagePlace,
        fileSha256: posting.fileSha256,
        announcement: null,
        status: 'scheduled',
        postedAt: null,
        takenDownAt: null,
      }),
    );
    await this.schedule(ctx, saved, startOfSwedishDay(dates.postedOn));
    await this.audit.record(ctx, { action: 'create', entityType: 'Posting', entityId: saved.id, after: saved });
    return saved;
  }

  /** Up at `upAt` (at once if that has passed), down at the start of the day it is taken down. */
  async schedule(ctx: RequestContext, posting: Posting, upAt: Date): Promise<void> {
    const now = this.clock.now();
    await this.outbox.schedule(ctx, [
      { kind: OUTBOX_KINDS.postingPublish, idempotencyKey: postingPublishKey(posting.id, posting.postedOn), runAt: upAt > now ? upAt : now, payload: { postingId: posting.id } },
      { kind: OUTBOX_KINDS.postingRemove, idempotencyKey: postingRemoveKey(posting.id, posting.takenDownOn), runAt: startOfSwedishDay(posting.takenDownOn), payload: { postingId: posting.id } },
    ]);
  }

  /**
   * Runs a publish or remove job: moves the posting on and closes the outbox row in one transaction.
   * A posting is never taken down before its day, whatever time the job runs.
   */
  async run(outboxId: string, action: 'publish' | 'remove'): Promise<'done' | 'skipped'> {
    return this.dataSource.transaction(async (em) => {
      const [job]: { status: string; payload: { postingId: string } }[] = await em.query(`SELECT status, payload FROM outbox_jobs WHERE id = $1 FOR UPDATE`, [outboxId]);
      if (!job || job.status !== 'pending') return 'skipped';
      const [posting]: Posting[] = await em.getRepository(Posting).find({ where: { id: job.payload.postingId }, lock: { mode: 'pessimistic_write' } });
      const now = this.clock.now();
      if (!posting) throw new Error(`Posting ${job.payload.postingId} of outbox job ${outboxId} does not exist`);
      const ctx = RequestContext.system(em, posting.municipalityId, `outbox:${outboxId}`);
      const before = { ...posting };
      if (action === 'publish' && posting.status === 'scheduled') {
        Object.assign(posting, { status: 'up', postedAt: now });
      } else if (action === 'remove') {
        if (now < startOfSwedishDay(posting.takenDownOn)) throw new Error(`Posting ${posting.id} may not come down before ${posting.takenDownOn}`);
        Object.assign(posting, { status: 'down', postedAt: posting.postedAt ?? now, takenDownAt: now });
      }
      if (posting.status !== before.status) {
        await em.getRepository(Posting).save(posting);
        await this.audit.record(ctx, { action: action === 'publish' ? 'post' : 'take_down', entityType: 'Posting', entityId: posting.id, before, after: posting });
        this.logger.log({ postingId: posting.id, status: posting.status }, action === 'publish' ? 'Posting is up on the notice board' : 'Posting taken down');
      }
      await em.query(`UPDATE outbox_jobs SET status = 'done', attempts = attempts + 1, completed_at = clock_timestamp(), updated_at = now() WHERE id = $1`, [outboxId]);
      return 'done';
    });
  }
}
