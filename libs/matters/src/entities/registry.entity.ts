import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '@namndrum/core';

/** A diarium: the series of case numbers of one organ or department ("SUN", "KS"). */
@Entity('registries')
@Index(['municipalityId', 'code'], { unique: true })
@Check('registries_owner', 'num_nonnulls(organ_id, department_id) = 1')
export class Registry extends TenantEntity {
  @Column('text')
  code: string;

  @Column('text')
  name: string;

  @Column('uuid', { nullable: true })
  organId: string | null;

  @ManyToOne('Organ', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'organ_id' })
  organ?: unknown;

  @Column('uuid', { nullable: true })
  departmentId: string | null;

  @ManyToOne('Department', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'department_id' })
  department?: unknown;

  /** The classification suffix's format as a regular expression (e.g. `\d{2}` for "KS 2021/263-00"); null when the registry uses none. */
  @Column('text', { nullable: true })
  suffixFormat: string | null;

  @Column('boolean', { default: true })
  active: boolean;
}
