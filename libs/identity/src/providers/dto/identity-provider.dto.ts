import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUrl, Matches, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { RoleGrantDto } from '../../dto/user.dto';
import { PROVIDER_PROTOCOLS, ProviderProtocol, ROLE_SOURCES, RoleSource } from '../identity-provider.entity';

/** A group of the provider's and the grant it gives. */
export class RoleMappingDto extends RoleGrantDto {
  @ApiProperty({ example: 'namndrum-sun-sekreterare', description: "The group's value in the groups claim (Entra ID: the group's object id)" })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  group: string;
}

export class OidcSettingsDto {
  @ApiProperty({ example: 'https://login.microsoftonline.com/<tenant-id>/v2.0', description: 'The issuer; its /.well-known/openid-configuration is read' })
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(2000)
  issuer: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  clientId: string;

  @ApiPropertyOptional({ description: 'Stored encrypted and never answered; left out of a change, the stored one is kept' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  clientSecret?: string;

  @ApiPropertyOptional({ type: [String], default: ['openid', 'profile', 'email'], description: "Add offline_access where the provider issues refresh tokens only then (Entra ID), so sessions can be re-checked" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[\x21\x23-\x5B\x5D-\x7E]+$/, { each: true })
  scopes?: string[];
}

export class SamlSettingsDto {
  @ApiProperty({ description: "The identity provider's SAML 2.0 metadata (EntityDescriptor with IDPSSODescriptor)" })
  @IsString()
  @MinLength(1)
  @MaxLength(1_000_000)
  metadataXml: string;
}

export class CreateIdentityProviderDto {
  @ApiProperty({ example: 'ludvika', description: 'In the URLs registered at the provider: lower-case letters, digits and dashes' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'key may hold lower-case letters, digits and dashes (at most 63)' })
  key: string;

  @ApiProperty({ example: 'Ludvika kommuns konto', description: 'The sign-in button says "Logga in med <displayName>"' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName: string;

  @ApiProperty({ enum: PROVIDER_PROTOCOLS })
  @IsIn(PROVIDER_PROTOCOLS)
  protocol: ProviderProtocol;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ type: OidcSettingsDto, description: 'Required for protocol oidc' })
  @ValidateIf((dto: CreateIdentityProviderDto) => dto.protocol === 'oidc' || dto.oidc !== undefined)
  @ValidateNested()
  @Type(() => OidcSettingsDto)
  oidc?: OidcSettingsDto;

  @ApiPropertyOptional({ type: SamlSettingsDto, description: 'Required for protocol saml' })
  @ValidateIf((dto: CreateIdentityProviderDto) => dto.protocol === 'saml' || dto.saml !== undefined)
  @ValidateNested()
  @Type(() => SamlSettingsDto)
  saml?: SamlSettingsDto;

  @ApiPropertyOptional({ description: 'The claim or attribute that names a user for good; default sub (OIDC; oid for Entra ID) or nameID (SAML, a persistent NameID)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  subjectClaim?: string;

  @ApiPropertyOptional({ description: 'Default email (OIDC) or email (SAML attribute name)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  emailClaim?: string;

  @ApiPropertyOptional({ default: false, description: 'Create a user at the first sign-in of someone the provider vouches for' })
  @IsOptional()
  @IsBoolean()
  createUsers?: boolean;

  @ApiPropertyOptional({ default: false, description: "Link a subject's first sign-in to the user with the provider's verified e-mail address" })
  @IsOptional()
  @IsBoolean()
  linkByEmail?: boolean;

  @ApiProperty({ enum: ROLE_SOURCES, description: 'provider: roles follow the groups claim at every sign-in (roleMappings); namndrum: roles as granted in Nämndrum' })
  @IsIn(ROLE_SOURCES)
  roleSource: RoleSource;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'groups', description: 'Required when roleSource is provider' })
  @ValidateIf((dto: CreateIdentityProviderDto) => dto.roleSource === 'provider' || (dto.groupsClaim !== undefined && dto.groupsClaim !== null))
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  groupsClaim?: string | null;

  @ApiPropertyOptional({ type: [RoleMappingDto], default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => RoleMappingDto)
  roleMappings?: RoleMappingDto[];
}

/** Any field of a provider but its key and protocol, which the URLs registered at the provider depend on. */
export class UpdateIdentityProviderDto extends PartialType(CreateIdentityProviderDto) {}

export class OidcSettingsAnswerDto {
  @ApiProperty() issuer: string;
  @ApiProperty() clientId: string;
  @ApiProperty({ type: [String] }) scopes: string[];
  @ApiProperty({ description: 'Whether a client secret is stored (it is never answered)' }) hasClientSecret: boolean;
  @ApiProperty({ description: 'Register this as the redirect URI at the provider' }) redirectUri: string;
  @ApiProperty({ description: 'Register this as the post-logout redirect URI' }) postLogoutRedirectUri: string;
}

export class SamlSettingsAnswerDto {
  @ApiProperty() idpEntityId: string;
  @ApiProperty() ssoUrl: string;
  @ApiProperty({ type: String, nullable: true }) sloUrl: string | null;
  @ApiProperty({ description: "Nämndrum's entity id, and the address of its SP metadata" }) spEntityId: string;
  @ApiProperty({ description: 'The AssertionConsumerService (HTTP-POST)' }) acsUrl: string;
}

export class IdentityProviderDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) municipalityId: string;
  @ApiProperty() key: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: PROVIDER_PROTOCOLS }) protocol: ProviderProtocol;
  @ApiProperty() enabled: boolean;
  @ApiPropertyOptional({ type: OidcSettingsAnswerDto }) oidc?: OidcSettingsAnswerDto;
  @ApiPropertyOptional({ type: SamlSettingsAnswerDto }) saml?: SamlSettingsAnswerDto;
  @ApiProperty() subjectClaim: string;
  @ApiProperty() emailClaim: string;
  @ApiProperty() createUsers: boolean;
  @ApiProperty() linkByEmail: boolean;
  @ApiProperty({ enum: ROLE_SOURCES }) roleSource: RoleSource;
  @ApiProperty({ type: String, nullable: true }) groupsClaim: string | null;
  @ApiProperty({ type: [RoleMappingDto] }) roleMappings: RoleMappingDto[];
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class SignInProviderDto {
  @ApiProperty({ example: 'ludvika' }) key: string;
  @ApiProperty({ example: 'Ludvika kommuns konto' }) displayName: string;
  @ApiProperty({ enum: PROVIDER_PROTOCOLS }) protocol: ProviderProtocol;
  @ApiProperty({ example: 'Ludvika kommun' }) municipalityName: string;
  @ApiProperty({ example: '/api/auth/sso/ludvika/start', description: 'Where the browser goes to sign in; add ?returnTo=/path' }) startUrl: string;
}

export class SignInOptionsDto {
  @ApiProperty({ description: 'Whether any municipality still lets its users sign in with a password (system administrators always can)' })
  passwordSignIn: boolean;

  @ApiProperty({ type: [SignInProviderDto] }) providers: SignInProviderDto[];
}

export class SignedInWithDto {
  @ApiProperty({ enum: ['password', 'oidc', 'saml'] }) method: 'password' | 'oidc' | 'saml';
  @ApiProperty({ type: String, nullable: true, example: 'Ludvika kommuns konto' }) providerName: string | null;
}

export class SignedOutDto {
  @ApiProperty({ type: String, nullable: true, description: 'Where the browser goes to sign out at the identity provider too (single logout); null when there is nothing more to do' })
  endSessionUrl: string | null;
}


export class IdentityProviderListDto {
  @ApiProperty({ description: "Whether the municipality's users may sign in with a password" }) passwordSignIn: boolean;
  @ApiProperty({ type: [IdentityProviderDto] }) providers: IdentityProviderDto[];
}

export class PasswordSignInDto {
  @ApiProperty({ description: "Whether the municipality's users may sign in with a password; off only with an enabled provider, and by an admin signed in through one" })
  @IsBoolean()
  passwordSignIn: boolean;
}
