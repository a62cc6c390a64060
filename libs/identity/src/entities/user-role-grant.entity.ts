import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { GrantedRole } from '@namndrum/core';
import { User } from './user.entity';

/** One role of a user, scoped to an organ (secretary) or a department (department head, case officer). */
@Entity('user_role_grants')
@Index('user_role_grants_unique', { synchronize: false })
@Check('user_role_grants_scope', `("role" = 'secretary') = ("organ_id" IS NOT NULL) AND ("role" IN ('department_head', 'case_officer')) = ("department_id" IS NOT NULL)`)
export class UserRoleGrant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, (user) => user.grants, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column('text')
  role: GrantedRole;

  @Column('uuid', { nullable: true })
  organId: string | null;

  @Column('uuid', { nullable: true })
  departmentId: string | null;
}
