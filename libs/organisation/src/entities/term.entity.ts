import { Check, Column, Entity, Exclusion } from 'typeorm';
import { TenantEntity } from '@namndrum/core';

/** A mandatperiod, normally four years from 1 January after the election year. */
@Entity('terms')
@Check('terms_dates_ordered', '"start_date" <= "end_date"')
@Exclusion('terms_no_overlap', `USING gist ("municipality_id" WITH =, daterange("start_date", "end_date", '[]') WITH &&)`)
export class Term extends TenantEntity {
  @Column('text')
  name: string;

  @Column('date')
  startDate: string;

  @Column('date')
  endDate: string;
}
