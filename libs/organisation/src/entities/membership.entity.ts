import { Check, Column, Entity, Exclusion, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { Organ } from './organ.entity';
import { Person } from './person.entity';
import { Term } from './term.entity';

export const MEMBERSHIP_ROLES = ['member', 'substitute'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const POSITIONS = ['chair', 'first_vice_chair', 'second_vice_chair', 'none'] as const;
export type Position = (typeof POSITIONS)[number];

/**
 * A person's seat (uppdrag) in an organ for a period. The exclusion constraints make the two
 * conflict rules hold even under concurrent writes: one seat per person and organ at a time, and one
 * holder of each presidium position per organ at a time.
 */
@Entity('memberships')
@Index(['municipalityId', 'organId', 'validFrom'])
@Index(['municipalityId', 'personId'])
@Check('memberships_dates_ordered', '"valid_from" <= "valid_to"')
@Check('memberships_position_needs_member', `"position" = 'none' OR "role" = 'member'`)
@Check('memberships_personal_substitutes_for_members', `"role" = 'member' OR cardinality("personal_substitute_membership_ids") = 0`)
@Check('memberships_order_for_substitutes', `"substitute_order" IS NULL OR ("role" = 'substitute' AND "substitute_order" >= 1)`)
@Exclusion('memberships_one_seat_per_person', `USING gist ("organ_id" WITH =, "person_id" WITH =, daterange("valid_from", "valid_to", '[]') WITH &&)`)
@Exclusion('memberships_one_holder_per_position', `USING gist ("organ_id" WITH =, "position" WITH =, daterange("valid_from", "valid_to", '[]') WITH &&) WHERE ("position" <> 'none')`)
export class Membership extends TenantEntity {
  @Column('uuid')
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<Person>;

  @Column('uuid')
  organId: string;

  @ManyToOne(() => Organ, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organ_id' })
  organ?: Relation<Organ>;

  @Column('uuid')
  termId: string;

  @ManyToOne(() => Term, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'term_id' })
  term?: Relation<Term>;

  @Column('text')
  role: MembershipRole;

  @Column('text', { default: 'none' })
  position: Position;

  /** The party the seat belongs to (may differ from the person's current party). */
  @Column('text', { nullable: true })
  party: string | null;

  /** Inkallelseordning among the organ's substitutes, 1 first. */
  @Column('smallint', { nullable: true })
  substituteOrder: number | null;

  /**
   * A member's personal substitutes (personliga ersättare): substitute seats of the same organ, called
   * in first, in this order, where the organ's policy is personal_substitute_first.
   */
  @Column('uuid', { array: true, default: () => `'{}'` })
  personalSubstituteMembershipIds: string[];

  @Column('date')
  validFrom: string;

  @Column('date')
  validTo: string;
}
