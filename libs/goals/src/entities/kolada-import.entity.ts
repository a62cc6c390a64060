import { Column, Entity, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { GoalFramework } from './goal-framework.entity';

export const KOLADA_IMPORT_STATUSES = ['queued', 'done', 'failed'] as const;
export type KoladaImportStatus = (typeof KOLADA_IMPORT_STATUSES)[number];

/** One on-demand fetch of actual values from Kolada for a framework's indicators that carry a KPI id. */
@Entity('kolada_imports')
export class KoladaImport extends TenantEntity {
  @Column('uuid')
  frameworkId: string;

  @ManyToOne(() => GoalFramework, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'framework_id' })
  framework?: Relation<GoalFramework>;

  @Column('integer', { array: true })
  years: number[];

  @Column('text', { default: 'queued' })
  status: KoladaImportStatus;

  @Column('uuid', { nullable: true })
  requestedByUserId: string | null;

  /** Values stored (new or changed). */
  @Column('integer', { default: 0 })
  imported: number;

  /** Kolada answered null for the year: nothing stored, an earlier value kept. */
  @Column('integer', { default: 0 })
  missing: number;

  @Column('text', { nullable: true })
  lastError: string | null;

  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;
}
