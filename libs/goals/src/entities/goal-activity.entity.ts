import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { ActivityPlan } from './activity-plan.entity';
import { GoalNode } from './goal-node.entity';
import { Indicator } from './indicator.entity';

export const ACTIVITY_STATUSES = ['planned', 'started', 'done', 'postponed', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** A målaktivitet: what will be done, how much, by whom, for which goal and indicator, and how far it has come. */
@Entity('goal_activities')
@Index(['planId', 'number'], { unique: true })
export class GoalActivity extends TenantEntity {
  @Column('uuid')
  planId: string;

  @ManyToOne(() => ActivityPlan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<ActivityPlan>;

  @Column('integer')
  number: number;

  @Column('text')
  text: string;

  /** As written: "10" or a range "50-75". */
  @Column('text', { nullable: true })
  quantity: string | null;

  @Column('double precision', { nullable: true })
  quantityMin: number | null;

  @Column('double precision', { nullable: true })
  quantityMax: number | null;

  @Column('text', { nullable: true })
  unit: string | null;

  /** Short codes of the responsible departments and companies, in the order given. */
  @Column('text', { array: true })
  responsible: string[];

  @Column('uuid', { array: true })
  responsibleDepartmentIds: string[];

  @Column('text', { nullable: true })
  unitOfWork: string | null;

  @Column('text', { nullable: true })
  comment: string | null;

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

  @Column('text', { default: 'planned' })
  status: ActivityStatus;
}
