import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { AuthMethod } from '@namndrum/core';
import { IdentityProvider } from '../providers/identity-provider.entity';
import { User } from './user.entity';

/** A signed-in browser: the session cookie's secret, hashed, and the bounds of its life. */
@Entity('user_sessions')
@Index('user_sessions_secret', ['secretSha256'], { unique: true })
@Index('user_sessions_user', ['userId'])
@Check('user_sessions_auth_method', `"auth_method" IN ('password', 'oidc', 'saml')`)
@Check('user_sessions_provider', `("auth_method" = 'password') = ("provider_id" IS NULL)`)
export class UserSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  /** SHA-256 of the cookie's value. */
  @Column('bytea')
  secretSha256: Buffer;

  /** The user's token version at sign-in; a password change raises it and so ends the session. */
  @Column('integer')
  tokenVersion: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  /** Written at most once a minute, so the idle timeout is that coarse. */
  @Column('timestamptz', { default: () => 'now()' })
  lastSeenAt: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @Column('text', { nullable: true })
  userAgent: string | null;

  @Column('text', { nullable: true })
  clientAddress: string | null;

  @Column('text', { default: 'password' })
  authMethod: AuthMethod;

  /** The identity provider that signed the browser in; null for a password. */
  @Column('uuid', { nullable: true })
  providerId: string | null;

  @ManyToOne(() => IdentityProvider, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'provider_id' })
  provider?: Relation<IdentityProvider> | null;

  /** What single logout needs: the OIDC sid, or the SAML NameID and SessionIndex. */
  @Column('jsonb', { nullable: true })
  providerSession: Record<string, string> | null;

  /** The provider's refresh and id tokens, encrypted, for re-checking the user and for logout. */
  @Column('text', { nullable: true })
  providerTokensEncrypted: string | null;

  /** When the provider last confirmed the user; the session is re-checked IDP_RECHECK_INTERVAL after. */
  @Column('timestamptz', { nullable: true })
  providerCheckedAt: Date | null;
}
