import { Injectable } from '@nestjs/common';
import { RequestContext, TenantRepository } from '@namndrum/core';
import { In } from 'typeorm';
import { evaluateIndicator, Evaluation } from './domain';
import { ActivityPlan, GoalActivity, GoalFramework, GoalNode, Indicator, IndicatorTarget, IndicatorValue } from './entities';

export const KOLADA_SOURCE = 'Kolada';

export interface IndicatorSeries {
  indicatorId: string;
  name: string;
  unit: string | null;
  decimals: number;
  direction: Indicator['direction'];
  actuals: { year: number; asOf: string | null; value: number | null; state: string | null; preliminary: boolean; note: string | null; source: string | null; footnotes: string[] }[];
  targets: { year: number; kind: IndicatorTarget['kind']; comparator: string | null; value: number | null; relativeToYear: number | null; state: string | null; footnotes: string[] }[];
  evaluations: Evaluation[];
  /** "Källa: Kolada" where values come from Kolada. */
  attribution: string | null;
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
      const scale = indicator.scale ? (frameworks.get(indicator.frameworkId)!.scales.find((candidate) => candidate.key === indicator.scale)?.states ?? null) : null;
      // One value per year for evaluation: a whole-year value before one dated within the year.
      const perYear = new Map<number, IndicatorValue>();
      for (const value of own) if (!perYear.has(value.year) || value.asOf === null) perYear.set(value.year, value);
      const evaluated = {
        direction: indicator.direction,
        decimals: indicator.decimals,
        scale,
        values: [...perYear.values()].map((value) => ({ year: value.year, value: value.value, state: value.state, preliminary: value.preliminary })),
        targets: ownTargets.map((target) =>
          target.kind === 'numeric'
            ? { year: target.year, kind: 'numeric' as const, comparator: target.comparator!, value: target.value! }
            : target.kind === 'relative'
              ? { year: target.year, kind: 'relative' as const, comparator: target.comparator!, relativeToYear: target.relativeToYear }
              : { year: target.year, kind: 'state' as const, state: target.state! },
        ),
      };
      return {
        indicatorId: indicator.id,
        name: indicator.name,
        unit: indicator.unit,
        decimals: indicator.decimals,
        direction: indicator.direction,
        actuals: own.map((value) => ({ year: value.year, asOf: value.asOf, value: value.value, state: value.state, preliminary: value.preliminary, note: value.note, source: value.source, footnotes: value.footnotes })),
        targets: ownTargets.map((target) => ({ year: target.year, kind: target.kind, comparator: target.comparator, value: target.value, relativeToYear: target.relativeToYear, state: target.state, footnotes: target.footnotes })),
        evaluations: ownTargets.map((target) => evaluateIndicator(evaluated, target.year)),
        attribution: own.some((value) => value.source === KOLADA_SOURCE) ? 'Källa: Kolada' : null,
      };
    });
  }
}
