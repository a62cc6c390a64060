import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { Meeting } from '@namndrum/meetings';
import { Organ } from '@namndrum/organisation';
import { Minutes } from './minutes.entity';

/** scheduled (waiting for its day) → up (on the notice board) → down (the appeal period has run out). */
export const POSTING_STATUSES = ['scheduled', 'up', 'down'] as const;
export type PostingStatus = (typeof POSTING_STATUSES)[number];

/** minutes: the justering of a protokoll (or of one paragraph); meeting_notice: the kungörelse of a fullmäktige meeting. */
export const POSTING_KINDS = ['minutes', 'meeting_notice'] as const;
export type PostingKind = (typeof POSTING_KINDS)[number];

/** What a kungörelse says: when and where fullmäktige meets and which matters it takes up (KL 5 kap. 11 §). */
export interface MeetingAnnouncement {
  startsAt: string;
  endsAt: string;
  place: string;
  /** `titleFi`: the Finnish title the secretary entered, for an organ with Finnish; never that of a secret matter. */
  items: { number: number; title: string; titleFi?: string | null; caseNumber: string | null }[];
  cancelled: boolean;
  /** Why the meeting was cancelled, as the secretary gave it; absent in kungörelser posted before it was kept. */
  cancellationReason?: string | null;
}

/**
 * An anslag on the municipality's digital notice board: verified minutes (or one omedelbart
 * justerad paragraph), with dates that follow KL 8 kap. 12 § and the appeal period of three weeks,
 * or the kungörelse of a fullmäktige meeting, up from when its notice goes out until the meeting has
 * been held. The worker takes it up and down through the outbox.
 */
@Entity('postings')
@Index(['municipalityId', 'status', 'postedOn'])
@Index('postings_one_per_minutes', ['minutesId'], { unique: true, where: `"kind" = 'minutes' AND "paragraph_id" IS NULL` })
@Index('postings_one_per_paragraph', ['paragraphId'], { unique: true, where: '"paragraph_id" IS NOT NULL' })
@Index('postings_one_announcement_per_meeting', ['meetingId'], { unique: true, where: `"kind" = 'meeting_notice'` })
@Check('postings_kind_subject', `("kind" = 'minutes') = ("minutes_id" IS NOT NULL AND "verified_on" IS NOT NULL AND "last_appeal_day" IS NOT NULL)`)
export class Posting extends TenantEntity {
  @Column('text', { default: 'minutes' })
  kind: PostingKind;

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

  @Column('uuid', { nullable: true })
  minutesId: string | null;

  @ManyToOne(() => Minutes, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'minutes_id' })
  minutes?: Relation<Minutes> | null;

  /** Set when the posting announces one omedelbart justerad paragraph. */
  @Column('uuid', { nullable: true })
  paragraphId: string | null;

  /** "Protokoll" or "Kungörelse" */
  @Column('text')
  documentType: string;

  @Column('text')
  organName: string;

  /** The organ's languages when the posting was made: with 'fi' the notice board shows it in Finnish as well. */
  @Column('text', { array: true, default: () => `'{sv}'` })
  languages: ('sv' | 'fi')[];

  @Column('date')
  meetingDate: string;

  /** "§§ 1–7"; empty for a kungörelse. */
  @Column('text', { default: '' })
  paragraphs: string;

  @Column('date', { nullable: true })
  verifiedOn: string | null;

  @Column('date')
  postedOn: string;

  @Column('date')
  takenDownOn: string;

  /** The last day to appeal the decisions (minutes only). */
  @Column('date', { nullable: true })
  lastAppealDay: string | null;

  /** Where the minutes are kept; for a kungörelse, where the documents are available. */
  @Column('text')
  storagePlace: string;

  @Column('jsonb', { nullable: true })
  announcement: MeetingAnnouncement | null;

  /** The minutes themselves (DOCX), unless the organ does not publish them or they hold personal data. */
  @Column('text', { nullable: true })
  fileSha256: string | null;

  /** The published minutes (or extract) as PDF/A-2b, offered on the notice board beside the DOCX; set once by the worker. */
  @Column('text', { nullable: true })
  archivalPdfSha256: string | null;

  @Column('text', { default: 'scheduled' })
  status: PostingStatus;

  @Column('timestamptz', { nullable: true })
  postedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  takenDownAt: Date | null;
}
