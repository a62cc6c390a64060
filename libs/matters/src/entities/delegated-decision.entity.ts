import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import type { DelegatedDecisionKind } from '../domain/delegated-decisions';

/**
 * A decision taken on an organ's behalf — by a delegate under a point of the delegationsordning
 * (KL 6 kap. 37–38 §§, 7 kap. 5–6 §§) or by the chair in a matter too urgent to wait (KL 6 kap. 39 §) —
 * registered so that it is reported to the organ at its next meeting (KL 6 kap. 40 §, 7 kap. 8 §).
 * Once minutes take it up it is fixed: the paragraph lists it, and verification marks it reported.
 */
@Entity('delegated_decisions')
@Index('delegated_decisions_organ_date', ['municipalityId', 'organId', 'decidedOn'])
@Index('delegated_decisions_paragraph', ['reportedInParagraphId'])
@Check('delegated_decisions_kind', `"kind" IN ('delegated', 'urgent_chair')`)
@Check('delegated_decisions_point', `"kind" = 'urgent_chair' OR "delegation_point" IS NOT NULL`)
export class DelegatedDecision extends TenantEntity {
  @Column('uuid')
  organId: string;

  @ManyToOne('Organ', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organ_id' })
  organ?: unknown;

  @Column('text')
  kind: DelegatedDecisionKind;

  /** What was decided, as the delegate wrote it. */
  @Column('text')
  decisionText: string;

  /** Punkt i delegationsordningen ("3.2"); an urgent chair decision may have none. */
  @Column('text', { nullable: true })
  delegationPoint: string | null;

  @Column('date')
  decidedOn: string;

  /** The delegate as a person of the register; null for an official named in text. */
  @Column('uuid', { nullable: true })
  delegatePersonId: string | null;

  @ManyToOne('Person', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'delegate_person_id' })
  delegatePerson?: unknown;

  /** The delegate's name as reported ("Anna Berg"), taken from the register when a person is given. */
  @Column('text')
  delegateName: string;

  /** The delegate's title ("enhetschef"), as reported. */
  @Column('text', { nullable: true })
  delegateTitle: string | null;

  @Column('uuid', { nullable: true })
  matterId: string | null;

  @ManyToOne('Matter', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'matter_id' })
  matter?: unknown;

  @Column('text', { nullable: true })
  caseNumber: string | null;

  /** The meeting whose minutes took the decision up ("Anmälan av delegationsbeslut"). */
  @Column('uuid', { nullable: true })
  reportedAtMeetingId: string | null;

  /** The paragraph of those minutes; a uuid only: the minutes are a context above this one. */
  @Column('uuid', { nullable: true })
  reportedInParagraphId: string | null;

  /** "§ 12": the paragraph as the minutes number it. */
  @Column('text', { nullable: true })
  reportedInParagraph: string | null;

  /** When the minutes (or that paragraph) were verified: from then the decision is reported. */
  @Column('timestamptz', { nullable: true })
  reportedAt: Date | null;

  /** When it was registered, by the application's clock: a notice lists only what was registered before it was finalized. */
  @Column('timestamptz')
  registeredAt: Date;

  @Column('uuid', { nullable: true })
  registeredByUserId: string | null;
}
