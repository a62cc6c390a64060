import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, AuditService, ConflictError, InvalidInputError, NotFoundError, RequestContext } from '@namndrum/core';
import { UserService } from '../user.service';
import { CreateIdentityProviderDto, IdentityProviderDto, SignInOptionsDto, UpdateIdentityProviderDto } from './dto/identity-provider.dto';
import { IdentityProvider, OidcSettings, ProviderSecrets, RoleMapping, SamlSettings } from './identity-provider.entity';
import { OidcClient } from './oidc-client';
import { SignInRefused } from './provider-identity';
import { ProviderSignInService } from './provider-sign-in.service';
import { readIdpMetadata } from './saml-metadata';

const DEFAULT_SCOPES = ['openid', 'profile', 'email'];

/** The municipality admin's register of identity providers. A provider's settings are checked when saved, not at a user's sign-in. */
@Injectable()
export class IdentityProvidersService {
  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly oidcClient: OidcClient,
    private readonly signIn: ProviderSignInService,
    private readonly users: UserService,
    private readonly audit: AuditService,
  ) {}

  /** What the sign-in page offers: every enabled provider, and whether passwords are still allowed anywhere. */
  async signInOptions(): Promise<SignInOptionsDto> {
    const providers = await this.dataSource.query<{ key: string; display_name: string; protocol: 'oidc' | 'saml'; municipality_name: string }[]>(
      `SELECT p.key, p.display_name, p.protocol, m.name AS municipality_name
       FROM identity_providers p JOIN municipalities m ON m.id = p.municipality_id
       WHERE p.enabled ORDER BY m.name, p.display_name`,
    );
    const [passwords] = await this.dataSource.query<{ allowed: boolean }[]>(`SELECT NOT EXISTS (SELECT 1 FROM municipalities) OR bool_or(password_sign_in) AS allowed FROM municipalities`);
    return {
      passwordSignIn: passwords.allowed,
      providers: providers.map((row) => ({
        key: row.key,
        displayName: row.display_name,
        protocol: row.protocol,
        municipalityName: row.municipality_name,
        startUrl: `/api/auth/sso/${row.key}/start`,
      })),
    };
  }

  async list(ctx: RequestContext): Promise<IdentityProviderDto[]> {
    const providers = await ctx.em.getRepository(IdentityProvider).find({ where: { municipalityId: ctx.municipalityId }, order: { displayName: 'ASC' } });
    return providers.map((provider) => this.toDto(provider));
  }

  async get(ctx: RequestContext, id: string): Promise<IdentityProviderDto> {
    return this.toDto(await this.load(ctx, id));
  }

  async create(ctx: RequestContext, dto: CreateIdentityProviderDto): Promise<IdentityProviderDto> {
    const repository = ctx.em.getRepository(IdentityProvider);
    if (await repository.existsBy({ key: dto.key })) {
      throw new ConflictError('IDENTITY_PROVIDER_KEY_TAKEN', `Nyckeln ${dto.key} används redan av en annan inloggningstjänst`, [{ field: 'key', messages: ['already taken'] }]);
    }
    const provider = repository.create({
      municipalityId: ctx.municipalityId,
      key: dto.key,
      protocol: dto.protocol,
      enabled: dto.enabled ?? true,
      secretsEncrypted: null,
      roleMappings: [],
    });
    await this.apply(ctx, provider, dto, {});
    const saved = await repository.save(provider);
    await this.sealSecrets(ctx, saved, dto);
    await this.audit.record(ctx, { action: 'create', entityType: 'IdentityProvider', entityId: saved.id, after: this.toDto(saved) });
    return this.toDto(saved);
  }

  async update(ctx: RequestContext, id: string, dto: UpdateIdentityProviderDto): Promise<IdentityProviderDto> {
    const provider = await this.load(ctx, id);
    const before = this.toDto(provider);
    if (dto.key !== undefined && dto.key !== provider.key) {
      throw new InvalidInputError('IDENTITY_PROVIDER_KEY_FIXED', 'Nyckeln kan inte ändras: den ingår i adresserna som är registrerade hos leverantören. Lägg till en ny inloggningstjänst i stället.', [{ field: 'key', messages: ['cannot change'] }]);
    }
    if (dto.protocol !== undefined && dto.protocol !== provider.protocol) {
      throw new InvalidInputError('IDENTITY_PROVIDER_PROTOCOL_FIXED', 'Protokollet kan inte ändras. Lägg till en ny inloggningstjänst i stället.', [{ field: 'protocol', messages: ['cannot change'] }]);
    }
    if (dto.enabled === false && provider.enabled) await this.assertNotTheLastWay(ctx, provider);
    await this.apply(ctx, provider, { ...dto, protocol: provider.protocol }, this.signIn.readSecrets(provider));
    if (dto.enabled !== undefined) provider.enabled = dto.enabled;
    const saved = await ctx.em.getRepository(IdentityProvider).save(provider);
    await this.sealSecrets(ctx, saved, dto);
    await this.audit.record(ctx, { action: 'update', entityType: 'IdentityProvider', entityId: id, before, after: this.toDto(saved) });
    return this.toDto(saved);
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    const provider = await this.load(ctx, id);
    if (provider.enabled) await this.assertNotTheLastWay(ctx, provider);
    await ctx.em.getRepository(IdentityProvider).delete({ id });
    await this.audit.record(ctx, { action: 'delete', entityType: 'IdentityProvider', entityId: id, before: this.toDto(provider) });
  }

  async passwordSignIn(ctx: RequestContext): Promise<boolean> {
    const [row] = await ctx.em.query<{ password_sign_in: boolean }[]>(`SELECT password_sign_in FROM municipalities WHERE id = $1`, [ctx.municipalityId]);
    return row?.password_sign_in ?? true;
  }

  /** Turns password sign-in on or off for the actor's municipality. Off only with a provider to sign in with, and tried first. */
  async setPasswordSignIn(ctx: RequestContext, allowed: boolean): Promise<void> {
    if (!allowed) {
      const [enabled] = await ctx.em.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM identity_providers WHERE municipality_id = $1 AND enabled`, [ctx.municipalityId]);
      if (enabled.count === 0) {
        throw new ConflictError('NO_IDENTITY_PROVIDER', 'Lösenorden kan inte stängas av förrän kommunen har en inloggningstjänst som används');
      }
      if (ctx.actor?.authentication.method === 'password') {
        throw new ConflictError('SIGN_IN_WITH_PROVIDER_FIRST', 'Logga in med kommunens konto först: då vet du att det fungerar innan lösenorden stängs av');
      }
    }
    await ctx.em.query(`UPDATE municipalities SET password_sign_in = $2, updated_at = now() WHERE id = $1`, [ctx.municipalityId, allowed]);
    await this.audit.record(ctx, { action: 'update', entityType: 'Municipality', entityId: ctx.municipalityId, after: { passwordSignIn: allowed } });
  }

  private async assertNotTheLastWay(ctx: RequestContext, provider: IdentityProvider): Promise<void> {
    const [row] = await ctx.em.query<{ password_sign_in: boolean; others: number }[]>(
      `SELECT m.password_sign_in, (SELECT count(*)::int FROM identity_providers p WHERE p.municipality_id = m.id AND p.enabled AND p.id <> $2) AS others
       FROM municipalities m WHERE m.id = $1`,
      [provider.municipalityId, provider.id],
    );
    if (!row.password_sign_in && row.others === 0) {
      throw new ConflictError('LAST_WAY_TO_SIGN_IN', 'Det här är kommunens enda sätt att logga in: slå på inloggning med lösenord eller lägg till en annan inloggningstjänst först');
    }
  }

  private async apply(ctx: RequestContext, provider: IdentityProvider, dto: UpdateIdentityProviderDto, storedSecrets: ProviderSecrets): Promise<void> {
    const oidcDefaults = provider.protocol === 'oidc';
    if (dto.displayName !== undefined) provider.displayName = dto.displayName.trim();
    provider.subjectClaim = dto.subjectClaim ?? provider.subjectClaim ?? (oidcDefaults ? 'sub' : 'nameID');
    provider.emailClaim = dto.emailClaim ?? provider.emailClaim ?? 'email';
    if (dto.createUsers !== undefined) provider.createUsers = dto.createUsers;
    if (dto.linkByEmail !== undefined) provider.linkByEmail = dto.linkByEmail;
    if (dto.roleSource !== undefined) provider.roleSource = dto.roleSource;
    if (dto.groupsClaim !== undefined) provider.groupsClaim = dto.groupsClaim;
    if (provider.roleSource === 'provider' && !provider.groupsClaim) {
      throw new InvalidInputError('GROUPS_CLAIM_REQUIRED', 'Ange vilket anspråk som bär grupperna när rollerna hämtas från leverantören', [{ field: 'groupsClaim', messages: ['required when roleSource is provider'] }]);
    }
    if (dto.roleMappings !== undefined) {
      const mappings: RoleMapping[] = [];
      for (const [index, mapping] of dto.roleMappings.entries()) {
        const grant = await this.users.validGrant(ctx, mapping, `roleMappings.${index}`);
        mappings.push({ group: mapping.group, role: mapping.role, organId: grant.organId, departmentId: grant.departmentId });
      }
      provider.roleMappings = mappings;
    }
    if (provider.protocol === 'oidc' && dto.oidc) {
      const settings: OidcSettings = { issuer: dto.oidc.issuer, clientId: dto.oidc.clientId, scopes: dto.oidc.scopes ?? (provider.settings as OidcSettings | undefined)?.scopes ?? DEFAULT_SCOPES };
      if (!settings.scopes.includes('openid')) settings.scopes = ['openid', ...settings.scopes];
      try {
        await this.oidcClient.verifyDiscovery(settings, dto.oidc.clientSecret ?? storedSecrets.clientSecret);
      } catch (error) {
        const reason = error instanceof SignInRefused ? error.message : String(error);
        throw new InvalidInputError('OIDC_DISCOVERY_FAILED', 'Inloggningstjänsten svarar inte som en OpenID Connect-leverantör på den adressen', [{ field: 'oidc.issuer', messages: [reason] }]);
      }
      provider.settings = settings;
    } else if (provider.protocol === 'saml' && dto.saml) {
      provider.settings = readIdpMetadata(dto.saml.metadataXml) satisfies SamlSettings;
    } else if (!provider.settings) {
      const field = provider.protocol;
      throw new InvalidInputError('PROVIDER_SETTINGS_REQUIRED', provider.protocol === 'oidc' ? 'Ange utfärdare och klient-id' : 'Ange leverantörens SAML-metadata', [{ field, messages: [`required for protocol ${field}`] }]);
    }
    if (dto.displayName === undefined && !provider.displayName) {
      throw new InvalidInputError('DISPLAY_NAME_REQUIRED', 'Ange ett namn för knappen', [{ field: 'displayName', messages: ['required'] }]);
    }
  }

  /** Seals a new client secret to the saved row's id; a change without one keeps the stored secret. */
  private async sealSecrets(ctx: RequestContext, provider: IdentityProvider, dto: UpdateIdentityProviderDto): Promise<void> {
    if (provider.protocol !== 'oidc' || dto.oidc?.clientSecret === undefined) return;
    provider.secretsEncrypted = this.signIn.sealSecrets(provider.id, { clientSecret: dto.oidc.clientSecret });
    await ctx.em.getRepository(IdentityProvider).update({ id: provider.id }, { secretsEncrypted: provider.secretsEncrypted });
  }

  private async load(ctx: RequestContext, id: string): Promise<IdentityProvider> {
    const provider = await ctx.em.getRepository(IdentityProvider).findOneBy({ id, municipalityId: ctx.municipalityId });
    if (!provider) throw new NotFoundError('Inloggningstjänsten');
    return provider;
  }

  private toDto(provider: IdentityProvider): IdentityProviderDto {
    const base = {
      id: provider.id,
      municipalityId: provider.municipalityId,
      key: provider.key,
      displayName: provider.displayName,
      protocol: provider.protocol,
      enabled: provider.enabled,
      subjectClaim: provider.subjectClaim,
      emailClaim: provider.emailClaim,
      createUsers: provider.createUsers,
      linkByEmail: provider.linkByEmail,
      roleSource: provider.roleSource,
      groupsClaim: provider.groupsClaim,
      roleMappings: provider.roleMappings,
      updatedAt: provider.updatedAt,
    };
    if (provider.protocol === 'oidc') {
      const settings = provider.settings as OidcSettings;
      return {
        ...base,
        oidc: {
          issuer: settings.issuer,
          clientId: settings.clientId,
          scopes: settings.scopes,
          hasClientSecret: provider.secretsEncrypted !== null,
          redirectUri: this.signIn.redirectUri(provider),
          postLogoutRedirectUri: new URL('/logga-in?utloggad=1', this.config.PUBLIC_BASE_URL).href,
        },
      };
    }
    const settings = provider.settings as SamlSettings;
    const sp = this.signIn.serviceProvider(provider);
    return { ...base, saml: { idpEntityId: settings.entityId, ssoUrl: settings.ssoUrl, sloUrl: settings.sloUrl, spEntityId: sp.entityId, acsUrl: sp.acsUrl } };
  }
}
