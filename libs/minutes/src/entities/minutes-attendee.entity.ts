import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { Person } from '@namndrum/organisation';
import { Minutes } from './minutes.entity';

/** member (ledamot), serving_substitute (tjänstgörande ersättare for a member), substitute (ej tjänstgörande), official (tjänsteperson), other. */
export const ATTENDEE_CAPACITIES = ['member', 'serving_substitute', 'substitute', 'official', 'other'] as const;
export type AttendeeCapacity = (typeof ATTENDEE_CAPACITIES)[number];

/**
 * One person's presence in one capacity over a span of paragraphs (§ numbers, both ends included;
 * null for "from the start" / "to the end"). Someone who arrives late, leaves early or changes
 * capacity (a substitute who serves only for some paragraphs) has several rows.
 */
@Entity('minutes_attendees')
@Index(['minutesId'])
export class MinutesAttendee extends TenantEntity {
  @Column('uuid')
  minutesId: string;

  @ManyToOne(() => Minutes, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'minutes_id' })
  minutes?: Relation<Minutes>;

  @Column('smallint')
  position: number;

  @Column('uuid', { nullable: true })
  personId: string | null;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<Person> | null;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  party: string | null;

  @Column('text', { nullable: true })
  title: string | null;

  @Column('text')
  capacity: AttendeeCapacity;

  /** For a serving substitute: the member whose seat they take. */
  @Column('uuid', { nullable: true })
  replacesPersonId: string | null;

  @Column('integer', { nullable: true })
  fromParagraph: number | null;

  @Column('integer', { nullable: true })
  toParagraph: number | null;
}
