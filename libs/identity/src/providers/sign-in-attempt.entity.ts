import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { IdentityProvider } from './identity-provider.entity';

/**
 * A sign-in sent to a provider and not yet come back. Deleted as it is used, so the same state (OIDC)
 * or the same InResponseTo (SAML) is accepted once.
 */
@Entity('sign_in_attempts')
@Index('sign_in_attempts_state', ['stateSha256'], { unique: true })
@Index('sign_in_attempts_expiry', ['expiresAt'])
export class SignInAttempt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  providerId: string;

  @ManyToOne(() => IdentityProvider, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'provider_id' })
  provider?: Relation<IdentityProvider>;

  /** Of the OIDC state, or of the SAML AuthnRequest's id. */
  @Column('bytea')
  stateSha256: Buffer;

  /** Of the cookie the browser was given when it left: the callback must come from the same browser (OIDC). */
  @Column('bytea', { nullable: true })
  browserBindingSha256: Buffer | null;

  @Column('text', { nullable: true })
  nonce: string | null;

  @Column('text', { nullable: true })
  codeVerifier: string | null;

  @Column('text')
  returnTo: string;

  @Column('timestamptz')
  expiresAt: Date;
}
