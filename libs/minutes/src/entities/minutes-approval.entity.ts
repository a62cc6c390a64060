import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { AuthMethod, TenantEntity } from '@namndrum/core';
import { Person } from '@namndrum/organisation';
import { Minutes } from './minutes.entity';
import { Paragraph } from './paragraph.entity';

export const APPROVER_ROLES = ['chair', 'verifier'] as const;
export type ApproverRole = (typeof APPROVER_ROLES)[number];

/**
 * An electronic justering by the chair or a verifier, bound to the sha256 of the exact content
 * approved. It is never changed or removed: an approval of content that has since changed is void,
 * because its hash no longer matches. paragraphId is set for an omedelbar justering of one paragraph.
 * authMethod and authProviderName record how the approver had signed in; null on approvals made
 * before that was recorded.
 */
@Entity('minutes_approvals')
@Index(['minutesId'])
@Index('minutes_approvals_once', ['minutesId', 'personId', 'contentSha256'], { unique: true, where: '"paragraph_id" IS NULL' })
@Index('minutes_approvals_paragraph_once', ['paragraphId', 'personId', 'contentSha256'], { unique: true, where: '"paragraph_id" IS NOT NULL' })
export class MinutesApproval extends TenantEntity {
  @Column('uuid')
  minutesId: string;

  @ManyToOne(() => Minutes, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'minutes_id' })
  minutes?: Relation<Minutes>;

  @Column('uuid', { nullable: true })
  paragraphId: string | null;

  @ManyToOne(() => Paragraph, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'paragraph_id' })
  paragraph?: Relation<Paragraph> | null;

  @Column('uuid')
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<Person>;

  @Column('uuid')
  userId: string;

  @Column('text')
  role: ApproverRole;

  @Column('text')
  contentSha256: string;

  @Column('timestamptz')
  approvedAt: Date;

  /** How the approver proved who they were when approving. */
  @Column('text', { nullable: true })
  authMethod: AuthMethod | null;

  /** The identity provider's name as its sign-in button showed it; null for a password. */
  @Column('text', { nullable: true })
  authProviderName: string | null;
}
