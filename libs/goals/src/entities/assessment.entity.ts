import { Check, Column, Entity, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { GoalFramework } from './goal-framework.entity';
import { GoalNode } from './goal-node.entity';
import { Indicator } from './indicator.entity';

/** Bedömning: a node or an indicator judged for a year on the framework's verbal scale. */
@Entity('goal_assessments')
@Check('goal_assessments_one_subject', `("node_id" IS NULL) <> ("indicator_id" IS NULL)`)
export class Assessment extends TenantEntity {
  @Column('uuid')
  frameworkId: string;

  @ManyToOne(() => GoalFramework, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'framework_id' })
  framework?: Relation<GoalFramework>;

  @Column('uuid', { nullable: true })
  nodeId: string | null;

  @ManyToOne(() => GoalNode, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'node_id' })
  node?: Relation<GoalNode> | null;

  @Column('uuid', { nullable: true })
  indicatorId: string | null;

  @ManyToOne(() => Indicator, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: Relation<Indicator> | null;

  @Column('integer')
  year: number;

  @Column('text')
  state: string;

  @Column('text', { nullable: true })
  comment: string | null;

  @Column('text', { nullable: true })
  assessedBy: string | null;

  @Column('date', { nullable: true })
  assessedOn: string | null;

  @Column('integer')
  ordinal: number;
}
