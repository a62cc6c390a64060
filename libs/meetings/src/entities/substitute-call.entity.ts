import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { Person } from '@namndrum/organisation';
import { Meeting } from './meeting.entity';

export const SUBSTITUTE_CALL_STATUSES = ['called', 'released'] as const;
export type SubstituteCallStatus = (typeof SUBSTITUTE_CALL_STATUSES)[number];

/** A substitute called in to serve for an absent member (inkallelse), or released again. */
@Entity('substitute_calls')
@Index('substitute_calls_one_active_per_member', ['meetingId', 'absentPersonId'], { unique: true, where: `"status" = 'called'` })
@Index('substitute_calls_one_active_per_substitute', ['meetingId', 'substitutePersonId'], { unique: true, where: `"status" = 'called'` })
export class SubstituteCall extends TenantEntity {
  @Column('uuid')
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<Meeting>;

  @Column('uuid')
  absentPersonId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'absent_person_id' })
  absentPerson?: Relation<Person>;

  @Column('uuid')
  substitutePersonId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'substitute_person_id' })
  substitutePerson?: Relation<Person>;

  @Column('text', { default: 'called' })
  status: SubstituteCallStatus;

  @Column('timestamptz')
  calledAt: Date;

  @Column('timestamptz', { nullable: true })
  releasedAt: Date | null;
}
