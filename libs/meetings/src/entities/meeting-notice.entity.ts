import { Check, Column, Entity, JoinColumn, ManyToOne, Relation, Unique } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { Meeting } from './meeting.entity';

export const NOTICE_KINDS = ['notice', 'revised', 'supplementary', 'cancellation'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_STATUSES = ['scheduled', 'dispatched', 'superseded', 'withdrawn'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export const BUNDLE_STATUSES = ['none', 'pending', 'ready', 'failed'] as const;
/** none: a cancellation, or a version from before bundles; pending: the worker is rendering it; failed: see bundleError. */
export type BundleStatus = (typeof BUNDLE_STATUSES)[number];

/** What kept the bundle from being rendered, for the secretary: the file, the attempt, the engine's words. */
export interface BundleError {
  fileName: string | null;
  message: string;
  attempts: number;
  at: string;
}

/** One finalized version of a meeting's kallelse: its DOCX, when it goes out and to whom it went. */
@Entity('meeting_notices')
@Unique('meeting_notices_version', ['meetingId', 'version'])
@Check('meeting_notices_bundle_status', `"bundle_status" IN ('none', 'pending', 'ready', 'failed')`)
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

  /** The handlingar PDF: the dispatch waits until it is ready. */
  @Column('text', { default: 'none' })
  bundleStatus: BundleStatus;

  /** The handlingar PDF in file storage. */
  @Column('text', { nullable: true })
  bundleSha256: string | null;

  @Column('integer', { nullable: true })
  bundleSizeBytes: number | null;

  @Column('integer', { nullable: true })
  bundlePageCount: number | null;

  /** The bundle as recipients and readers without access to its secret matters get it; null when nothing is secret. */
  @Column('text', { nullable: true })
  maskedBundleSha256: string | null;

  @Column('integer', { nullable: true })
  maskedBundleSizeBytes: number | null;

  @Column('jsonb', { nullable: true })
  bundleError: BundleError | null;

  /** Raised by every new rendering the secretary asks for, so that each gets an outbox row of its own. */
  @Column('integer', { default: 0 })
  bundleGeneration: number;
}
