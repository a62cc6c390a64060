import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { User } from '../entities/user.entity';
import { IdentityProvider } from './identity-provider.entity';

/** A user as an identity provider knows them: its stable subject, never a name or address that can change. */
@Entity('user_identities')
@Index('user_identities_subject', ['providerId', 'subject'], { unique: true })
@Index('user_identities_one_per_provider', ['userId', 'providerId'], { unique: true })
export class UserIdentity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column('uuid')
  providerId: string;

  @ManyToOne(() => IdentityProvider, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'provider_id' })
  provider?: Relation<IdentityProvider>;

  @Column('text')
  subject: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  lastSignInAt: Date | null;
}
