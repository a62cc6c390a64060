import { Injectable } from '@nestjs/common';
import { AuditService, ConflictError, InvalidInputError, NotFoundError, RequestContext, TenantRepository } from '@namndrum/core';
import { MatterService } from '@namndrum/matters';
import { IsNull } from 'typeorm';
import { GoalLinkDto, LinkMatterDto } from './dto/goals.dto';
import { ActivityPlan, GoalNode, Indicator, MatterGoalLink } from './entities';

/** Which goals, indicators and activity plans a matter reports on, and which matters report on a goal. */
@Injectable()
export class GoalLinkService {
  constructor(
    private readonly audit: AuditService,
    private readonly matters: MatterService,
  ) {}

  private links(ctx: RequestContext): TenantRepository<MatterGoalLink> {
    return new TenantRepository(ctx, MatterGoalLink, 'Kopplingen');
  }

  async link(ctx: RequestContext, matterId: string, dto: LinkMatterDto): Promise<GoalLinkDto> {
    const matter = await this.matters.get(ctx, matterId);
    const targets = [dto.nodeId, dto.indicatorId, dto.activityPlanId].filter((id) => id !== undefined);
    if (targets.length !== 1) {
      throw new InvalidInputError('LINK_TARGET', 'Ange exakt ett av nodeId, indicatorId och activityPlanId', [{ field: 'nodeId', messages: ['exactly one of nodeId, indicatorId, activityPlanId'] }]);
    }
    const target = dto.nodeId
      ? await new TenantRepository(ctx, GoalNode, 'Målet').get(dto.nodeId)
      : dto.indicatorId
        ? await new TenantRepository(ctx, Indicator, 'Resultatmåttet').get(dto.indicatorId)
        : await new TenantRepository(ctx, ActivityPlan, 'Aktivitetsplanen').get(dto.activityPlanId!);
    const values = { matterId: matter.id, frameworkId: target.frameworkId, nodeId: dto.nodeId ?? null, indicatorId: dto.indicatorId ?? null, activityPlanId: dto.activityPlanId ?? null, reportKind: dto.reportKind };
    const existing = await this.links(ctx).find({
      matterId: values.matterId,
      nodeId: values.nodeId ?? IsNull(),
      indicatorId: values.indicatorId ?? IsNull(),
      activityPlanId: values.activityPlanId ?? IsNull(),
      reportKind: values.reportKind,
    });
    if (existing.length > 0) throw new ConflictError('LINK_EXISTS', 'Ärendet är redan kopplat till målet med samma slag av rapport');
    const saved = await this.links(ctx).save(this.links(ctx).create(values));
    await this.audit.record(ctx, { action: 'link', entityType: 'MatterGoalLink', entityId: saved.id, after: saved });
    return (await this.describe(ctx, [saved]))[0];
  }

  async unlink(ctx: RequestContext, linkId: string): Promise<void> {
    const link = await this.links(ctx).get(linkId);
    await this.matters.get(ctx, link.matterId);
    await this.links(ctx).repository.delete({ id: link.id, municipalityId: ctx.municipalityId });
    await this.audit.record(ctx, { action: 'unlink', entityType: 'MatterGoalLink', entityId: link.id, before: link });
  }

  async forMatter(ctx: RequestContext, matterId: string): Promise<GoalLinkDto[]> {
    const matter = await this.matters.get(ctx, matterId);
    return this.describe(ctx, await this.links(ctx).find({ matterId: matter.id }, { order: { createdAt: 'ASC' } }));
  }

  /** The matters that report on a goal node, an indicator or a plan (secret matters only for those with access). */
  async forTarget(ctx: RequestContext, target: { nodeId?: string; indicatorId?: string; activityPlanId?: string }): Promise<GoalLinkDto[]> {
    const links = await this.links(ctx).find(target, { order: { createdAt: 'ASC' } });
    const visible: MatterGoalLink[] = [];
    for (const link of links) {
      // A secret matter the reader may not see is left out, as in the matter lists.
      const seen = await this.matters.get(ctx, link.matterId).then(
        () => true,
        (error: unknown) => {
          if (error instanceof NotFoundError) return false;
          throw error;
        },
      );
      if (seen) visible.push(link);
    }
    return this.describe(ctx, visible);
  }

  private async describe(ctx: RequestContext, links: MatterGoalLink[]): Promise<GoalLinkDto[]> {
    return Promise.all(
      links.map(async (link) => {
        const matter = await this.matters.get(ctx, link.matterId);
        const [targetKind, targetId, targetTitle] = link.nodeId
          ? (['node', link.nodeId, (await ctx.em.getRepository(GoalNode).findOneByOrFail({ id: link.nodeId })).title] as const)
          : link.indicatorId
            ? (['indicator', link.indicatorId, (await ctx.em.getRepository(Indicator).findOneByOrFail({ id: link.indicatorId })).name] as const)
            : (['activity_plan', link.activityPlanId!, (await ctx.em.getRepository(ActivityPlan).findOneByOrFail({ id: link.activityPlanId! })).title] as const);
        return { id: link.id, matterId: matter.id, caseNumber: matter.caseNumber, matterTitle: matter.title, frameworkId: link.frameworkId, targetKind, targetId, targetTitle, reportKind: link.reportKind };
      }),
    );
  }
}
