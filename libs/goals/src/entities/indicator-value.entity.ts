import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import type { Bound } from '../format/framework-file';
import { Indicator } from './indicator.entity';

/** Utfall: the measured value for a year, or for a date within it ("Avser november 2022"). */
@Entity('indicator_values')
@Index('indicator_values_year', ['indicatorId', 'year'], { unique: true, where: '"as_of" IS NULL' })
@Index('indicator_values_as_of', ['indicatorId', 'year', 'asOf'], { unique: true, where: '"as_of" IS NOT NULL' })
// The unique indexes are partial: an indicator's values by its id alone (a chart, an export, an import) need one of their own.
@Index('indicator_values_indicator', ['indicatorId'])
@Check('indicator_values_bound', `"bound" IS NULL OR ("bound" IN ('>=', '>', '<=', '<') AND "value" IS NOT NULL)`)
export class IndicatorValue extends TenantEntity {
  @Column('uuid')
  indicatorId: string;

  @ManyToOne(() => Indicator, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: Relation<Indicator>;

  @Column('integer')
  year: number;

  @Column('date', { nullable: true })
  asOf: string | null;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('double precision', { nullable: true })
  value: number | null;

  /** The value is a bound, not a measurement ("≥18"). */
  @Column('text', { nullable: true })
  bound: Bound | null;

  @Column('text', { nullable: true })
  state: string | null;

  @Column('boolean', { default: false })
  preliminary: boolean;

  @Column('text', { array: true, default: () => `'{}'` })
  footnotes: string[];

  /** Where the value comes from ("Kolada" for imported values). */
  @Column('text', { nullable: true })
  source: string | null;

  @Column('integer')
  ordinal: number;
}
