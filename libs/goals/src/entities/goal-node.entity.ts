import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { GoalFramework } from './goal-framework.entity';

/** A node of the goal tree (vision, målområde, verksamhetsmål, …) at one of the framework's levels. */
@Entity('goal_nodes')
@Index(['frameworkId', 'key'], { unique: true })
export class GoalNode extends TenantEntity {
  @Column('uuid')
  frameworkId: string;

  @ManyToOne(() => GoalFramework, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'framework_id' })
  framework?: Relation<GoalFramework>;

  @Column('text')
  key: string;

  @Column('text')
  level: string;

  @Column('uuid', { nullable: true })
  parentId: string | null;

  @ManyToOne(() => GoalNode, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<GoalNode> | null;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('integer', { nullable: true })
  position: number | null;

  @Column('text', { array: true, default: () => `'{}'` })
  externalRefs: string[];

  /** Order in the imported file, so that an export reads like the import. */
  @Column('integer')
  ordinal: number;
}
