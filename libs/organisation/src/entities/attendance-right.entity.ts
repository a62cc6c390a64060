import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { Organ } from './organ.entity';
import { Person } from './person.entity';

/** Närvarorätt: someone besides the members who may attend (and usually speak at) an organ's meetings. */
@Entity('attendance_rights')
@Index(['municipalityId', 'organId'])
@Check('attendance_rights_who', `"person_id" IS NOT NULL OR "role_description" IS NOT NULL`)
@Check('attendance_rights_dates_ordered', `"valid_to" IS NULL OR "valid_from" <= "valid_to"`)
export class AttendanceRight extends TenantEntity {
  @Column('uuid')
  organId: string;

  @ManyToOne(() => Organ, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organ_id' })
  organ?: Relation<Organ>;

  @Column('uuid', { nullable: true })
  personId: string | null;

  @ManyToOne(() => Person, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<Person> | null;

  /** Who holds the right when it goes with a post rather than a person ("Förvaltningschef SOU"). */
  @Column('text', { nullable: true })
  roleDescription: string | null;

  /** Yttranderätt: may speak at the meeting. */
  @Column('boolean', { default: true })
  canSpeak: boolean;

  /** The decision or rule the right rests on. */
  @Column('text', { nullable: true })
  basis: string | null;

  @Column('date')
  validFrom: string;

  @Column('date', { nullable: true })
  validTo: string | null;
}
