import { Injectable } from '@nestjs/common';
import { AuditService, InvalidInputError, NotFoundError, RequestContext, swedishDate, TenantRepository } from '@namndrum/core';
import { DepartmentService } from '@namndrum/organisation';
import { In, IsNull } from 'typeorm';
import { RecordAssessmentDto, UpdateActivityDto } from './dto/goals.dto';
import { ActivityPlan, Assessment, GoalActivity, GoalFramework, GoalNode, Indicator, IndicatorTarget, IndicatorValue } from './entities';
import { FrameworkFile, Target } from './format/framework-file';
import { frameworkFileHash, normalizeFrameworkFile, quantityRange } from './format/normalize-framework';
import { FrameworkError, validateFrameworkFile } from './format/validate-framework';
import { workbookImportErrors, type WorkbookReading } from './format/xlsx';
import { yearSpan } from './report-wording';

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
    const hash = frameworkFileHash(file);
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
          values: values.filter((value) => value.indicatorId === indicator.id).map((value) => ({ ...value })),
          targets: targets.filter((target) => target.indicatorId === indicator.id).map(toFileTarget),
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
          activities: activities
            .filter((activity) => activity.planId === plan.id)
            .map((activity) => ({
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
  private async storeNodes(ctx: RequestContext, framework: GoalFramework, file: FrameworkFile): Promise<Map<string, string>> {
    const repo = ctx.em.getRepository(GoalNode);
    const existing = new Map((await repo.find({ where: { frameworkId: framework.id } })).map((node) => [node.key, node]));
    const ids = new Map<string, string>();
    for (const [ordinal, node] of file.framework.nodes.entries()) {
      const row = existing.get(node.key) ?? repo.create({ municipalityId: ctx.municipalityId, frameworkId: framework.id, key: node.key });
      Object.assign(row, { level: node.level, parentId: null, title: node.title, description: node.description ?? null, position: node.position ?? null, externalRefs: node.externalRefs ?? [], ordinal });
      ids.set(node.key, (await repo.save(row)).id);
    }
    for (const node of file.framework.nodes) {
      if (node.parent) await repo.update({ id: ids.get(node.key)! }, { parentId: ids.get(node.parent)! });
    }
    const removed = [...existing.values()].filter((node) => !ids.has(node.key)).map((node) => node.id);
    if (removed.length > 0) {
      await ctx.em.query(`DELETE FROM goal_assessments WHERE node_id = ANY($1)`, [removed]);
      await ctx.em.query(`DELETE FROM indicator_nodes WHERE node_id = ANY($1)`, [removed]);
      await ctx.em.query(`UPDATE goal_nodes SET parent_id = NULL WHERE id = ANY($1)`, [removed]);
      await repo.delete({ id: In(removed) });
    }
    return ids;
  }

  private async storeIndicators(ctx: RequestContext, framework: GoalFramework, file: FrameworkFile, nodeIds: Map<string, string>): Promise<Map<string, string>> {
    const repo = ctx.em.getRepository(Indicator);
    const existing = new Map((await repo.find({ where: { frameworkId: framework.id } })).map((indicator) => [indicator.key, indicator]));
    const ids = new Map<string, string>();
    for (const [ordinal, indicator] of file.framework.indicators.entries()) {
      const row = existing.get(indicator.key) ?? repo.create({ municipalityId: ctx.municipalityId, frameworkId: framework.id, key: indicator.key });
      Object.assign(row, {
        name: indicator.name,
        unit: indicator.unit ?? null,
        direction: indicator.direction ?? 'none',
        decimals: indicator.decimals ?? 0,
        description: indicator.description ?? null,
        parentId: null,
        scale: indicator.scale ?? null,
        koladaKpi: indicator.koladaKpi ?? null,
        source: indicator.source ?? null,
        footnotes: indicator.footnotes ?? [],
        ordinal,
      });
      ids.set(indicator.key, (await repo.save(row)).id);
    }
    const all = [...ids.values()];
    const removed = [...existing.values()].filter((indicator) => !ids.has(indicator.key)).map((indicator) => indicator.id);
    if (removed.length > 0) {
      await ctx.em.query(`UPDATE indicators SET parent_id = NULL WHERE id = ANY($1)`, [removed]);
      await ctx.em.query(`DELETE FROM indicator_nodes WHERE indicator_id = ANY($1)`, [removed]);
      await repo.delete({ id: In(removed) });
    }
    await ctx.em.query(`DELETE FROM indicator_nodes WHERE indicator_id = ANY($1)`, [all]);
    await ctx.em.query(`DELETE FROM indicator_values WHERE indicator_id = ANY($1)`, [all]);
    await ctx.em.query(`DELETE FROM indicator_targets WHERE indicator_id = ANY($1)`, [all]);
    const links: { indicator_id: string; node_id: string }[] = [];
    const values: Partial<IndicatorValue>[] = [];
    const targets: Partial<IndicatorTarget>[] = [];
    for (const indicator of file.framework.indicators) {
      const indicatorId = ids.get(indicator.key)!;
      if (indicator.parent) await repo.update({ id: indicatorId }, { parentId: ids.get(indicator.parent)! });
      for (const node of indicator.nodes ?? []) links.push({ indicator_id: indicatorId, node_id: nodeIds.get(node)! });
      indicator.values.forEach((value, ordinal) =>
        values.push({
          municipalityId: ctx.municipalityId,
          indicatorId,
          year: value.year,
          asOf: value.asOf ?? null,
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
          municipalityId: ctx.municipalityId,
          indicatorId,
          year: target.year,
          kind: target.kind,
          comparator: target.kind === 'to_be_set' ? null : (target.comparator ?? null),
          value: target.kind === 'numeric' ? target.value : null,
          relativeToYear: target.kind === 'relative' ? (target.relativeToYear ?? null) : null,
          state: target.kind === 'state' ? target.state : null,
          targetText: target.kind === 'to_be_set' ? (target.text ?? null) : null,
          note: target.note ?? null,
          footnotes: target.footnotes ?? [],
          ordinal,
        }),
      );
    }
    if (links.length > 0) {
      await ctx.em.query(`INSERT INTO indicator_nodes (indicator_id, node_id) SELECT indicator_id, node_id FROM jsonb_to_recordset($1::jsonb) AS l(indicator_id uuid, node_id uuid)`, [JSON.stringify(links)]);
    }
    await ctx.em.getRepository(IndicatorValue).save(values, { chunk: 500 });
    await ctx.em.getRepository(IndicatorTarget).save(targets, { chunk: 500 });
    return ids;
  }

  private async storeAssessments(ctx: RequestContext, framework: GoalFramework, file: FrameworkFile, nodeIds: Map<string, string>, indicatorIds: Map<string, string>): Promise<void> {
    await ctx.em.getRepository(Assessment).delete({ frameworkId: framework.id });
    await ctx.em.getRepository(Assessment).save(
      file.framework.assessments.map((assessment, ordinal) => ({
        municipalityId: ctx.municipalityId,
        frameworkId: framework.id,
        nodeId: assessment.node ? nodeIds.get(assessment.node)! : null,
        indicatorId: assessment.indicator ? indicatorIds.get(assessment.indicator)! : null,
        year: assessment.year,
        state: assessment.state,
        comment: assessment.comment ?? null,
        assessedBy: assessment.assessedBy ?? null,
        assessedOn: assessment.assessedOn ?? null,
        ordinal,
      })),
    );
  }

  private async storePlans(
    ctx: RequestContext,
    framework: GoalFramework,
    file: FrameworkFile,
    nodeIds: Map<string, string>,
    indicatorIds: Map<string, string>,
    departmentIds: Map<string, string>,
  ): Promise<void> {
    const repo = ctx.em.getRepository(ActivityPlan);
    const existing = new Map((await repo.find({ where: { frameworkId: framework.id } })).map((plan) => [plan.key, plan]));
    const kept = new Set<string>();
    for (const [ordinal, plan] of file.framework.activityPlans.entries()) {
      const row = existing.get(plan.key) ?? repo.create({ municipalityId: ctx.municipalityId, frameworkId: framework.id, key: plan.key });
      Object.assign(row, { departmentId: departmentIds.get(plan.department)!, year: plan.year, title: plan.title, ordinal });
      const saved = await repo.save(row);
      kept.add(plan.key);
      await ctx.em.getRepository(GoalActivity).delete({ planId: saved.id });
      await ctx.em.getRepository(GoalActivity).save(
        plan.activities.map((activity) => {
          const range = quantityRange(activity.quantity ?? null);
          return {
            municipalityId: ctx.municipalityId,
            planId: saved.id,
            number: activity.number,
            text: activity.text,
            quantity: activity.quantity ?? null,
            quantityMin: range?.[0] ?? null,
            quantityMax: range?.[1] ?? null,
            unit: activity.unit ?? null,
            responsible: activity.responsible,
            responsibleDepartmentIds: activity.responsible.map((code) => departmentIds.get(code)!),
            unitOfWork: activity.unitOfWork ?? null,
            comment: activity.comment ?? null,
            nodeId: activity.node ? nodeIds.get(activity.node)! : null,
            indicatorId: activity.indicator ? indicatorIds.get(activity.indicator)! : null,
            status: activity.status ?? 'planned',
          };
        }),
        { chunk: 500 },
      );
    }
    const removed = [...existing.values()].filter((plan) => !kept.has(plan.key)).map((plan) => plan.id);
    if (removed.length > 0) await repo.delete({ id: In(removed) });
  }
}
