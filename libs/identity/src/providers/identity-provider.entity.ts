import { Check, Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import type { AssignableRole } from '../dto/user.dto';

export const PROVIDER_PROTOCOLS = ['oidc', 'saml'] as const;
export type ProviderProtocol = (typeof PROVIDER_PROTOCOLS)[number];

/** Where a provider's users get their roles: mapped from its group claim at every sign-in, or as granted in Nämndrum. */
export const ROLE_SOURCES = ['provider', 'namndrum'] as const;
export type RoleSource = (typeof ROLE_SOURCES)[number];

export interface RoleMapping {
  /** The group's value in the groups claim: a name, or an object id (Entra ID). */
  group: string;
  role: AssignableRole;
  organId: string | null;
  departmentId: string | null;
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  scopes: string[];
}

/** What the SAML metadata said, kept as read so a sign-in needs no metadata fetch. */
export interface SamlSettings {
  entityId: string;
  ssoUrl: string;
  sloUrl: string | null;
  certificates: string[];
  metadataXml: string;
}

/** What is encrypted at rest (secrets_encrypted), with the row's id as associated data. */
export interface ProviderSecrets {
  clientSecret?: string;
}

/** A municipality's identity provider, registered by its admin: OpenID Connect or SAML 2.0. */
@Entity('identity_providers')
@Index('identity_providers_key', ['key'], { unique: true })
@Index('identity_providers_municipality', ['municipalityId'])
@Check('identity_providers_key_format', `"key" ~ '^[a-z0-9][a-z0-9-]{0,62}$'`)
@Check('identity_providers_protocol', `"protocol" IN ('oidc', 'saml')`)
@Check('identity_providers_role_source', `"role_source" IN ('provider', 'namndrum')`)
@Check('identity_providers_groups_claim', `"role_source" = 'namndrum' OR "groups_claim" IS NOT NULL`)
export class IdentityProvider extends TenantEntity {
  /** In the provider's URLs (/api/auth/sso/<key>/callback): lower-case letters, digits and dashes. */
  @Column('text')
  key: string;

  /** What the sign-in button says after "Logga in med": "Ludvika kommuns konto". */
  @Column('text')
  displayName: string;

  @Column('text')
  protocol: ProviderProtocol;

  @Column('boolean', { default: true })
  enabled: boolean;

  @Column('jsonb')
  settings: OidcSettings | SamlSettings;

  @Column('text', { nullable: true })
  secretsEncrypted: string | null;

  /** The claim (OIDC) or attribute (SAML; "nameID" for the NameID) that names a user for good. */
  @Column('text')
  subjectClaim: string;

  @Column('text')
  emailClaim: string;

  @Column('boolean', { default: false })
  createUsers: boolean;

  /** On a subject's first sign-in, link it to the user with the provider's verified e-mail address. */
  @Column('boolean', { default: false })
  linkByEmail: boolean;

  @Column('text')
  roleSource: RoleSource;

  @Column('text', { nullable: true })
  groupsClaim: string | null;

  @Column('jsonb', { default: () => `'[]'` })
  roleMappings: RoleMapping[];
}
