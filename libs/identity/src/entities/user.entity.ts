import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, Relation } from 'typeorm';
import { BaseEntity, Municipality } from '@namndrum/core';
import { UserRoleGrant } from './user-role-grant.entity';

/** Someone who signs in. Linked to a Person when the user is one of the municipality's people. */
@Entity('users')
@Index(['email'], { unique: true })
export class User extends BaseEntity {
  /** Null only for system administrators, who belong to no municipality. */
  @Column('uuid', { nullable: true })
  municipalityId: string | null;

  @ManyToOne(() => Municipality, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Relation<Municipality> | null;

  /** Stored lower-case; the login name. */
  @Column('text')
  email: string;

  /** Null for a user who signs in through an identity provider only. */
  @Column('text', { nullable: true })
  passwordHash: string | null;

  @Column('uuid', { nullable: true })
  personId: string | null;

  @Column('boolean', { default: true })
  active: boolean;

  @Column('timestamptz', { nullable: true })
  lastLoginAt: Date | null;

  /** Carried by every token issued to the user; raised to refuse all tokens issued before. */
  @Column('integer', { default: 0 })
  tokenVersion: number;

  @OneToMany(() => UserRoleGrant, (grant) => grant.user, { cascade: true })
  grants: Relation<UserRoleGrant>[];
}
