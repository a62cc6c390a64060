import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One change, as it was made. Append-only: the database refuses UPDATE and DELETE on this table. */
@Entity('audit_entries')
@Index(['municipalityId', 'entityType', 'entityId'])
@Index(['municipalityId', 'occurredAt'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { nullable: true })
  municipalityId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;

  @Column('uuid', { nullable: true })
  actorUserId: string | null;

  @Column('text', { nullable: true })
  requestId: string | null;

  @Column('text')
  action: string;

  @Column('text')
  entityType: string;

  @Column('uuid', { nullable: true })
  entityId: string | null;

  @Column('jsonb', { nullable: true })
  before: Record<string, unknown> | null;

  @Column('jsonb', { nullable: true })
  after: Record<string, unknown> | null;
}
