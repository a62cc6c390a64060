import { Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, Relation } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { GoalFramework } from './goal-framework.entity';
import { GoalNode } from './goal-node.entity';

export const DIRECTIONS = ['higher_is_better', 'lower_is_better', 'none'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** A resultatmått: measured in a unit, numeric or on an ordinal scale, possibly a sub-measure of another. */
@Entity('indicators')
@Index(['frameworkId', 'key'], { unique: true })
export class Indicator extends TenantEntity {
  @Column('uuid')
  frameworkId: string;

  @ManyToOne(() => GoalFramework, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'framework_id' })
  framework?: Relation<GoalFramework>;

  @Column('text')
  key: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  unit: string | null;

  @Column('text')
  direction: Direction;

  @Column('smallint', { default: 0 })
  decimals: number;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('uuid', { nullable: true })
  parentId: string | null;

  @ManyToOne(() => Indicator, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<Indicator> | null;

  /** The framework scale an ordinal indicator's values and targets are states of. */
  @Column('text', { nullable: true })
  scale: string | null;

  @Column('text', { nullable: true })
  koladaKpi: string | null;

  @Column('text', { nullable: true })
  source: string | null;

  @Column('text', { array: true, default: () => `'{}'` })
  footnotes: string[];

  @ManyToMany(() => GoalNode)
  @JoinTable({ name: 'indicator_nodes', joinColumn: { name: 'indicator_id' }, inverseJoinColumn: { name: 'node_id' } })
  nodes?: Relation<GoalNode>[];

  @Column('integer')
  ordinal: number;
}
