import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, AuditService, InvalidInputError, Municipality, OUTBOX_KINDS, OutboxService, RequestContext, TenantRepository } from '@namndrum/core';
import { DataSource, IsNull, Not } from 'typeorm';
import { KoladaImportDto } from './dto/goals.dto';
import { GoalFramework, Indicator, KoladaImport } from './entities';
import { KOLADA_SOURCE } from './goal-query.service';
import { yearSpan } from './report-wording';
import { fetchKoladaValues, KoladaValue } from './kolada/kolada-client';

/**
 * Actual values from Kolada for the indicators that carry a KPI id: requested through the API, run
 * by the worker through the outbox. A year Kolada has a value for is stored as that year's value,
 * marked "Kolada"; a year Kolada answers null for keeps what was there.
 */
@Injectable()
export class KoladaImportService {
  private readonly logger = new Logger(KoladaImportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async request(ctx: RequestContext, frameworkId: string, dto: KoladaImportDto): Promise<KoladaImport> {
    const framework = await new TenantRepository(ctx, GoalFramework, 'Styrmodellen').get(frameworkId);
    const lastYear = new Date().getFullYear() - 1;
    const years = dto.years ?? Array.from({ length: Math.max(0, Math.min(framework.toYear, lastYear) - framework.fromYear + 1) }, (_, index) => framework.fromYear + index);
    const outside = years.filter((year) => year < framework.fromYear || year > framework.toYear);
    if (years.length === 0 || outside.length > 0) {
      throw new InvalidInputError('YEARS_OUTSIDE_FRAMEWORK', `Åren måste ligga inom styrmodellens period ${yearSpan(framework.fromYear, framework.toYear)}`, [{ field: 'years', messages: [`outside: ${outside.join(', ') || 'none given'}`] }]);
    }
    if ((await ctx.em.getRepository(Indicator).count({ where: { frameworkId, koladaKpi: Not(IsNull()) } })) === 0) {
      throw new InvalidInputError('NO_KOLADA_INDICATORS', 'Inget resultatmått i styrmodellen har ett Kolada-id', [{ field: 'frameworkId', messages: ['no indicator with koladaKpi'] }]);
    }
    const repo = new TenantRepository(ctx, KoladaImport, 'Kolada-hämtningen');
    const row = await repo.save(repo.create({ frameworkId, years: [...new Set(years)].sort(), status: 'queued', requestedByUserId: ctx.actorUserId, imported: 0, missing: 0, lastError: null, finishedAt: null }));
    await this.outbox.schedule(ctx, [{ kind: OUTBOX_KINDS.koladaImport, idempotencyKey: `kolada-import:${row.id}`, runAt: new Date(), payload: { koladaImportId: row.id } }]);
    await this.audit.record(ctx, { action: 'kolada_import_requested', entityType: 'KoladaImport', entityId: row.id, after: row });
    return row;
  }

  get(ctx: RequestContext, id: string): Promise<KoladaImport> {
    return new TenantRepository(ctx, KoladaImport, 'Kolada-hämtningen').get(id);
  }

  /** The worker's job. Fetches first, then stores everything in one transaction; a failed fetch stores nothing and is retried. */
  async run(outboxId: string, attempt: number, finalAttempt: boolean): Promise<'done' | 'skipped'> {
    const [job]: { status: string; payload: { koladaImportId: string } }[] = await this.dataSource.query(`SELECT status, payload FROM outbox_jobs WHERE id = $1`, [outboxId]);
    if (!job || job.status !== 'pending') return 'skipped';
    const importRow = await this.dataSource.getRepository(KoladaImport).findOneByOrFail({ id: job.payload.koladaImportId });
    const municipality = await this.dataSource.getRepository(Municipality).findOneByOrFail({ id: importRow.municipalityId });
    const indicators = await this.dataSource.getRepository(Indicator).find({ where: { frameworkId: importRow.frameworkId, koladaKpi: Not(IsNull()) } });
    try {
      const fetched: { indicator: Indicator; values: KoladaValue[] }[] = [];
      for (const indicator of indicators) {
        const values = await fetchKoladaValues({ baseUrl: this.config.KOLADA_BASE_URL, kpi: indicator.koladaKpi!, municipalityId: municipality.code, years: importRow.years });
        fetched.push({ indicator, values });
      }
      await this.dataSource.transaction(async (em) => {
        let imported = 0;
        let missing = 0;
        for (const { indicator, values } of fetched) {
          for (const value of values) {
            if (value.value === null) {
              missing += 1;
              continue;
            }
            const [, changed]: [unknown, number] = await em.query(
              `UPDATE indicator_values SET value = $3, source = $4, preliminary = false, updated_at = now()
                WHERE indicator_id = $1 AND year = $2 AND as_of IS NULL AND (value IS DISTINCT FROM $3 OR source IS DISTINCT FROM $4)`,
              [indicator.id, value.year, value.value, KOLADA_SOURCE],
            );
            const [exists]: { n: number }[] = await em.query(`SELECT count(*)::int AS n FROM indicator_values WHERE indicator_id = $1 AND year = $2 AND as_of IS NULL`, [indicator.id, value.year]);
            if (exists.n === 0) {
              await em.query(
                `INSERT INTO indicator_values (municipality_id, indicator_id, year, value, source, ordinal)
                 VALUES ($1, $2, $3, $4, $5, (SELECT coalesce(max(ordinal), -1) + 1 FROM indicator_values WHERE indicator_id = $2))`,
                [importRow.municipalityId, indicator.id, value.year, value.value, KOLADA_SOURCE],
              );
              imported += 1;
            } else {
              imported += changed;
            }
          }
        }
        await em.update(KoladaImport, { id: importRow.id }, { status: 'done', imported, missing, lastError: null, finishedAt: new Date() });
        await em.query(`UPDATE outbox_jobs SET status = 'done', attempts = attempts + 1, completed_at = clock_timestamp(), updated_at = now() WHERE id = $1`, [outboxId]);
      });
      this.logger.log({ outboxId, koladaImportId: importRow.id, indicators: indicators.length }, 'Kolada import done');
      return 'done';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.dataSource.query(`UPDATE kolada_imports SET last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END, finished_at = CASE WHEN $3 THEN now() ELSE NULL END, updated_at = now() WHERE id = $1`, [importRow.id, message, finalAttempt]);
      await this.dataSource.query(`UPDATE outbox_jobs SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END, updated_at = now() WHERE id = $1`, [outboxId, message, finalAttempt]);
      this.logger.warn({ outboxId, attempt, error: message }, 'Kolada import failed');
      if (finalAttempt) return 'done';
      throw error;
    }
  }
}
