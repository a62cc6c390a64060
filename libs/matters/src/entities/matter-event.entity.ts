import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export const MATTER_EVENT_KINDS = [
  'registered',
  'updated',
  'status_changed',
  'cancelled',
  'document_added',
  'document_secrecy_changed',
  'document_file_replaced',
  'report_drafted',
  'report_submitted',
  'report_returned',
  'report_signed',
  'sent_to_organ',
  'decided',
] as const;
export type MatterEventKind = (typeof MATTER_EVENT_KINDS)[number];

/** One line of a matter's history (ärendehändelse). Append-only: a trigger refuses UPDATE and DELETE. */
@Entity('matter_events')
@Index(['matterId', 'occurredAt'])
export class MatterEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  municipalityId: string;

  @Column('uuid')
  matterId: string;

  @ManyToOne('Matter', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'matter_id' })
  matter?: unknown;

  @Column('text')
  kind: MatterEventKind;

  /** What happened, in Swedish, as the history shows it. */
  @Column('text')
  summary: string;

  @Column('jsonb', { default: {} })
  data: Record<string, unknown>;

  @Column('uuid', { nullable: true })
  actorUserId: string | null;

  /** The moment of the event itself, not of its transaction, so one request's events keep their order. */
  @Column('timestamptz', { default: () => 'clock_timestamp()' })
  occurredAt: Date;
}
