import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { Organ, Person } from '@namndrum/organisation';
import type { GroupMeeting } from '../domain/group-meetings';
import type { MeetingStatus } from '../domain/meeting-status';

/** A sammanträde of an organ. Times are instants (UTC); they are shown in Europe/Stockholm. */
@Entity('meetings')
@Index(['municipalityId', 'organId', 'startsAt'])
@Check('meetings_ends_after_start', '"ends_at" > "starts_at"')
export class Meeting extends TenantEntity {
  @Column('uuid')
  organId: string;

  @ManyToOne(() => Organ, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organ_id' })
  organ?: Relation<Organ>;

  @Column('timestamptz')
  startsAt: Date;

  @Column('timestamptz')
  endsAt: Date;

  @Column('text')
  place: string;

  /** Gruppmöten before the meeting: time span, party groups and room. */
  @Column('jsonb', { default: () => `'[]'` })
  groupMeetings: GroupMeeting[];

  @Column('text', { default: 'planned' })
  status: MeetingStatus;

  /** The secretary who signs the notice (name, e-mail and phone under "Nämndsekreterare"). */
  @Column('uuid', { nullable: true })
  secretaryPersonId: string | null;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'secretary_person_id' })
  secretaryPerson?: Relation<Person> | null;

  /** iCalendar SEQUENCE: raised on every change of time or place and on cancellation. */
  @Column('integer', { default: 0 })
  calendarSequence: number;

  @Column('text', { nullable: true })
  cancellationReason: string | null;

  @Column('timestamptz', { nullable: true })
  cancelledAt: Date | null;
}
