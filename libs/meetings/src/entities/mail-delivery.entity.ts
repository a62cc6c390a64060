import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { Person } from '@namndrum/organisation';
import { Meeting } from './meeting.entity';
import { MeetingNotice } from './meeting-notice.entity';
import { SubstituteCall } from './substitute-call.entity';

export const DELIVERY_PURPOSES = ['notice', 'substitute_called', 'substitute_released', 'minutes_review', 'minutes_reminder', 'minutes_extract'] as const;
export type DeliveryPurpose = (typeof DELIVERY_PURPOSES)[number];

export const DELIVERY_STATUSES = ['queued', 'sent', 'failed', 'no_address'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One e-mail to one recipient: a notice version to a member, a call-in to a substitute, a minutes
 * extract to a decision's recipient. Unique per (notice, recipient), per (call, purpose) and per
 * (subject, purpose, recipient), re-read and claimed before sending, so a retry or a
 * second worker never sends what is already sent.
 */
@Entity('mail_deliveries')
@Index('mail_deliveries_notice_recipient', ['noticeId', 'recipientKey'], { unique: true, where: '"notice_id" IS NOT NULL' })
@Index('mail_deliveries_call_purpose', ['substituteCallId', 'purpose'], { unique: true, where: '"substitute_call_id" IS NOT NULL' })
@Index('mail_deliveries_subject_purpose_recipient', ['subjectId', 'purpose', 'recipientKey'], { unique: true, where: '"subject_id" IS NOT NULL' })
@Index(['meetingId'])
@Index('mail_deliveries_status_updated', ['status', 'updatedAt'])
@Check('mail_deliveries_one_cause', `num_nonnulls("notice_id", "substitute_call_id", "subject_id") = 1`)
export class MailDelivery extends TenantEntity {
  @Column('uuid')
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<Meeting>;

  @Column('text')
  purpose: DeliveryPurpose;

  @Column('uuid', { nullable: true })
  noticeId: string | null;

  @ManyToOne(() => MeetingNotice, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'notice_id' })
  notice?: Relation<MeetingNotice> | null;

  @Column('uuid', { nullable: true })
  substituteCallId: string | null;

  @ManyToOne(() => SubstituteCall, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'substitute_call_id' })
  substituteCall?: Relation<SubstituteCall> | null;

  /**
   * What a delivery of another context is about (the minutes for a review request or reminder, the
   * paragraph for an extract); that context composes the e-mail (see MailComposers).
   */
  @Column('uuid', { nullable: true })
  subjectId: string | null;

  /** `person:<id>` or `email:<address>`: one delivery per recipient per notice version. */
  @Column('text')
  recipientKey: string;

  @Column('uuid', { nullable: true })
  personId: string | null;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<Person> | null;

  @Column('text')
  recipientName: string;

  @Column('text', { nullable: true })
  email: string | null;

  /** member, substitute, attendance_right, extra (for notices); substitute (for call-ins). */
  @Column('text')
  recipientRole: string;

  @Column('text', { default: 'queued' })
  status: DeliveryStatus;

  @Column('integer', { default: 0 })
  attempts: number;

  @Column('text', { nullable: true })
  lastError: string | null;

  /** The deterministic Message-ID: a copy sent twice in a crash carries the same one. */
  @Column('text')
  messageId: string;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  /** Held by the worker sending it; another attempt waits until it has passed. */
  @Column('timestamptz', { nullable: true })
  claimedUntil: Date | null;
}
