import { Injectable } from '@nestjs/common';
import { AuditService, ConflictError, InvalidInputError, NotFoundError, RequestContext, swedishDate, TenantRepository } from '@namndrum/core';
import { DepartmentService } from '@namndrum/organisation';
import { In, IsNull } from 'typeorm';
import { RecordAssessmentDto, UpdateActivityDto } from './dto/goals.dto';
import { ActivityPlan, Assessment, GoalActivity, GoalFramework, GoalNode, Indicator, IndicatorTarget, IndicatorValue } from './entities';
import { FrameworkFile, Target } from './format/framework-file';
import { frameworkFileHash, normalizedFileHash, normalizeFrameworkFile, quantityRange } from './format/normalize-framework';
import { FrameworkError, validateFrameworkFile } from './format/validate-framework';
import { workbookImportErrors, type WorkbookReading } from './format/xlsx';
import { BulkColumn, writeRows } from './bulk-rows';
import { yearSpan } from './report-wording';

/** Items by a key, each group in the items' order: one pass, where a filter per key would be quadratic. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** A stored target in the file's shape. */
export function toFileTarget(target: IndicatorTarget): Target {
  const common = { year: target.year, footnotes: target.footnotes, note: target.note };
  switch (target.kind) {
    case 'numeric':
      return { ...common, kind: 'numeric', comparator: target.comparator, value: target.value! };
    case 'relative':
      return { ...common, kind: 'relative', comparator: target.comparator, relativeToYear: target.relativeToYear };
    case 'state':
      return { ...common, kind: 'state', comparator: target.comparator, state: target.state! };
    case 'to_be_set':
      return { ...common, kind: 'to_be_set', text: target.targetText };
  }
}

/** One detail per cell, with every message about it. */
function detailsByCell(errors: FrameworkError[]): { field: string; messages: string[] }[] {
  const byCell = new Map<string, string[]>();
  for (const error of errors) byCell.set(error.path, [...(byCell.get(error.path) ?? []), error.message]);
  return [...byCell].map(([field, messages]) => ({ field, messages }));
}

export interface ImportResult {
  framework: GoalFramework;
  changed: boolean;
}

/**
 * Imports and exports whole goal frameworks in the documented format. An import validates the whole
 * file first and stores nothing when anything is wrong; the same file twice changes nothing; a changed
 * file updates nodes, indicators and plans by key and replaces their values, targets, assessments and
 * activities.
 */
@Injectable()
export class GoalFrameworkService {
  constructor(
    private readonly audit: AuditService,
    private readonly departments: DepartmentService,
  ) {}

  private frameworks(ctx: RequestContext): TenantRepository<GoalFramework> {
    return new TenantRepository(ctx, GoalFramework, 'Styrmodellen');
  }

  list(ctx: RequestContext): Promise<GoalFramework[]> {
    return this.frameworks(ctx).find({}, { order: { fromYear: 'DESC', name: 'ASC' } });
  }

  get(ctx: RequestContext, id: string): Promise<GoalFramework> {
    return this.frameworks(ctx).get(id);
  }

  /**
   * `workbook`: the input was read from an Excel workbook; its own errors are reported with the validation's,
   * every one at its sheet and cell ("Indikatorer!D14").
   */
  async import(ctx: RequestContext, input: unknown, workbook?: WorkbookReading): Promise<ImportResult> {
    const departmentCodes = await this.departmentCodes(ctx);
    const validated = validateFrameworkFile(input, { departments: [...departmentCodes.keys()] });
    if (workbook) {
      const errors = workbookImportErrors(workbook, validated.ok ? [] : validated.errors);
      if (errors.length > 0) throw new InvalidInputError('FRAMEWORK_INVALID', `Arbetsboken innehåller ${errors.length} fel och lästes inte in`, detailsByCell(errors));
    }
    if (!validated.ok) {
      throw new InvalidInputError('FRAMEWORK_INVALID', `Filen innehåller ${validated.errors.length} fel och lästes inte in`, validated.errors.map((error) => ({ field: error.path, messages: [error.message] })));
    }
    const file = normalizeFrameworkFile(validated.file);
    const hash = normalizedFileHash(file);
    const repo = this.frameworks(ctx);
    const existing = await repo.repository.findOne({ where: { municipalityId: ctx.municipalityId, key: file.framework.key }, lock: { mode: 'pessimistic_write' } });
    if (existing && existing.contentSha256 === hash) return { framework: existing, changed: false };

    const f = file.framework;
    const framework = existing ?? repo.create({ key: f.key });
    Object.assign(framework, {
      name: f.name,
      description: f.description,
      fromYear: f.fromYear,
      toYear: f.toYear,
      source: f.source,
      levels: f.levels,
      indicatorLevels: f.indicatorLevels ?? [],
      scales: f.scales,
      assessmentScale: f.assessmentScale,
      footnotes: f.footnotes,
      activityCounts: f.activityCounts,
      contentSha256: hash,
    });
    if (existing) await this.clearReplacedRows(ctx, existing, file);
    const saved = await repo.save(framework);
    const nodeIds = await this.storeNodes(ctx, saved, file);
    const indicatorIds = await this.storeIndicators(ctx, saved, file, nodeIds);
    await this.storeAssessments(ctx, saved, file, nodeIds, indicatorIds);
    await this.storePlans(ctx, saved, file, nodeIds, indicatorIds, departmentCodes);
    await this.audit.record(ctx, { action: existing ? 'reimport' : 'import', entityType: 'GoalFramework', entityId: saved.id, after: { key: saved.key, contentSha256: hash } });
    return { framework: saved, changed: true };
  }

  /**
   * Bedömning recorded in the system (who and when come from the signed-in user and the day). The
   * framework's hash follows the change, so that importing the old file again restores it.
   */
  async recordAssessment(ctx: RequestContext, frameworkId: string, dto: RecordAssessmentDto): Promise<Assessment> {
    const framework = await this.get(ctx, frameworkId);
    if ((dto.nodeId === undefined) === (dto.indicatorId === undefined)) {
      throw new InvalidInputError('ASSESSMENT_SUBJECT', 'Ange antingen ett mål (nodeId) eller ett resultatmått (indicatorId)', [{ field: 'nodeId', messages: ['exactly one of nodeId, indicatorId'] }]);
    }
    if (dto.nodeId) await this.inFramework(ctx, GoalNode, dto.nodeId, framework.id, 'Målet');
    if (dto.indicatorId) await this.inFramework(ctx, Indicator, dto.indicatorId, framework.id, 'Resultatmåttet');
    const scale = framework.scales.find((candidate) => candidate.key === framework.assessmentScale);
    if (!scale || !scale.states.some((state) => state.key === dto.state)) {
      const known = scale ? scale.states.map((state) => state.key).join(', ') : 'styrmodellen saknar bedömningsskala';
      throw new InvalidInputError('UNKNOWN_STATE', `Bedömningen ${dto.state} finns inte på skalan (${known})`, [{ field: 'state', messages: ['not a state of the assessment scale'] }]);
    }
    if (dto.year < framework.fromYear || dto.year > framework.toYear) {
      throw new InvalidInputError('YEAR_OUTSIDE_FRAMEWORK', `Året måste ligga inom ${yearSpan(framework.fromYear, framework.toYear)}`, [{ field: 'year', messages: ['outside the framework'] }]);
    }
    const repo = ctx.em.getRepository(Assessment);
    const subject = { frameworkId: framework.id, nodeId: dto.nodeId ?? IsNull(), indicatorId: dto.indicatorId ?? IsNull(), year: dto.year };
    const existing = await repo.findOne({ where: subject });
    const actor = ctx.actor?.email ?? 'system';
    const before = existing ? { ...existing } : null;
    const assessment = existing ?? repo.create({ municipalityId: ctx.municipalityId, frameworkId: framework.id, nodeId: dto.nodeId ?? null, indicatorId: dto.indicatorId ?? null, year: dto.year, ordinal: await repo.count({ where: { frameworkId: framework.id } }) });
    Object.assign(assessment, { state: dto.state, comment: dto.comment ?? null, assessedBy: actor, assessedOn: swedishDate() });
    const saved = await repo.save(assessment);
    await this.refreshHash(ctx, framework);
    await this.audit.record(ctx, { action: 'assess', entityType: 'Assessment', entityId: saved.id, before, after: saved });
    return saved;
  }

  /** Follow-up of a målaktivitet: its status and comment. */
  async updateActivity(ctx: RequestContext, activityId: string, dto: UpdateActivityDto): Promise<GoalActivity> {
    const activity = await new TenantRepository(ctx, GoalActivity, 'Aktiviteten').get(activityId);
    const plan = await ctx.em.getRepository(ActivityPlan).findOneByOrFail({ id: activity.planId });
    const before = { ...activity };
    if (dto.status !== undefined) activity.status = dto.status;
    if (dto.comment !== undefined) activity.comment = dto.comment;
    const saved = await ctx.em.getRepository(GoalActivity).save(activity);
    await this.refreshHash(ctx, await this.get(ctx, plan.frameworkId));
    await this.audit.record(ctx, { action: 'update', entityType: 'GoalActivity', entityId: saved.id, before, after: saved });
    return saved;
  }

  private async inFramework<T extends { frameworkId: string }>(ctx: RequestContext, entity: new () => T, id: string, frameworkId: string, label: string): Promise<void> {
    const row = (await ctx.em.getRepository(entity).findOne({ where: { id, municipalityId: ctx.municipalityId } as never })) as T | null;
    if (!row || row.frameworkId !== frameworkId) throw new NotFoundError(label);
  }

  private async refreshHash(ctx: RequestContext, framework: GoalFramework): Promise<void> {
    await ctx.em.getRepository(GoalFramework).update({ id: framework.id }, { contentSha256: frameworkFileHash(await this.export(ctx, framework.id)) });
  }

  /** The framework in the import format, equal to the normalized file it was imported from. */
  async export(ctx: RequestContext, id: string): Promise<FrameworkFile> {
    const framework = await this.get(ctx, id);
    const em = ctx.em;
    const nodes = await em.getRepository(GoalNode).find({ where: { frameworkId: id }, order: { ordinal: 'ASC' } });
    const nodeKey = new Map(nodes.map((node) => [node.id, node.key]));
    const indicators = await em.getRepository(Indicator).find({ where: { frameworkId: id }, order: { ordinal: 'ASC' }, relations: { nodes: true } });
    const indicatorKey = new Map(indicators.map((indicator) => [indicator.id, indicator.key]));
    const ids = indicators.map((indicator) => indicator.id);
    const values = ids.length ? await em.getRepository(IndicatorValue).find({ where: { indicatorId: In(ids) }, order: { ordinal: 'ASC' } }) : [];
    const targets = ids.length ? await em.getRepository(IndicatorTarget).find({ where: { indicatorId: In(ids) }, order: { ordinal: 'ASC' } }) : [];
    const assessments = await em.getRepository(Assessment).find({ where: { frameworkId: id }, order: { ordinal: 'ASC' } });
    const plans = await em.getRepository(ActivityPlan).find({ where: { frameworkId: id }, order: { ordinal: 'ASC' }, relations: { department: true } });
    const activities = plans.length ? await em.getRepository(GoalActivity).find({ where: { planId: In(plans.map((plan) => plan.id)) }, order: { number: 'ASC' } }) : [];
    const nodeOrder = new Map(nodes.map((node, index) => [node.id, index]));
    const valuesOf = groupBy(values, (value) => value.indicatorId);
    const targetsOf = groupBy(targets, (target) => target.indicatorId);
    const activitiesOf = groupBy(activities, (activity) => activity.planId);

    return normalizeFrameworkFile({
      formatVersion: 1,
      framework: {
        key: framework.key,
        name: framework.name,
        description: framework.description,
        fromYear: framework.fromYear,
        toYear: framework.toYear,
        source: framework.source,
        levels: framework.levels,
        indicatorLevels: framework.indicatorLevels,
        scales: framework.scales,
        assessmentScale: framework.assessmentScale,
        footnotes: framework.footnotes,
        nodes: nodes.map((node) => ({
          key: node.key,
          level: node.level,
          parent: node.parentId ? nodeKey.get(node.parentId)! : null,
          title: node.title,
          description: node.description,
          ...(node.position === null ? {} : { position: node.position }),
          externalRefs: node.externalRefs,
        })),
        indicators: indicators.map((indicator) => ({
          key: indicator.key,
          name: indicator.name,
          unit: indicator.unit,
          direction: indicator.direction,
          decimals: indicator.decimals,
          description: indicator.description,
          parent: indicator.parentId ? indicatorKey.get(indicator.parentId)! : null,
          nodes: [...(indicator.nodes ?? [])].sort((a, b) => nodeOrder.get(a.id)! - nodeOrder.get(b.id)!).map((node) => node.key),
          scale: indicator.scale,
          koladaKpi: indicator.koladaKpi,
          source: indicator.source,
          footnotes: indicator.footnotes,
          values: (valuesOf.get(indicator.id) ?? []).map((value) => ({ ...value })),
          targets: (targetsOf.get(indicator.id) ?? []).map(toFileTarget),
        })),
        assessments: assessments.map((assessment) => ({
          node: assessment.nodeId ? nodeKey.get(assessment.nodeId)! : null,
          indicator: assessment.indicatorId ? indicatorKey.get(assessment.indicatorId)! : null,
          year: assessment.year,
          state: assessment.state,
          comment: assessment.comment,
          assessedBy: assessment.assessedBy,
          assessedOn: assessment.assessedOn,
        })),
        activityPlans: plans.map((plan) => ({
          key: plan.key,
          department: plan.department!.shortCode,
          year: plan.year,
          title: plan.title,
          activities: (activitiesOf.get(plan.id) ?? []).map((activity) => ({
            number: activity.number,
            text: activity.text,
            quantity: activity.quantity,
            unit: activity.unit,
            responsible: activity.responsible,
            unitOfWork: activity.unitOfWork,
            comment: activity.comment,
            node: activity.nodeId ? nodeKey.get(activity.nodeId)! : null,
            indicator: activity.indicatorId ? indicatorKey.get(activity.indicatorId)! : null,
            status: activity.status,
          })),
        })),
        activityCounts: framework.activityCounts,
      },
    });
  }

  private async departmentCodes(ctx: RequestContext): Promise<Map<string, string>> {
    const page = await this.departments.list(ctx, { page: 1, pageSize: 200 });
    return new Map(page.items.map((department) => [department.shortCode, department.id]));
  }

  /** Nodes by key: updated in place (links from matters keep pointing at them), new ones added, removed ones deleted. */
  /**
   * Before a changed file replaces a framework: refuses to remove a goal, indicator or plan a matter reports on
   * (the matter's bilagor and history name it), and clears the assessments and activities the file replaces, so
   * that a node or indicator the file drops is not held by an activity or assessment that is going anyway.
   */
  private async clearReplacedRows(ctx: RequestContext, framework: GoalFramework, file: FrameworkFile): Promise<void> {
    const kept = {
      node: new Set(file.framework.nodes.map((node) => node.key)),
      indicator: new Set(file.framework.indicators.map((indicator) => indicator.key)),
      plan: new Set(file.framework.activityPlans.map((plan) => plan.key)),
    };
    const links: { case_number: string; node_key: string | null; indicator_key: string | null; plan_key: string | null; target: string }[] = await ctx.em.query(
      `SELECT m.case_number, n.key AS node_key, i.key AS indicator_key, p.key AS plan_key, coalesce(n.title, i.name, p.title) AS target
       FROM matter_goal_links l JOIN matters m ON m.id = l.matter_id
       LEFT JOIN goal_nodes n ON n.id = l.node_id LEFT JOIN indicators i ON i.id = l.indicator_id LEFT JOIN activity_plans p ON p.id = l.activity_plan_id
       WHERE l.framework_id = $1 ORDER BY m.case_number`,
      [framework.id],
    );
    const dropped = links.filter((link) => (link.node_key !== null && !kept.node.has(link.node_key)) || (link.indicator_key !== null && !kept.indicator.has(link.indicator_key)) || (link.plan_key !== null && !kept.plan.has(link.plan_key)));
    if (dropped.length > 0) {
      throw new ConflictError(
        'GOAL_LINKED',
        `Filen tar bort ${dropped.length === 1 ? 'något' : 'sådant'} som ärenden rapporterar om. Ta bort kopplingen i ärendet först, eller behåll nyckeln i filen.`,
        dropped.map((link) => ({
          field: link.node_key ?? link.indicator_key ?? link.plan_key ?? '',
          messages: [`”${link.target}” är kopplat till ärende ${link.case_number}`],
        })),
      );
    }
    await ctx.em.query(`DELETE FROM goal_activities WHERE plan_id IN (SELECT id FROM activity_plans WHERE framework_id = $1)`, [framework.id]);
    await ctx.em.query(`DELETE FROM goal_assessments WHERE framework_id = $1`, [framework.id]);
  }

  private async storeNodes(ctx: RequestContext, framework: GoalFramework, file: FrameworkFile): Promise<Map<string, string>> {
    const nodes = file.framework.nodes;
    const written = await writeRows(
      ctx.em,
      { table: 'goal_nodes', fixed: { municipality_id: ctx.municipalityId, framework_id: framework.id }, columns: NODE_COLUMNS, conflictKey: ['framework_id', 'key'] },
      nodes.map((node, ordinal) => ({
        key: node.key,
        level: node.level,
        title: node.title,
        description: node.description ?? null,
        position: node.position ?? null,
        external_refs: node.externalRefs ?? [],
        ordinal,
      })),
    );
    const ids = new Map(written.map((row) => [row.key, row.id]));
    // Every node's parent in one statement, after all of them exist; a node whose parent is gone from the file loses it.
    await ctx.em.query(
      `UPDATE goal_nodes AS n SET parent_id = p.id FROM jsonb_to_recordset($2::jsonb) AS r(key text, parent text) LEFT JOIN goal_nodes p ON p.framework_id = $1 AND p.key = r.parent
       WHERE n.framework_id = $1 AND n.key = r.key AND n.parent_id IS DISTINCT FROM p.id`,
      [framework.id, JSON.stringify(nodes.map((node) => ({ key: node.key, parent: node.parent })))],
    );
    const removed = await this.removedKeys(ctx, 'goal_nodes', framework.id, ids);
    if (removed.length > 0) {
      await ctx.em.query(`DELETE FROM indicator_nodes WHERE node_id = ANY($1)`, [removed]);
      await ctx.em.query(`UPDATE goal_nodes SET parent_id = NULL WHERE id = ANY($1)`, [removed]);
      await ctx.em.query(`DELETE FROM goal_nodes WHERE id = ANY($1)`, [removed]);
    }
    return ids;
  }

  /** The ids of a framework's rows whose keys the file no longer has. */
  private async removedKeys(ctx: RequestContext, table: 'goal_nodes' | 'indicators' | 'activity_plans', frameworkId: string, kept: Map<string, string>): Promise<string[]> {
    const rows = (await ctx.em.query(`SELECT id FROM ${table} WHERE framework_id = $1 AND NOT (key = ANY($2::text[]))`, [frameworkId, [...kept.keys()]])) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** Indicators by key, as nodes; their node links, values and targets replaced. */
  private async storeIndicators(ctx: RequestContext, framework: GoalFramework, file: FrameworkFile, nodeIds: Map<string, string>): Promise<Map<string, string>> {
    const indicators = file.framework.indicators;
    const tenant = { municipality_id: ctx.municipalityId };
    const written = await writeRows(
      ctx.em,
      { table: 'indicators', fixed: { ...tenant, framework_id: framework.id }, columns: INDICATOR_COLUMNS, conflictKey: ['framework_id', 'key'] },
      indicators.map((indicator, ordinal) => ({
        key: indicator.key,
        name: indicator.name,
        unit: indicator.unit ?? null,
        direction: indicator.direction ?? 'none',
        decimals: indicator.decimals ?? 0,
        description: indicator.description ?? null,
        scale: indicator.scale ?? null,
        kolada_kpi: indicator.koladaKpi ?? null,
        source: indicator.source ?? null,
        footnotes: indicator.footnotes ?? [],
        ordinal,
      })),
    );
    const ids = new Map(written.map((row) => [row.key, row.id]));
    await ctx.em.query(
      `UPDATE indicators AS i SET parent_id = p.id FROM jsonb_to_recordset($2::jsonb) AS r(key text, parent text) LEFT JOIN indicators p ON p.framework_id = $1 AND p.key = r.parent
       WHERE i.framework_id = $1 AND i.key = r.key AND i.parent_id IS DISTINCT FROM p.id`,
      [framework.id, JSON.stringify(indicators.map((indicator) => ({ key: indicator.key, parent: indicator.parent ?? null })))],
    );
    const removed = await this.removedKeys(ctx, 'indicators', framework.id, ids);
    if (removed.length > 0) {
      await ctx.em.query(`UPDATE indicators SET parent_id = NULL WHERE id = ANY($1)`, [removed]);
      await ctx.em.query(`DELETE FROM indicator_nodes WHERE indicator_id = ANY($1)`, [removed]);
      await ctx.em.query(`DELETE FROM indicators WHERE id = ANY($1)`, [removed]);
    }
    const ofFramework = `indicator_id IN (SELECT id FROM indicators WHERE framework_id = $1)`;
    await ctx.em.query(`DELETE FROM indicator_nodes WHERE ${ofFramework}`, [framework.id]);
    await ctx.em.query(`DELETE FROM indicator_values WHERE ${ofFramework}`, [framework.id]);
    await ctx.em.query(`DELETE FROM indicator_targets WHERE ${ofFramework}`, [framework.id]);

    const links: { indicator_id: string; node_id: string }[] = [];
    const values: Record<string, unknown>[] = [];
    const targets: Record<string, unknown>[] = [];
    for (const indicator of indicators) {
      const indicatorId = ids.get(indicator.key)!;
      for (const node of indicator.nodes ?? []) links.push({ indicator_id: indicatorId, node_id: nodeIds.get(node)! });
      indicator.values.forEach((value, ordinal) =>
        values.push({
          indicator_id: indicatorId,
          year: value.year,
          as_of: value.asOf ?? null,
          note: value.note ?? null,
          value: value.value ?? null,
          bound: value.bound ?? null,
          state: value.state ?? null,
          preliminary: value.preliminary ?? false,
          footnotes: value.footnotes ?? [],
          source: value.source ?? null,
          ordinal,
        }),
      );
      indicator.targets.forEach((target, ordinal) =>
        targets.push({
          indicator_id: indicatorId,
          year: target.year,
          kind: target.kind,
          comparator: target.kind === 'to_be_set' ? null : (target.comparator ?? null),
          value: target.kind === 'numeric' ? target.value : null,
          relative_to_year: target.kind === 'relative' ? (target.relativeToYear ?? null) : null,
          state: target.kind === 'state' ? target.state : null,
          target_text: target.kind === 'to_be_set' ? (target.text ?? null) : null,
          note: target.note ?? null,
          footnotes: target.footnotes ?? [],
          ordinal,
        }),
      );
    }
    for (let start = 0; start < links.length; start += 10000) {
      await ctx.em.query(`INSERT INTO indicator_nodes (indicator_id, node_id) SELECT indicator_id, node_id FROM jsonb_to_recordset($1::jsonb) AS l(indicator_id uuid, node_id uuid)`, [
        JSON.stringify(links.slice(start, start + 10000)),
      ]);
    }
    await writeRows(ctx.em, { table: 'indicator_values', fixed: tenant, columns: VALUE_COLUMNS }, values);
    await writeRows(ctx.em, { table: 'indicator_targets', fixed: tenant, columns: TARGET_COLUMNS }, targets);
    return ids;
  }

  private async storeAssessments(ctx: RequestContext, framework: GoalFramework, file: FrameworkFile, nodeIds: Map<string, string>, indicatorIds: Map<string, string>): Promise<void> {
    await writeRows(
      ctx.em,
      { table: 'goal_assessments', fixed: { municipality_id: ctx.municipalityId, framework_id: framework.id }, columns: ASSESSMENT_COLUMNS },
      file.framework.assessments.map((assessment, ordinal) => ({
        node_id: assessment.node ? nodeIds.get(assessment.node)! : null,
        indicator_id: assessment.indicator ? indicatorIds.get(assessment.indicator)! : null,
        year: assessment.year,
        state: assessment.state,
        comment: assessment.comment ?? null,
        assessed_by: assessment.assessedBy ?? null,
        assessed_on: assessment.assessedOn ?? null,
        ordinal,
      })),
    );
  }

  /** Plans by key, as nodes; their activities replaced. */
  private async storePlans(
    ctx: RequestContext,
    framework: GoalFramework,
    file: FrameworkFile,
    nodeIds: Map<string, string>,
    indicatorIds: Map<string, string>,
    departmentIds: Map<string, string>,
  ): Promise<void> {
    const plans = file.framework.activityPlans;
    const written = await writeRows(
      ctx.em,
      { table: 'activity_plans', fixed: { municipality_id: ctx.municipalityId, framework_id: framework.id }, columns: PLAN_COLUMNS, conflictKey: ['framework_id', 'key'] },
      plans.map((plan, ordinal) => ({ key: plan.key, department_id: departmentIds.get(plan.department)!, year: plan.year, title: plan.title, ordinal })),
    );
    const ids = new Map(written.map((row) => [row.key, row.id]));
    await writeRows(
      ctx.em,
      { table: 'goal_activities', fixed: { municipality_id: ctx.municipalityId }, columns: ACTIVITY_COLUMNS },
      plans.flatMap((plan) =>
        plan.activities.map((activity) => {
          const range = quantityRange(activity.quantity ?? null);
          return {
            plan_id: ids.get(plan.key)!,
            number: activity.number,
            text: activity.text,
            quantity: activity.quantity ?? null,
            quantity_min: range?.[0] ?? null,
            quantity_max: range?.[1] ?? null,
            unit: activity.unit ?? null,
            responsible: activity.responsible,
            responsible_department_ids: activity.responsible.map((code) => departmentIds.get(code)!),
            unit_of_work: activity.unitOfWork ?? null,
            comment: activity.comment ?? null,
            node_id: activity.node ? nodeIds.get(activity.node)! : null,
            indicator_id: activity.indicator ? indicatorIds.get(activity.indicator)! : null,
            status: activity.status ?? 'planned',
          };
        }),
      ),
    );
    const removed = await this.removedKeys(ctx, 'activity_plans', framework.id, ids);
    if (removed.length > 0) await ctx.em.query(`DELETE FROM activity_plans WHERE id = ANY($1)`, [removed]);
  }
}

// The columns each import writes, by their names in the migrations (libs/core/src/database/migrations/*Goal*.ts).
const NODE_COLUMNS: BulkColumn[] = [
  { name: 'key', type: 'text' },
  { name: 'level', type: 'text' },
  { name: 'title', type: 'text' },
  { name: 'description', type: 'text' },
  { name: 'position', type: 'integer' },
  { name: 'external_refs', type: 'text[]' },
  { name: 'ordinal', type: 'integer' },
];

const INDICATOR_COLUMNS: BulkColumn[] = [
  { name: 'key', type: 'text' },
  { name: 'name', type: 'text' },
  { name: 'unit', type: 'text' },
  { name: 'direction', type: 'text' },
  { name: 'decimals', type: 'smallint' },
  { name: 'description', type: 'text' },
  { name: 'scale', type: 'text' },
  { name: 'kolada_kpi', type: 'text' },
  { name: 'source', type: 'text' },
  { name: 'footnotes', type: 'text[]' },
  { name: 'ordinal', type: 'integer' },
];

const VALUE_COLUMNS: BulkColumn[] = [
  { name: 'indicator_id', type: 'uuid' },
  { name: 'year', type: 'integer' },
  { name: 'as_of', type: 'date' },
  { name: 'note', type: 'text' },
  { name: 'value', type: 'double precision' },
  { name: 'bound', type: 'text' },
  { name: 'state', type: 'text' },
  { name: 'preliminary', type: 'boolean' },
  { name: 'footnotes', type: 'text[]' },
  { name: 'source', type: 'text' },
  { name: 'ordinal', type: 'integer' },
];

const TARGET_COLUMNS: BulkColumn[] = [
  { name: 'indicator_id', type: 'uuid' },
  { name: 'year', type: 'integer' },
  { name: 'kind', type: 'text' },
  { name: 'comparator', type: 'text' },
  { name: 'value', type: 'double precision' },
  { name: 'relative_to_year', type: 'integer' },
  { name: 'state', type: 'text' },
  { name: 'target_text', type: 'text' },
  { name: 'note', type: 'text' },
  { name: 'footnotes', type: 'text[]' },
  { name: 'ordinal', type: 'integer' },
];

const ASSESSMENT_COLUMNS: BulkColumn[] = [
  { name: 'node_id', type: 'uuid' },
  { name: 'indicator_id', type: 'uuid' },
  { name: 'year', type: 'integer' },
  { name: 'state', type: 'text' },
  { name: 'comment', type: 'text' },
  { name: 'assessed_by', type: 'text' },
  { name: 'assessed_on', type: 'date' },
  { name: 'ordinal', type: 'integer' },
];

const PLAN_COLUMNS: BulkColumn[] = [
  { name: 'key', type: 'text' },
  { name: 'department_id', type: 'uuid' },
  { name: 'year', type: 'integer' },
  { name: 'title', type: 'text' },
  { name: 'ordinal', type: 'integer' },
];

const ACTIVITY_COLUMNS: BulkColumn[] = [
  { name: 'plan_id', type: 'uuid' },
  { name: 'number', type: 'integer' },
  { name: 'text', type: 'text' },
  { name: 'quantity', type: 'text' },
  { name: 'quantity_min', type: 'double precision' },
  { name: 'quantity_max', type: 'double precision' },
  { name: 'unit', type: 'text' },
  { name: 'responsible', type: 'text[]' },
  { name: 'responsible_department_ids', type: 'uuid[]' },
  { name: 'unit_of_work', type: 'text' },
  { name: 'comment', type: 'text' },
  { name: 'node_id', type: 'uuid' },
  { name: 'indicator_id', type: 'uuid' },
  { name: 'status', type: 'text' },
];
