import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { Indicator } from './indicator.entity';

export const TARGET_KINDS = ['numeric', 'relative', 'state'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** Målvärde for a year: a number with a comparator, a comparison with an earlier year, or a state on the indicator's scale. */
@Entity('indicator_targets')
@Index(['indicatorId', 'year'], { unique: true })
@Check('indicator_targets_shape', `("kind" = 'numeric' AND "value" IS NOT NULL AND "comparator" IS NOT NULL) OR ("kind" = 'relative' AND "comparator" IS NOT NULL) OR ("kind" = 'state' AND "state" IS NOT NULL)`)
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
  comparator: '>=' | '>' | '<=' | '<' | '=' | null;

  @Column('double precision', { nullable: true })
  value: number | null;

  @Column('integer', { nullable: true })
  relativeToYear: number | null;

  @Column('text', { nullable: true })
  state: string | null;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('text', { array: true, default: () => `'{}'` })
  footnotes: string[];

  @Column('integer')
  ordinal: number;
}
