import { Injectable } from '@nestjs/common';
import { AuditService, Municipality, RequestContext, sha256Hex, swedishDate, TenantRepository } from '@namndrum/core';
import { ActivityPlanView, ActivitySummaryView, DOCX_MEDIA_TYPE, GoalsOverviewView, IndicatorSeriesView, renderActivityPlan, renderActivitySummary, renderGoalsOverview } from '@namndrum/documents';
import { Document, DocumentService, MatterService } from '@namndrum/matters';
import { ActivityPlan, GeneratedGoalReport, GoalActivity, GoalFramework, GoalNode, Indicator, MatterGoalLink } from './entities';
import { COMPARATOR_SYMBOLS } from './domain';
import { scaleStates } from './format/scales';
import { GoalQueryService, IndicatorSeries, measuredNodes } from './goal-query.service';
import { DEFAULT_INDICATOR_TIER, inSentence, swedishPlural, workingForHeading, yearSpan } from './report-wording';


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

/** A relative target's comparator when it names none: the direction's (as the evaluation takes it). */
const RELATIVE_DEFAULT_COMPARATORS: Record<Indicator['direction'], string | null> = { higher_is_better: '>=', lower_is_better: '<=', none: null };

/** What the overview needs to know of the framework to print an indicator. */
interface FrameworkWords {
  framework: GoalFramework;
  /** The indicator tier names, top first; "Resultatmått" when the framework names none. */
  tiers: string[];
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
      const { view, description } = await this.overview(ctx, municipality.name, nodeLinks, documentDate);
      rendered.push({ title: view.title, description, view, render: () => renderGoalsOverview(view) });
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

  private async overview(ctx: RequestContext, municipalityName: string, links: MatterGoalLink[], date: string): Promise<{ view: GoalsOverviewView; description: string }> {
    const framework = await ctx.em.getRepository(GoalFramework).findOneByOrFail({ id: links[0].frameworkId });
    const nodes = await ctx.em.getRepository(GoalNode).find({ where: { frameworkId: framework.id }, order: { ordinal: 'ASC' } });
    const indicators = await ctx.em.getRepository(Indicator).find({ where: { frameworkId: framework.id }, order: { ordinal: 'ASC' }, relations: { nodes: true } });
    const series = new Map((await this.query.seriesOf(ctx, indicators)).map((entry) => [entry.indicatorId, entry]));
    const measured = measuredNodes(indicators);
    const linkedNodes = nodes.filter((node) => links.some((link) => link.nodeId === node.id));
    const children = (node: GoalNode) => nodes.filter((candidate) => candidate.parentId === node.id);
    const under = (node: GoalNode): Set<string> => new Set([node.id, ...children(node).flatMap((child) => [...under(child)])]);
    const directIndicators = new Set(links.map((link) => link.indicatorId).filter((id): id is string => id !== null));
    const words: FrameworkWords = { framework, tiers: framework.indicatorLevels.length > 0 ? framework.indicatorLevels.map((level) => level.name) : [DEFAULT_INDICATOR_TIER] };
    const levelName = (key: string | undefined) => framework.levels.find((level) => level.key === key)?.name ?? null;

    /** The indicators given, each with its sub-measures among them nested under it (a sub-measure measures its parent's goals). */
    const nested = (chosen: Indicator[], depth = 0): IndicatorSeriesView[] =>
      chosen
        .filter((indicator) => depth > 0 || !chosen.some((candidate) => candidate.id === indicator.parentId))
        .map((indicator) => {
          const view = this.seriesView(indicator, series.get(indicator.id)!, words, depth);
          const subs = indicators.filter((candidate) => candidate.parentId === indicator.id && chosen.includes(candidate));
          return subs.length > 0 ? { ...view, subMeasures: nested(subs, depth + 1) } : view;
        });
    const shown = new Set<string>();
    const goals = linkedNodes.map((node) => {
      const scope = under(node);
      const chosen = indicators.filter((indicator) => measured.get(indicator.id)!.some((id) => scope.has(id)));
      chosen.forEach((indicator) => shown.add(indicator.id));
      return { title: node.title, meaning: node.description, workingFor: children(node).map((child) => child.title), indicators: nested(chosen) };
    });
    const tierPlural = swedishPlural(words.tiers[0]);
    const loose = indicators.filter((indicator) => directIndicators.has(indicator.id) && !shown.has(indicator.id));
    if (loose.length > 0) goals.push({ title: tierPlural, meaning: null, workingFor: [], indicators: nested(loose) });

    const flatten = (views: IndicatorSeriesView[]): IndicatorSeriesView[] => views.flatMap((view) => [view, ...flatten(view.subMeasures ?? [])]);
    const all = goals.flatMap((goal) => flatten(goal.indicators));
    const allSeries = [...series.values()];
    const targetYears = allSeries.flatMap((entry) => entry.targets.map((target) => target.year));
    const actualYears = [...new Set(allSeries.flatMap((entry) => entry.actuals.map((actual) => actual.year)))].sort();
    const span = (years: number[]) => (years.length === 0 ? [] : Array.from({ length: Math.max(...years) - Math.min(...years) + 1 }, (_, index) => Math.min(...years) + index));
    const used = new Set(all.flatMap((view) => [...view.actuals.flatMap((actual) => actual.footnotes), ...view.targets.flatMap((target) => target.footnotes)]));
    const targetSpan = span(targetYears);
    const from = targetSpan[0] ?? framework.fromYear;
    const to = targetSpan[targetSpan.length - 1] ?? framework.toYear;

    // The goals' level ("Verksamhetsmål", "Strategiskt mål"): the linked goals', or that of the goals the linked indicators measure.
    const firstMeasured = indicators.find((indicator) => directIndicators.has(indicator.id));
    const goalLevel =
      levelName(linkedNodes[0]?.level) ?? levelName(nodes.find((node) => firstMeasured && measured.get(firstMeasured.id)!.includes(node.id))?.level) ?? 'Mål';
    const childLevel = levelName(linkedNodes.flatMap(children)[0]?.level);
    const goalPlural = swedishPlural(goalLevel);
    const view: GoalsOverviewView = {
      municipalityName,
      title: `Övergripande ${inSentence(goalPlural)} och ${inSentence(tierPlural)} med målvärden för ${from === to ? '' : 'perioden '}${yearSpan(from, to)}`,
      date,
      intro: framework.description ? [framework.description] : [],
      actualYears: span(actualYears),
      targetYears: targetSpan,
      goals,
      footnotes: framework.footnotes.filter((footnote) => used.has(footnote.key) || indicators.some((indicator) => indicator.footnotes.includes(footnote.key))),
      includeCharts: true,
      headings: {
        workingFor: childLevel === null ? 'Det här jobbar vi särskilt för' : workingForHeading(childLevel),
        indicators: `${tierPlural} och målvärden`,
        indicatorColumn: words.tiers[0],
      },
    };
    return { view, description: `${goalPlural} och ${inSentence(tierPlural)} med utfall och målvärden` };
  }

  private seriesView(indicator: Indicator, series: IndicatorSeries, words: FrameworkWords, depth: number): IndicatorSeriesView {
    // An ordinal indicator prints its states' labels (never their keys) and is drawn with the states as the steps of its axis.
    const definition = indicator.scale ? words.framework.scales.find((scale) => scale.key === indicator.scale) : undefined;
    const states = definition ? [...scaleStates(definition)].sort((a, b) => a.rank - b.rank) : null;
    const step = (key: string | null) => (states === null || key === null ? null : states.findIndex((state) => state.key === key));
    const label = (key: string | null) => (key === null ? null : (states?.find((state) => state.key === key)?.label ?? key));
    return {
      name: indicator.name,
      unit: indicator.unit,
      decimals: indicator.decimals,
      direction: indicator.direction,
      actuals: series.actuals
        .filter((actual) => actual.asOf === null || !series.actuals.some((other) => other.year === actual.year && other.asOf === null))
        .map((actual) => ({
          year: actual.year,
          value: states !== null ? step(actual.state) : actual.value,
          display:
            actual.value === null
              ? (label(actual.state) ?? '–')
              : `${actual.bound ? `${COMPARATOR_SYMBOLS[actual.bound]} ` : ''}${swedishNumber(actual.value, indicator.decimals)}`,
          preliminary: actual.preliminary,
          note: actual.note,
          footnotes: actual.footnotes,
        })),
      targets: series.targets.map((target) => {
        // State and unset targets read as the evaluation prints them ("Delvis", "bättre än Delvis", ">Xx st", "ej fastställt").
        const evaluated = series.evaluations.find((evaluation) => evaluation.year === target.year)?.target ?? null;
        return {
          year: target.year,
          value: target.kind === 'numeric' ? target.value : target.kind === 'state' && states !== null ? step(target.state) : null,
          display:
            target.kind === 'numeric'
              ? this.numericTarget(indicator, target.comparator, target.value!)
              : target.kind === 'relative'
                ? `${comparatorText(target.comparator ?? RELATIVE_DEFAULT_COMPARATORS[indicator.direction])} ${target.relativeToYear ? target.relativeToYear : 'föreg. år'}`
                : target.kind === 'state'
                  ? (evaluated ?? label(target.state) ?? '')
                  : (evaluated ?? target.text ?? 'ej fastställt'),
          footnotes: target.footnotes,
        };
      }),
      source: series.attribution,
      footnotes: indicator.footnotes,
      scaleLabels: states?.map((state) => state.label) ?? null,
      tierName: words.tiers[Math.min(depth, words.tiers.length - 1)],
    };
  }

  /** A target in the indicator's own direction reads as a number (as in the tables); another comparator is shown. */
  private numericTarget(indicator: Indicator, comparator: string | null, value: number): string {
    // An omitted comparator is the direction's own, so it reads as the number alone too.
    const natural = comparator === null || (indicator.direction === 'higher_is_better' && comparator === '>=') || (indicator.direction === 'lower_is_better' && comparator === '<=') || comparator === '=';
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
    // The lines name the framework's own level and tier ("Vi jobbar för att", "Resultatmått" in Ludvika's plans).
    const framework = await ctx.em.getRepository(GoalFramework).findOneByOrFail({ id: plan.frameworkId });
    const workingForLevel = activities.map((activity) => (activity.nodeId ? nodeById.get(activity.nodeId)?.level : undefined)).find((level) => level !== undefined);
    const lineLabels = {
      goal: 'Mål',
      workingFor: framework.levels.find((level) => level.key === workingForLevel)?.name ?? 'Vi jobbar för att',
      indicator: framework.indicatorLevels[0]?.name ?? DEFAULT_INDICATOR_TIER,
    };
    return { municipalityName, title: plan.title, groups: [...groups.values()], lineLabels };
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
