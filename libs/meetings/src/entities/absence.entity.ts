import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { Person } from '@namndrum/organisation';
import { Meeting } from './meeting.entity';

/** Förhinder: a member or substitute who cannot attend a meeting. Withdrawn, not deleted. */
@Entity('absences')
@Index('absences_one_open_per_person', ['meetingId', 'personId'], { unique: true, where: '"withdrawn_at" IS NULL' })
export class Absence extends TenantEntity {
  @Column('uuid')
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<Meeting>;

  @Column('uuid')
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<Person>;

  /** member or substitute, as the seat was on the meeting date. */
  @Column('text')
  seatRole: 'member' | 'substitute';

  @Column('timestamptz')
  reportedAt: Date;

  @Column('uuid', { nullable: true })
  reportedByUserId: string | null;

  @Column('timestamptz', { nullable: true })
  withdrawnAt: Date | null;

  @Column('uuid', { nullable: true })
  withdrawnByUserId: string | null;
}
