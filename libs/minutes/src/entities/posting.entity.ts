import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { Organ } from '@namndrum/organisation';
import { Minutes } from './minutes.entity';

/** scheduled (waiting for its day) → up (on the notice board) → down (the appeal period has run out). */
export const POSTING_STATUSES = ['scheduled', 'up', 'down'] as const;
export type PostingStatus = (typeof POSTING_STATUSES)[number];

/**
 * An anslag on the municipality's digital notice board announcing verified minutes (or one
 * omedelbart justerad paragraph). The dates follow KL 8 kap. 12 § and the appeal period of three
 * weeks; the worker takes it up and down through the outbox.
 */
@Entity('postings')
@Index(['municipalityId', 'status', 'postedOn'])
@Index('postings_one_per_minutes', ['minutesId'], { unique: true, where: '"paragraph_id" IS NULL' })
@Index('postings_one_per_paragraph', ['paragraphId'], { unique: true, where: '"paragraph_id" IS NOT NULL' })
export class Posting extends TenantEntity {
  @Column('uuid')
  organId: string;

  @ManyToOne(() => Organ, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organ_id' })
  organ?: Relation<Organ>;

  @Column('uuid')
  minutesId: string;

  @ManyToOne(() => Minutes, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'minutes_id' })
  minutes?: Relation<Minutes>;

  /** Set when the posting announces one omedelbart justerad paragraph. */
  @Column('uuid', { nullable: true })
  paragraphId: string | null;

  /** "Protokoll" */
  @Column('text')
  documentType: string;

  @Column('text')
  organName: string;

  @Column('date')
  meetingDate: string;

  /** "§§ 1–7" */
  @Column('text')
  paragraphs: string;

  @Column('date')
  verifiedOn: string;

  @Column('date')
  postedOn: string;

  @Column('date')
  takenDownOn: string;

  @Column('date')
  lastAppealDay: string;

  @Column('text')
  storagePlace: string;

  /** The minutes themselves (DOCX), unless the organ does not publish them or they hold personal data. */
  @Column('text', { nullable: true })
  fileSha256: string | null;

  @Column('text', { default: 'scheduled' })
  status: PostingStatus;

  @Column('timestamptz', { nullable: true })
  postedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  takenDownAt: Date | null;
}
