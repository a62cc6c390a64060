import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { Meeting } from '@namndrum/meetings';
import { Organ, Person } from '@namndrum/organisation';

export const MINUTES_KINDS = ['minutes', 'notes'] as const;
export type MinutesKind = (typeof MINUTES_KINDS)[number];

/** draft → verified (protokoll, by the chair's and verifiers' approvals) or completed (minnesanteckningar, by the secretary). */
export const MINUTES_STATUSES = ['draft', 'verified', 'completed'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

/** A break in the meeting (ajournering), local HH:MM. */
export interface Adjournment {
  from: string;
  to: string;
}

/**
 * The protokoll (or minnesanteckningar) of one held meeting. Once verified it never changes: the
 * sha256 of the approved content is kept, and every write is refused.
 */
@Entity('minutes')
@Index('minutes_one_per_meeting', ['meetingId'], { unique: true })
@Index(['municipalityId', 'organId', 'year'])
export class Minutes extends TenantEntity {
  @Column('uuid')
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<Meeting>;

  @Column('uuid')
  organId: string;

  @ManyToOne(() => Organ, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organ_id' })
  organ?: Relation<Organ>;

  @Column('text')
  kind: MinutesKind;

  @Column('text', { default: 'draft' })
  status: MinutesStatus;

  /** The calendar year (Europe/Stockholm) of the meeting: paragraph numbers run per organ per year. */
  @Column('smallint')
  year: number;

  /** The meeting date (Europe/Stockholm). */
  @Column('date')
  meetingDate: string;

  @Column('text')
  place: string;

  /** Plats och tid: when the meeting actually opened and closed. */
  @Column('timestamptz')
  startedAt: Date;

  @Column('timestamptz')
  endedAt: Date;

  @Column('jsonb', { default: () => `'[]'` })
  adjournments: Adjournment[];

  /** Who chaired: the organ's chair, or the vice chair in their absence. Casts the deciding vote on a tie. */
  @Column('uuid', { nullable: true })
  chairPersonId: string | null;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'chair_person_id' })
  chairPerson?: Relation<Person> | null;

  @Column('uuid', { nullable: true })
  secretaryPersonId: string | null;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'secretary_person_id' })
  secretaryPerson?: Relation<Person> | null;

  /** Utses att justera: chosen at the meeting under "Val av justerande". */
  @Column('uuid', { array: true, default: () => `'{}'` })
  verifierPersonIds: string[];

  /** Justeringens plats och tid, set at the meeting. */
  @Column('text', { nullable: true })
  verificationPlace: string | null;

  @Column('timestamptz', { nullable: true })
  verificationAt: Date | null;

  /** The last day for justering: 14 days after the meeting, moved to the next working day. */
  @Column('date')
  verificationDeadline: string;

  /** Förvaringsplats för protokollet. */
  @Column('text')
  storagePlace: string;

  /** Minutes with personal data are not published (only the posting is), unless the organ's rules allow it. */
  @Column('boolean', { default: false })
  containsPersonalData: boolean;

  /** The sha256 of the content the approvals were bound to; set when verified or completed. */
  @Column('text', { nullable: true })
  contentSha256: string | null;

  @Column('timestamptz', { nullable: true })
  lockedAt: Date | null;

  /** The rendered DOCX of the verified minutes, content-addressed. */
  @Column('text', { nullable: true })
  fileSha256: string | null;

  /** The verified minutes as PDF/A-2b for the archive, with the justering's record; set once by the worker. */
  @Column('text', { nullable: true })
  archivalPdfSha256: string | null;
}
