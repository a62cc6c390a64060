import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../database/base.entity';

/** The tenant: every other row belongs to exactly one municipality. */
@Entity('municipalities')
export class Municipality extends BaseEntity {
  @Column('text')
  name: string;

  /** SCB municipality code, four digits (Ludvika: 2085). */
  @Column('char', { length: 4, unique: true })
  code: string;

  /** Whether users may sign in with a password; an admin turns it off once the municipality signs in through its identity provider. */
  @Column('boolean', { default: true })
  passwordSignIn: boolean;
}
