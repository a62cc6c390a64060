import { Column, Entity, JoinColumn, ManyToOne, Relation, Unique } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { Meeting } from './meeting.entity';

export const NOTICE_KINDS = ['notice', 'revised', 'supplementary', 'cancellation'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_STATUSES = ['scheduled', 'dispatched', 'superseded', 'withdrawn'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** One finalized version of a meeting's kallelse: its DOCX, when it goes out and to whom it went. */
@Entity('meeting_notices')
@Unique('meeting_notices_version', ['meetingId', 'version'])
export class MeetingNotice extends TenantEntity {
  @Column('uuid')
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<Meeting>;

  @Column('integer')
  version: number;

  @Column('text')
  kind: NoticeKind;

  @Column('text', { default: 'scheduled' })
  status: NoticeStatus;

  @Column('integer')
  calendarSequence: number;

  /** Revised notice: what changed, one Swedish sentence each. */
  @Column('jsonb', { default: () => `'[]'` })
  changes: string[];

  /** The agenda items this version carries (a supplementary notice carries only the added ones). */
  @Column('uuid', { array: true, default: () => `'{}'` })
  itemIds: string[];

  /** The rendered DOCX (content-addressed in file storage); null for a cancellation. */
  @Column('text', { nullable: true })
  fileSha256: string | null;

  @Column('integer', { nullable: true })
  fileSizeBytes: number | null;

  /** The DOCX as readers and recipients without access to its secret matters get it (masked titles); null when nothing is secret. */
  @Column('text', { nullable: true })
  maskedFileSha256: string | null;

  @Column('integer', { nullable: true })
  maskedFileSizeBytes: number | null;

  @Column('text', { nullable: true })
  fileName: string | null;

  @Column('timestamptz')
  finalizedAt: Date;

  @Column('uuid', { nullable: true })
  finalizedByUserId: string | null;

  /** When the notice goes (or went) out. */
  @Column('timestamptz')
  dispatchAt: Date;

  /** Skickad för sent: finalized after the organ's deadline, or actually sent after it (see NoticeDispatcher). */
  @Column('boolean', { default: false })
  sentLate: boolean;

  @Column('timestamptz', { nullable: true })
  dispatchedAt: Date | null;

  @Column('integer', { nullable: true })
  recipientCount: number | null;
}
