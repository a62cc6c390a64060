import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { RequestContext } from '@namndrum/core';
import { ActivityPlan, GoalFramework, GoalFrameworkService, GoalLinkService, GoalNode, GoalReportService, Indicator, MatterGoalLink } from '@namndrum/goals';
import { Document } from '@namndrum/matters';
import { In } from 'typeorm';
import { GoalsSeedData } from './seed-data';
import { SEED_DATA_DIR } from './seed-paths';

/**
 * Loads goal frameworks through the same import as a user's file, and links the matters that report
 * on them; their goal reports are generated from the data (called while the matter is seeded, before
 * its tjänsteskrivelse is signed, so that the report can list them as bilagor).
 */
@Injectable()
export class GoalsSeedService {
  constructor(
    private readonly frameworks: GoalFrameworkService,
    private readonly links: GoalLinkService,
    private readonly reports: GoalReportService,
  ) {}

  async loadFrameworks(ctx: RequestContext, data: GoalsSeedData, count: (what: string) => void): Promise<void> {
    for (const path of data.frameworks) {
      const file: unknown = JSON.parse(readFileSync(join(SEED_DATA_DIR, path), 'utf8'));
      const result = await this.frameworks.import(ctx, file);
      if (result.changed) count('goalFrameworks');
    }
  }

  /** Links the matter and generates its goal reports; returns them for the tjänsteskrivelse's bilagor. */
  async reportsFor(ctx: RequestContext, data: GoalsSeedData, matterKey: string, matterId: string, count: (what: string) => void): Promise<Document[]> {
    const config = data.matterLinks.find((link) => link.matter === matterKey);
    if (!config) return [];
    const framework = await ctx.em.getRepository(GoalFramework).findOneByOrFail({ municipalityId: ctx.municipalityId, key: config.framework });
    const nodes = config.nodesAtLevel ? await ctx.em.getRepository(GoalNode).find({ where: { frameworkId: framework.id, level: config.nodesAtLevel }, order: { ordinal: 'ASC' } }) : [];
    const all = await ctx.em.getRepository(GoalNode).find({ where: { frameworkId: framework.id } });
    const scope = new Set<string>();
    const collect = (id: string) => {
      scope.add(id);
      for (const child of all.filter((node) => node.parentId === id)) collect(child.id);
    };
    nodes.forEach((node) => collect(node.id));
    const indicators = config.indicatorsOfThoseNodes
      ? (await ctx.em.getRepository(Indicator).find({ where: { frameworkId: framework.id }, order: { ordinal: 'ASC' }, relations: { nodes: true } })).filter((indicator) => indicator.nodes!.some((node) => scope.has(node.id)))
      : [];
    const plans = config.activityPlans.length ? await ctx.em.getRepository(ActivityPlan).find({ where: { frameworkId: framework.id, key: In(config.activityPlans) }, order: { ordinal: 'ASC' } }) : [];

    const existing = await ctx.em.getRepository(MatterGoalLink).find({ where: { matterId } });
    const has = (field: 'nodeId' | 'indicatorId' | 'activityPlanId', id: string) => existing.some((link) => link[field] === id && link.reportKind === config.reportKind);
    for (const node of nodes) if (!has('nodeId', node.id)) await this.links.link(ctx, matterId, { nodeId: node.id, reportKind: config.reportKind });
    for (const indicator of indicators) if (!has('indicatorId', indicator.id)) await this.links.link(ctx, matterId, { indicatorId: indicator.id, reportKind: config.reportKind });
    for (const plan of plans) if (!has('activityPlanId', plan.id)) await this.links.link(ctx, matterId, { activityPlanId: plan.id, reportKind: config.reportKind });
    const documents = await this.reports.generate(ctx, matterId, { documentDate: config.reportsDated });
    documents.forEach(() => count('goalReports'));
    return documents;
  }
}
