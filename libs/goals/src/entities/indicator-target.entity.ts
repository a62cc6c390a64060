import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import type { Comparator } from '../format/framework-file';
import { Indicator } from './indicator.entity';

export const TARGET_KINDS = ['numeric', 'relative', 'state', 'to_be_set'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/**
 * Målvärde for a year: a number, a comparison with an earlier year, a state on the indicator's scale, or a
 * target not quantified yet. A null comparator is the indicator direction's (see framework-file.ts).
 */
@Entity('indicator_targets')
@Index(['indicatorId', 'year'], { unique: true })
@Check('indicator_targets_shape', `("kind" = 'numeric' AND "value" IS NOT NULL) OR "kind" = 'relative' OR ("kind" = 'state' AND "state" IS NOT NULL) OR "kind" = 'to_be_set'`)
export class IndicatorTarget extends TenantEntity {
  @Column('uuid')
  indicatorId: string;

  @ManyToOne(() => Indicator, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: Relation<Indicator>;

  @Column('integer')
  year: number;

  @Column('text')
  kind: TargetKind;

  @Column('text', { nullable: true })
  comparator: Comparator | null;

  @Column('double precision', { nullable: true })
  value: number | null;

  @Column('integer', { nullable: true })
  relativeToYear: number | null;

  @Column('text', { nullable: true })
  state: string | null;

  /** A to_be_set target as the source writes it (">Xx st"). */
  @Column('text', { nullable: true })
  targetText: string | null;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('text', { array: true, default: () => `'{}'` })
  footnotes: string[];

  @Column('integer')
  ordinal: number;
}
