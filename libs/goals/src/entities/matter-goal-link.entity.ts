import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { Matter } from '@namndrum/matters';
import { ActivityPlan } from './activity-plan.entity';
import { GoalFramework } from './goal-framework.entity';
import { GoalNode } from './goal-node.entity';
import { Indicator } from './indicator.entity';

export const REPORT_KINDS = ['plan', 'follow_up', 'interim_report', 'annual_report'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** A matter reports on a goal node, an indicator or an activity plan (plan, uppföljning, delårsrapport, årsredovisning). */
@Entity('matter_goal_links')
@Check('matter_goal_links_one_target', `num_nonnulls("node_id", "indicator_id", "activity_plan_id") = 1`)
@Index(['matterId'])
export class MatterGoalLink extends TenantEntity {
  @Column('uuid')
  matterId: string;

  @ManyToOne(() => Matter, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'matter_id' })
  matter?: Relation<Matter>;

  @Column('uuid')
  frameworkId: string;

  @ManyToOne(() => GoalFramework, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'framework_id' })
  framework?: Relation<GoalFramework>;

  @Column('uuid', { nullable: true })
  nodeId: string | null;

  @ManyToOne(() => GoalNode, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'node_id' })
  node?: Relation<GoalNode> | null;

  @Column('uuid', { nullable: true })
  indicatorId: string | null;

  @ManyToOne(() => Indicator, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: Relation<Indicator> | null;

  @Column('uuid', { nullable: true })
  activityPlanId: string | null;

  @ManyToOne(() => ActivityPlan, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'activity_plan_id' })
  activityPlan?: Relation<ActivityPlan> | null;

  @Column('text')
  reportKind: ReportKind;
}
