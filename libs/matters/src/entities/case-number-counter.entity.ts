import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * The last sequence handed out per registry and year. Incremented in the transaction that registers
 * the matter, so the row lock orders concurrent registrations and a rollback hands the number back.
 */
@Entity('case_number_counters')
export class CaseNumberCounter {
  @PrimaryColumn('uuid')
  registryId: string;

  @ManyToOne('Registry', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'registry_id' })
  registry?: unknown;

  @PrimaryColumn('integer')
  year: number;

  @Column('integer')
  lastSequence: number;
}
