import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { Department } from '@namndrum/organisation';
import { GoalFramework } from './goal-framework.entity';

/** A department's (or company's) plan of målaktiviteter for a year. */
@Entity('activity_plans')
@Index(['frameworkId', 'key'], { unique: true })
export class ActivityPlan extends TenantEntity {
  @Column('uuid')
  frameworkId: string;

  @ManyToOne(() => GoalFramework, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'framework_id' })
  framework?: Relation<GoalFramework>;

  @Column('text')
  key: string;

  @Column('uuid')
  departmentId: string;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Relation<Department>;

  @Column('integer')
  year: number;

  @Column('text')
  title: string;

  @Column('integer')
  ordinal: number;
}
