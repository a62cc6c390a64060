import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@namndrum/core';

export const DEPARTMENT_KINDS = ['administration', 'company', 'federation'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

/** A förvaltning, or a company (bolag) or federation (förbund) that reports like one. */
@Entity('departments')
@Index(['municipalityId', 'shortCode'], { unique: true })
export class Department extends TenantEntity {
  @Column('text')
  name: string;

  @Column('text')
  shortCode: string;

  @Column('text')
  kind: DepartmentKind;
}
