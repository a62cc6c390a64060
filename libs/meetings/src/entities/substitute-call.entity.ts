import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@namndrum/core';

export const SUBSTITUTE_CALL_STATUSES = ['called', 'released'] as const;
export type SubstituteCallStatus = (typeof SUBSTITUTE_CALL_STATUSES)[number];

/** A substitute called in to serve for an absent member (inkallelse), or released again. */
@Entity('substitute_calls')
@Index('substitute_calls_one_active_per_member', ['meetingId', 'absentPersonId'], { unique: true, where: `"status" = 'called'` })
@Index('substitute_calls_one_active_per_substitute', ['meetingId', 'substitutePersonId'], { unique: true, where: `"status" = 'called'` })
export class SubstituteCall extends TenantEntity {
  @Column('uuid')
  meetingId: string;

  @Column('uuid')
  absentPersonId: string;

  @Column('uuid')
  substitutePersonId: string;

  @Column('text', { default: 'called' })
  status: SubstituteCallStatus;

  @Column('timestamptz')
  calledAt: Date;

  @Column('timestamptz', { nullable: true })
  releasedAt: Date | null;
}
