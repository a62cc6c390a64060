import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@namndrum/core';

export interface GoalLevel {
  key: string;
  name: string;
}

export interface GoalScale {
  key: string;
  name: string;
  states: { key: string; label: string; rank: number }[];
}

export interface ActivityCountTable {
  year: number;
  by: 'indicator' | 'department';
  note: string | null;
  rows: { indicator: string | null; department: string | null; label: string; count: number }[];
}

/**
 * A municipality's styrmodell for a period. Its levels, ordinal scales, footnotes and published
 * activity counts are values of the framework; its nodes, indicators and plans are rows of their own.
 */
@Entity('goal_frameworks')
@Index(['municipalityId', 'key'], { unique: true })
export class GoalFramework extends TenantEntity {
  @Column('text')
  key: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('integer')
  fromYear: number;

  @Column('integer')
  toYear: number;

  @Column('text', { nullable: true })
  source: string | null;

  @Column('jsonb')
  levels: GoalLevel[];

  /** The names of the indicator tiers, top first ("Indikator", "Delmått"). */
  @Column('jsonb', { default: () => `'[]'` })
  indicatorLevels: GoalLevel[];

  @Column('jsonb', { default: () => `'[]'` })
  scales: GoalScale[];

  @Column('text', { nullable: true })
  assessmentScale: string | null;

  @Column('jsonb', { default: () => `'[]'` })
  footnotes: { key: string; text: string }[];

  @Column('jsonb', { default: () => `'[]'` })
  activityCounts: ActivityCountTable[];

  /** sha256 of the normalized file last imported: the same file again changes nothing. */
  @Column('text')
  contentSha256: string;

  /** sha256 of the workbook last imported, with the content hash it gave: while that holds, the same workbook changes nothing. */
  @Column('text', { nullable: true })
  workbookSha256: string | null;

  @Column('text', { nullable: true })
  workbookContentSha256: string | null;
}
