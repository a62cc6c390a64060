import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { Department } from './department.entity';
import { OrganRules } from './organ-rules';

export const ORGAN_KINDS = ['council', 'board', 'committee', 'subcommittee', 'advisory_council', 'drafting_group'] as const;
export type OrganKind = (typeof ORGAN_KINDS)[number];

/** A political body that meets: fullmäktige, kommunstyrelsen, a nämnd, an utskott, a råd or a beredning. */
@Entity('organs')
@Index(['municipalityId', 'shortName'], { unique: true })
export class Organ extends TenantEntity {
  @Column('text')
  name: string;

  @Column('text')
  shortName: string;

  @Column('text')
  kind: OrganKind;

  @Column('uuid', { nullable: true })
  parentOrganId: string | null;

  @ManyToOne(() => Organ, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_organ_id' })
  parentOrgan?: Relation<Organ> | null;

  @Column('uuid', { nullable: true })
  responsibleDepartmentId: string | null;

  @ManyToOne(() => Department, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'responsible_department_id' })
  responsibleDepartment?: Relation<Department> | null;

  @Column(() => OrganRules, { prefix: 'rules' })
  rules: OrganRules;
}
