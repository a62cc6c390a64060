import { Injectable } from '@nestjs/common';
import { AuditService, Municipality, RequestContext, sha256Hex, swedishDate, TenantRepository } from '@namndrum/core';
import { ActivityPlanView, ActivitySummaryView, DOCX_MEDIA_TYPE, GoalsOverviewView, IndicatorSeriesView, renderActivityPlan, renderActivitySummary, renderGoalsOverview } from '@namndrum/documents';
import { Document, DocumentService, MatterService } from '@namndrum/matters';
import { ActivityPlan, GeneratedGoalReport, GoalActivity, GoalFramework, GoalNode, Indicator, MatterGoalLink } from './entities';
import { GoalQueryService, IndicatorSeries } from './goal-query.service';


/** "1234,5" with the indicator's decimals, the way Swedish tables print numbers. */
export function swedishNumber(value: number, decimals: number): string {
  return new Intl.NumberFormat('sv-SE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true }).format(value).replace(/\u2212/g, '-');
}

/** "SOU och KSF", "KSUF, SOU och VBU". */
export function responsibleList(codes: string[]): string {
  return codes.length <= 1 ? (codes[0] ?? '') : `${codes.slice(0, -1).join(', ')} och ${codes[codes.length - 1]}`;
}

function comparatorText(comparator: string | null): string {
  return { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' }[comparator ?? '='] ?? '';
}

/**
 * The goal reports a matter carries as bilagor, generated from the goal data it is linked to: the
 * overview of goals and indicators with actual values and targets (and a chart per indicator), the
 * department's plan of målaktiviteter, and the group's summary of activities.
 */
@Injectable()
export class GoalReportService {
  constructor(
    private readonly audit: AuditService,
    private readonly matters: MatterService,
    private readonly documents: DocumentService,
    private readonly query: GoalQueryService,
  ) {}

  /** `documentDate` (a historical date) only for system actions such as the seed. */
  async generate(ctx: RequestContext, matterId: string, options: { documentDate?: string } = {}): Promise<Document[]> {
    const documentDate = ctx.actor === null && options.documentDate ? options.documentDate : swedishDate();
    const matter = await this.matters.get(ctx, matterId);
    this.matters.assertOpen(matter);
    const links = await new TenantRepository(ctx, MatterGoalLink, 'Kopplingen').find({ matterId: matter.id }, { order: { createdAt: 'ASC' } });
    const municipality = await ctx.em.getRepository(Municipality).findOneByOrFail({ id: ctx.municipalityId });
    const rendered: { title: string; description: string; view: object; render: () => Promise<Buffer> }[] = [];

    const nodeLinks = links.filter((link) => link.nodeId || link.indicatorId);
    if (nodeLinks.length > 0) {
      const view = await this.overview(ctx, municipality.name, nodeLinks, documentDate);
      rendered.push({ title: view.title, description: 'Verksamhetsmål och resultatmått med utfall och målvärden', view, render: () => renderGoalsOverview(view) });
    }
    for (const link of links.filter((candidate) => candidate.activityPlanId)) {
      const plan = await ctx.em.getRepository(ActivityPlan).findOneByOrFail({ id: link.activityPlanId! });
      const view = await this.activityPlan(ctx, municipality.name, plan);
      rendered.push({ title: view.title, description: 'Plan för målaktiviteter', view, render: () => renderActivityPlan(view) });
      const summary = await this.summary(ctx, municipality.name, plan);
      if (summary) rendered.push({ title: summary.title, description: 'Sammanställning av målaktiviteter i kommunkoncernen', view: summary, render: () => renderActivitySummary(summary) });
    }

    const registered: Document[] = [];
    const generatedRepo = new TenantRepository(ctx, GeneratedGoalReport, 'Målrapporten');
    for (const report of rendered) {
      // The same report from the same data is not registered twice; changed data gives a new document.
      const dataSha256 = sha256Hex(JSON.stringify({ ...report.view, date: undefined }));
      const [same] = await generatedRepo.find({ matterId: matter.id, title: report.title, dataSha256 });
      if (same) {
        registered.push(await this.documents.get(ctx, same.documentId));
        continue;
      }
      const content = await report.render();
      const document = await this.documents.registerGenerated(ctx, matter.id, {
        kind: 'attachment',
        content,
        fileName: `${report.title}.docx`,
        mediaType: DOCX_MEDIA_TYPE,
        title: report.title,
        description: report.description,
        documentDate,
        extractedText: null,
      });
      await generatedRepo.save(generatedRepo.create({ matterId: matter.id, title: report.title, dataSha256, documentId: document.id }));
      registered.push(document);
    }
    await this.audit.record(ctx, { action: 'generate_goal_reports', entityType: 'Matter', entityId: matter.id, after: { documentIds: registered.map((document) => document.id) } });
    return registered;
  }

  private async overview(ctx: RequestContext, municipalityName: string, links: MatterGoalLink[], date: string): Promise<GoalsOverviewView> {
    const framework = await ctx.em.getRepository(GoalFramework).findOneByOrFail({ id: links[0].frameworkId });
    const nodes = await ctx.em.getRepository(GoalNode).find({ where: { frameworkId: framework.id }, order: { ordinal: 'ASC' } });
    const indicators = await ctx.em.getRepository(Indicator).find({ where: { frameworkId: framework.id }, order: { ordinal: 'ASC' }, relations: { nodes: true } });
    const series = new Map((await this.query.seriesOf(ctx, indicators)).map((entry) => [entry.indicatorId, entry]));
    const linkedNodes = nodes.filter((node) => links.some((link) => link.nodeId === node.id));
    const children = (node: GoalNode) => nodes.filter((candidate) => candidate.parentId === node.id);
    const under = (node: GoalNode): Set<string> => new Set([node.id, ...children(node).flatMap((child) => [...under(child)])]);
    const directIndicators = new Set(links.map((link) => link.indicatorId).filter((id): id is string => id !== null));

    const goals = linkedNodes.map((node) => {
      const scope = under(node);
      return {
        title: node.title,
        meaning: node.description,
        workingFor: children(node).map((child) => child.title),
        indicators: indicators.filter((indicator) => indicator.nodes!.some((linked) => scope.has(linked.id))).map((indicator) => this.seriesView(indicator, series.get(indicator.id)!)),
      };
    });
    const loose = indicators.filter((indicator) => directIndicators.has(indicator.id) && !goals.some((goal) => goal.indicators.some((view) => view.name === indicator.name)));
    if (loose.length > 0) goals.push({ title: 'Resultatmått', meaning: null, workingFor: [], indicators: loose.map((indicator) => this.seriesView(indicator, series.get(indicator.id)!)) });

    const all = goals.flatMap((goal) => goal.indicators);
    const allSeries = [...series.values()];
    const targetYears = allSeries.flatMap((entry) => entry.targets.map((target) => target.year));
    const actualYears = [...new Set(allSeries.flatMap((entry) => entry.actuals.map((actual) => actual.year)))].sort();
    const span = (years: number[]) => (years.length === 0 ? [] : Array.from({ length: Math.max(...years) - Math.min(...years) + 1 }, (_, index) => Math.min(...years) + index));
    const used = new Set(all.flatMap((view) => [...view.actuals.flatMap((actual) => actual.footnotes), ...view.targets.flatMap((target) => target.footnotes)]));
    const targetSpan = span(targetYears);
    return {
      municipalityName,
      title: `Övergripande verksamhetsmål och resultatmått med målvärden för perioden ${targetSpan[0] ?? framework.fromYear}–${targetSpan[targetSpan.length - 1] ?? framework.toYear}`,
      date,
      intro: framework.description ? [framework.description] : [],
      actualYears: span(actualYears),
      targetYears: targetSpan,
      goals,
      footnotes: framework.footnotes.filter((footnote) => used.has(footnote.key) || indicators.some((indicator) => indicator.footnotes.includes(footnote.key))),
      includeCharts: true,
    };
  }

  private seriesView(indicator: Indicator, series: IndicatorSeries): IndicatorSeriesView {
    return {
      name: indicator.name,
      unit: indicator.unit,
      decimals: indicator.decimals,
      direction: indicator.direction,
      actuals: series.actuals
        .filter((actual) => actual.asOf === null || !series.actuals.some((other) => other.year === actual.year && other.asOf === null))
        .map((actual) => ({
          year: actual.year,
          value: actual.value,
          display: actual.value === null ? (actual.state ?? '–') : swedishNumber(actual.value, indicator.decimals),
          preliminary: actual.preliminary,
          note: actual.note,
          footnotes: actual.footnotes,
        })),
      targets: series.targets.map((target) => ({
        year: target.year,
        value: target.kind === 'numeric' ? target.value : null,
        display:
          target.kind === 'numeric'
            ? this.numericTarget(indicator, target.comparator, target.value!)
            : target.kind === 'relative'
              ? `${comparatorText(target.comparator)} ${target.relativeToYear ? target.relativeToYear : 'föreg. år'}`
              : target.state!,
        footnotes: target.footnotes,
      })),
      source: series.attribution,
      footnotes: indicator.footnotes,
    };
  }

  /** A target in the indicator's own direction reads as a number (as in the tables); another comparator is shown. */
  private numericTarget(indicator: Indicator, comparator: string | null, value: number): string {
    const natural = (indicator.direction === 'higher_is_better' && comparator === '>=') || (indicator.direction === 'lower_is_better' && comparator === '<=') || comparator === '=';
    const number = swedishNumber(value, indicator.decimals);
    return natural ? number : `${comparatorText(comparator)} ${number}`;
  }

  private async activityPlan(ctx: RequestContext, municipalityName: string, plan: ActivityPlan): Promise<ActivityPlanView> {
    const activities = await ctx.em.getRepository(GoalActivity).find({ where: { planId: plan.id }, order: { number: 'ASC' } });
    const nodes = await ctx.em.getRepository(GoalNode).find({ where: { frameworkId: plan.frameworkId } });
    const indicators = await ctx.em.getRepository(Indicator).find({ where: { frameworkId: plan.frameworkId }, order: { ordinal: 'ASC' } });
    const nodeById = new Map(nodes.map((node) => [node.id, node]));
    const groups = new Map<string, ActivityPlanView['groups'][number]>();
    for (const activity of activities) {
      const key = activity.indicatorId ?? activity.nodeId ?? 'none';
      let group = groups.get(key);
      if (!group) {
        const indicator = indicators.find((candidate) => candidate.id === activity.indicatorId) ?? null;
        const node = activity.nodeId ? nodeById.get(activity.nodeId) : undefined;
        const goal = node?.parentId ? nodeById.get(node.parentId) : undefined;
        const number = indicator ? indicators.indexOf(indicator) + 1 : groups.size + 1;
        group = { number, heading: `${number}. ${node?.title ?? indicator?.name ?? 'Övriga aktiviteter'}`, goal: goal?.title ?? null, workingFor: node?.title ?? null, indicator: indicator?.name ?? null, activities: [] };
        groups.set(key, group);
      }
      group.activities.push({
        number: activity.number,
        responsible: responsibleList(activity.responsible),
        unitOfWork: activity.unitOfWork,
        text: activity.text,
        quantity: activity.quantity,
        unit: activity.unit,
        comment: activity.comment,
      });
    }
    return { municipalityName, title: plan.title, groups: [...groups.values()] };
  }

  private async summary(ctx: RequestContext, municipalityName: string, plan: ActivityPlan): Promise<ActivitySummaryView | null> {
    const framework = await ctx.em.getRepository(GoalFramework).findOneByOrFail({ id: plan.frameworkId });
    const tables = framework.activityCounts.filter((table) => table.year === plan.year);
    if (tables.length === 0) return null;
    const total = (rows: { count: number }[]) => String(rows.reduce((sum, row) => sum + row.count, 0));
    return {
      municipalityName,
      title: `Koncernens samtliga målaktiviteter ${plan.year}`,
      note: tables.find((table) => table.note)?.note ?? null,
      tables: tables.map((table) =>
        table.by === 'indicator'
          ? { heading: 'Antal aktiviteter per arbetsgrupp', columns: ['Nr', 'Arbetsgrupp', 'Antal aktiviteter'], rows: table.rows.map((row, index) => [String(index + 1), row.label, String(row.count)]), total: total(table.rows) }
          : { heading: 'Antal aktiviteter per koncernenhet', columns: ['Nr', 'Koncernenhet', 'Förkortning', 'Antal aktiviteter'], rows: table.rows.map((row, index) => [String(index + 1), row.label, row.department ?? '', String(row.count)]), total: total(table.rows) },
      ),
    };
  }
}
