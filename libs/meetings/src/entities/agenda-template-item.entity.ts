import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { Organ } from '@namndrum/organisation';
import type { StandardPlacement } from './agenda-item.entity';

/** A standard item of an organ's agenda template, copied onto each new meeting. */
@Entity('agenda_template_items')
@Index(['organId', 'position'], { unique: true })
export class AgendaTemplateItem extends TenantEntity {
  @Column('uuid')
  organId: string;

  @ManyToOne(() => Organ, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organ_id' })
  organ?: Relation<Organ>;

  @Column('integer')
  position: number;

  @Column('text')
  title: string;

  @Column('text')
  placement: StandardPlacement;
}
