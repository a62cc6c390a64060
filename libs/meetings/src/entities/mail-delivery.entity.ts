import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { Person } from '@namndrum/organisation';
import { Meeting } from './meeting.entity';
import { MeetingNotice } from './meeting-notice.entity';
import { SubstituteCall } from './substitute-call.entity';

export const DELIVERY_PURPOSES = ['notice', 'substitute_called', 'substitute_released'] as const;
export type DeliveryPurpose = (typeof DELIVERY_PURPOSES)[number];

export const DELIVERY_STATUSES = ['queued', 'sent', 'failed', 'no_address'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One e-mail to one recipient: a notice version to a member, a call-in to a substitute. Unique per
 * (notice, recipient) and per (call, purpose), re-read and claimed before sending, so a retry or a
 * second worker never sends what is already sent.
 */
@Entity('mail_deliveries')
@Index('mail_deliveries_notice_recipient', ['noticeId', 'recipientKey'], { unique: true, where: '"notice_id" IS NOT NULL' })
@Index('mail_deliveries_call_purpose', ['substituteCallId', 'purpose'], { unique: true, where: '"substitute_call_id" IS NOT NULL' })
@Index(['meetingId'])
@Check('mail_deliveries_one_cause', `("notice_id" IS NULL) <> ("substitute_call_id" IS NULL)`)
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
