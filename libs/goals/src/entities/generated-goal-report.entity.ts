import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { Document, Matter } from '@namndrum/matters';

/**
 * A goal report generated for a matter, with the hash of the data it was rendered from: the same data
 * again gives the same document instead of a new one (a DOCX differs byte for byte at every render).
 */
@Entity('generated_goal_reports')
@Index(['matterId', 'title', 'dataSha256'], { unique: true })
export class GeneratedGoalReport extends TenantEntity {
  @Column('uuid')
  matterId: string;

  @ManyToOne(() => Matter, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'matter_id' })
  matter?: Relation<Matter>;

  @Column('text')
  title: string;

  @Column('text')
  dataSha256: string;

  @Column('uuid')
  documentId: string;

  @ManyToOne(() => Document, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id' })
  document?: Relation<Document>;
}
