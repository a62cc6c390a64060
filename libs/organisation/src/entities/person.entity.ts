import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@namndrum/core';

export const PERSON_KINDS = ['elected', 'official'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/** A förtroendevald (elected) or a tjänsteperson (official). */
@Entity('persons')
@Index(['municipalityId', 'email'], { unique: true, where: '"email" IS NOT NULL' })
@Index(['municipalityId', 'lastName', 'firstName'])
export class Person extends TenantEntity {
  @Column('text')
  kind: PersonKind;

  @Column('text')
  firstName: string;

  @Column('text')
  lastName: string;

  @Column('text', { nullable: true })
  title: string | null;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  /** Party code (S, M, SD …) for elected persons. */
  @Column('text', { nullable: true })
  party: string | null;
}
