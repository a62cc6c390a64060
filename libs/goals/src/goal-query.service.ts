import { Injectable } from '@nestjs/common';
import { RequestContext, TenantRepository } from '@namndrum/core';
import { In } from 'typeorm';
import { effectiveNodeKeys, evaluateIndicator, EvaluatedIndicator, EvaluatedTarget, Evaluation, Outcome, OUTCOME_LABELS, rollUp } from './domain';
import type { Bound, Comparator } from './format/framework-file';
import { scaleStates } from './format/scales';
import { ActivityPlan, Assessment, GoalActivity, GoalFramework, GoalNode, Indicator, IndicatorTarget, IndicatorValue } from './entities';

export const KOLADA_SOURCE = 'Kolada';

export interface IndicatorSeries {
  indicatorId: string;
  name: string;
  unit: string | null;
  decimals: number;
  direction: Indicator['direction'];
  actuals: { year: number; asOf: string | null; value: number | null; bound: Bound | null; state: string | null; preliminary: boolean; note: string | null; source: string | null; footnotes: string[] }[];
  targets: { year: number; kind: IndicatorTarget['kind']; comparator: Comparator | null; value: number | null; relativeToYear: number | null; state: string | null; text: string | null; footnotes: string[] }[];
  evaluations: Evaluation[];
  /** "Källa: Kolada" where values come from Kolada. */
  attribution: string | null;
}

export interface NodeEvaluation {
  nodeId: string;
  title: string;
  year: number;
  outcome: Outcome;
  outcomeLabel: string;
  indicators: { indicatorId: string; name: string; outcome: Outcome; explanation: string }[];
  assessment: { state: string; label: string; assessedBy: string | null; assessedOn: string | null; comment: string | null } | null;
}

/** Reads of a framework for the web app: the tree, the indicators with their series, the plans. */
@Injectable()
export class GoalQueryService {
  async nodes(ctx: RequestContext, frameworkId: string): Promise<GoalNode[]> {
    await new TenantRepository(ctx, GoalFramework, 'Styrmodellen').get(frameworkId);
    return new TenantRepository(ctx, GoalNode, 'Målet').find({ frameworkId }, { order: { ordinal: 'ASC' } });
  }

  async indicators(ctx: RequestContext, frameworkId: string): Promise<Indicator[]> {
    await new TenantRepository(ctx, GoalFramework, 'Styrmodellen').get(frameworkId);
    return new TenantRepository(ctx, Indicator, 'Resultatmåttet').find({ frameworkId }, { order: { ordinal: 'ASC' } });
  }

  async plans(ctx: RequestContext, frameworkId: string): Promise<ActivityPlan[]> {
    await new TenantRepository(ctx, GoalFramework, 'Styrmodellen').get(frameworkId);
    return new TenantRepository(ctx, ActivityPlan, 'Aktivitetsplanen').find({ frameworkId }, { order: { ordinal: 'ASC' } });
  }

  async activities(ctx: RequestContext, planId: string): Promise<GoalActivity[]> {
    await new TenantRepository(ctx, ActivityPlan, 'Aktivitetsplanen').get(planId);
    return new TenantRepository(ctx, GoalActivity, 'Aktiviteten').find({ planId }, { order: { number: 'ASC' } });
  }

  /**
   * How a goal stands for a year: its indicators (and those of the goals under it) evaluated against
   * their targets and rolled up, beside the recorded assessment on the framework's verbal scale.
   */
  async nodeEvaluation(ctx: RequestContext, nodeId: string, year: number): Promise<NodeEvaluation> {
    const node = await new TenantRepository(ctx, GoalNode, 'Målet').get(nodeId);
    const framework = await ctx.em.getRepository(GoalFramework).findOneByOrFail({ id: node.frameworkId });
    const nodes = await ctx.em.getRepository(GoalNode).find({ where: { frameworkId: node.frameworkId } });
    const scope = new Set<string>();
    const collect = (id: string) => {
      scope.add(id);
      nodes.filter((candidate) => candidate.parentId === id).forEach((child) => collect(child.id));
    };
    collect(node.id);
    const all = await ctx.em.getRepository(Indicator).find({ where: { frameworkId: node.frameworkId }, order: { ordinal: 'ASC' }, relations: { nodes: true } });
    const measured = measuredNodes(all);
    const indicators = all.filter((indicator) => measured.get(indicator.id)!.some((id) => scope.has(id)));
    const series = await this.seriesOf(ctx, indicators);
    const evaluated = series.map((entry) => ({ indicatorId: entry.indicatorId, name: entry.name, evaluation: evaluateIndicator(this.evaluable(entry, framework, indicators.find((indicator) => indicator.id === entry.indicatorId)!), year) }));
    const outcome = rollUp(evaluated.map((entry) => entry.evaluation.outcome));
    const assessment = await ctx.em.getRepository(Assessment).findOne({ where: { nodeId: node.id, year } });
    const scale = framework.scales.find((candidate) => candidate.key === framework.assessmentScale);
    return {
      nodeId: node.id,
      title: node.title,
      year,
      outcome,
      outcomeLabel: OUTCOME_LABELS[outcome],
      indicators: evaluated.map((entry) => ({ indicatorId: entry.indicatorId, name: entry.name, outcome: entry.evaluation.outcome, explanation: entry.evaluation.explanation })),
      assessment: assessment
        ? { state: assessment.state, label: scale?.states.find((state) => state.key === assessment.state)?.label ?? assessment.state, assessedBy: assessment.assessedBy, assessedOn: assessment.assessedOn, comment: assessment.comment }
        : null,
    };
  }

  /** The chart data of an indicator: actual values and targets per year, and whether each target is met. */
  async series(ctx: RequestContext, indicatorId: string): Promise<IndicatorSeries> {
    const indicator = await new TenantRepository(ctx, Indicator, 'Resultatmåttet').get(indicatorId);
    return (await this.seriesOf(ctx, [indicator]))[0];
  }

  async seriesOf(ctx: RequestContext, indicators: Indicator[]): Promise<IndicatorSeries[]> {
    if (indicators.length === 0) return [];
    const ids = indicators.map((indicator) => indicator.id);
    const values = await ctx.em.getRepository(IndicatorValue).find({ where: { indicatorId: In(ids) }, order: { year: 'ASC', ordinal: 'ASC' } });
    const targets = await ctx.em.getRepository(IndicatorTarget).find({ where: { indicatorId: In(ids) }, order: { year: 'ASC' } });
    const frameworks = new Map<string, GoalFramework>();
    for (const indicator of indicators) {
      if (!frameworks.has(indicator.frameworkId)) frameworks.set(indicator.frameworkId, await ctx.em.getRepository(GoalFramework).findOneByOrFail({ id: indicator.frameworkId }));
    }
    return indicators.map((indicator) => {
      const own = values.filter((value) => value.indicatorId === indicator.id);
      const ownTargets = targets.filter((target) => target.indicatorId === indicator.id);
      const partial = {
        actuals: own.map((value) => ({ year: value.year, asOf: value.asOf, value: value.value, bound: value.bound, state: value.state, preliminary: value.preliminary, note: value.note, source: value.source, footnotes: value.footnotes })),
        targets: ownTargets.map((target) => ({
          year: target.year,
          kind: target.kind,
          comparator: target.comparator,
          value: target.value,
          relativeToYear: target.relativeToYear,
          state: target.state,
          text: target.targetText,
          footnotes: target.footnotes,
        })),
      };
      const evaluated = this.evaluable(partial, frameworks.get(indicator.frameworkId)!, indicator);
      return {
        indicatorId: indicator.id,
        name: indicator.name,
        unit: indicator.unit,
        decimals: indicator.decimals,
        direction: indicator.direction,
        ...partial,
        evaluations: ownTargets.map((target) => evaluateIndicator(evaluated, target.year)),
        attribution: own.some((value) => value.source === KOLADA_SOURCE) ? 'Källa: Kolada' : null,
      };
    });
  }

  /** The evaluation's view of an indicator: one value per year (a whole-year value before one dated within the year). */
  private evaluable(series: Pick<IndicatorSeries, 'actuals' | 'targets'>, framework: GoalFramework, indicator: Indicator): EvaluatedIndicator {
    const definition = indicator.scale ? framework.scales.find((candidate) => candidate.key === indicator.scale) : undefined;
    const scale = definition ? scaleStates(definition) : null;
    const perYear = new Map<number, IndicatorSeries['actuals'][number]>();
    for (const value of series.actuals) if (!perYear.has(value.year) || value.asOf === null) perYear.set(value.year, value);
    return {
      direction: indicator.direction,
      decimals: indicator.decimals,
      scale,
      values: [...perYear.values()].map((value) => ({ year: value.year, value: value.value, bound: value.bound, state: value.state, preliminary: value.preliminary })),
      targets: series.targets.map((target): EvaluatedTarget => {
        switch (target.kind) {
          case 'numeric':
            return { year: target.year, kind: 'numeric', comparator: target.comparator, value: target.value! };
          case 'relative':
            return { year: target.year, kind: 'relative', comparator: target.comparator, relativeToYear: target.relativeToYear };
          case 'state':
            return { year: target.year, kind: 'state', comparator: target.comparator, state: target.state! };
          case 'to_be_set':
            return { year: target.year, kind: 'to_be_set', text: target.text };
        }
      }),
    };
  }
}

/** The ids of the goal nodes each indicator measures, a sub-measure without goals of its own counting toward its parent's. */
export function measuredNodes(indicators: Indicator[]): Map<string, string[]> {
  return effectiveNodeKeys(indicators.map((indicator) => ({ key: indicator.id, parent: indicator.parentId, nodes: (indicator.nodes ?? []).map((node) => node.id) })));
}
