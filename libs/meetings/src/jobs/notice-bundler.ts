import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, Clock, OutboxJobRef, OutboxService, RequestContext } from '@namndrum/core';
import { ConversionError } from '@namndrum/documents';
import { DataSource, EntityManager } from 'typeorm';
import { MeetingNotice } from '../entities';
import { NoticeBundleService, RenderedVersion } from '../notice-bundle.service';
import { dispatchKey, NoticeService } from '../notice.service';

export interface BundleAttempt {
  /** 1 for the first. */
  number: number;
  /** No retry follows a failure of this one. */
  final: boolean;
}

interface OutboxRow {
  municipality_id: string;
  status: string;
  payload: { noticeId: string };
}

/**
 * Renders a notice version's handlingar PDF from the outbox, then lets the version's dispatch go: the notice never
 * leaves without them. The conversion runs outside any transaction (it takes seconds); what it made is stored in one.
 * A failure is recorded on the version for the secretary at every attempt; after the last, the version is held
 * (bundleStatus failed) until the secretary asks again.
 */
@Injectable()
export class NoticeBundler {
  private readonly logger = new Logger(NoticeBundler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notices: NoticeService,
    private readonly bundles: NoticeBundleService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async render(outboxId: string, attempt: BundleAttempt): Promise<{ pages: number } | null> {
    const started = Date.now();
    const rendered = await this.renderPending(outboxId).catch(async (error: unknown) => {
      await this.recordFailure(outboxId, attempt, error);
      if (attempt.final) return null;
      throw error;
    });
    if (rendered === null) return null;
    const dispatch = await this.dataSource.transaction(async (em): Promise<OutboxJobRef[] | null> => {
      const found = await this.load(em, outboxId, true);
      if (!found) return null;
      await this.bundles.store(found.ctx, found.notice, rendered);
      await this.audit.record(found.ctx, {
        action: 'notice_bundle_rendered',
        entityType: 'MeetingNotice',
        entityId: found.notice.id,
        after: { version: found.notice.version, pages: rendered.full.pageCount, sha256: found.notice.bundleSha256, masked: rendered.masked !== null },
      });
      await complete(em, outboxId, 'done', null);
      return (await em.query(`SELECT id, kind, run_at AS "runAt", request_id AS "requestId" FROM outbox_jobs WHERE idempotency_key = $1 AND status = 'pending'`, [dispatchKey(found.notice.id)])) as OutboxJobRef[];
    });
    if (dispatch === null) return null;
    this.logger.log({ outboxId, pages: rendered.full.pageCount, durationMs: Date.now() - started }, 'Notice bundle rendered');
    // The dispatch may have come due while the bundle was being made, and then waited: it goes now.
    await this.outbox.enqueueQuietly(dispatch.map((ref) => ({ ...ref, runAt: new Date(ref.runAt) })));
    return { pages: rendered.full.pageCount };
  }

  /** Reads the version's views in a short transaction and renders them outside it: conversions take seconds and need no locks. */
  private async renderPending(outboxId: string): Promise<RenderedVersion | null> {
    const views = await this.dataSource.transaction(async (em) => {
      const found = await this.load(em, outboxId, false);
      return found ? this.notices.versionViews(found.ctx, found.notice) : null;
    });
    return views ? this.bundles.renderVersion(views) : null;
  }

  /** The pending outbox row's version, or null (and the row done) when there is nothing left to render. */
  private async load(em: EntityManager, outboxId: string, lock: boolean): Promise<{ ctx: RequestContext; notice: MeetingNotice } | null> {
    const [job]: OutboxRow[] = await em.query(`SELECT municipality_id, status, payload FROM outbox_jobs WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [outboxId]);
    if (!job || job.status !== 'pending') return null;
    const ctx = RequestContext.system(em, job.municipality_id, `outbox:${outboxId}`);
    const notice = await em.getRepository(MeetingNotice).findOne({ where: { id: job.payload.noticeId, municipalityId: ctx.municipalityId }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
    // A superseded or withdrawn version is never sent; one already rendered needs nothing more.
    if (!notice || notice.status === 'superseded' || notice.status === 'withdrawn' || notice.bundleStatus === 'ready') {
      await complete(em, outboxId, 'done', null);
      return null;
    }
    return { ctx, notice };
  }

  private async recordFailure(outboxId: string, attempt: BundleAttempt, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const fileName = error instanceof ConversionError ? error.fileName : null;
    this.logger.warn({ outboxId, attempt: attempt.number, final: attempt.final, fileName, error: message }, 'Notice bundle could not be rendered');
    await this.dataSource.transaction(async (em) => {
      const found = await this.load(em, outboxId, true);
      if (!found) return;
      const { ctx, notice } = found;
      notice.bundleError = { fileName, message, attempts: attempt.number, at: this.clock.now().toISOString() };
      if (attempt.final) {
        notice.bundleStatus = 'failed';
        await this.audit.record(ctx, { action: 'notice_bundle_failed', entityType: 'MeetingNotice', entityId: notice.id, after: { version: notice.version, error: notice.bundleError } });
      }
      await em.save(notice);
      await complete(em, outboxId, attempt.final ? 'failed' : 'pending', message);
    });
  }
}

async function complete(em: EntityManager, outboxId: string, status: 'done' | 'failed' | 'pending', error: string | null): Promise<void> {
  await em.query(
    `UPDATE outbox_jobs SET status = $2, attempts = attempts + 1, last_error = $3, completed_at = CASE WHEN $2 = 'pending' THEN NULL ELSE clock_timestamp() END, updated_at = now() WHERE id = $1`,
    [outboxId, status, error],
  );
}
