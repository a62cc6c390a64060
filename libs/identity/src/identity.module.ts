import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@namndrum/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { IDENTITY_ENTITIES } from './entities';
import { JsonBodyGuard } from './json-body.guard';
import { LoginLimiter } from './login-limiter';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { SessionService } from './session.service';
import { UserAccessCache } from './user-access-cache';
import { UserService } from './user.service';
import { UsersController } from './users.controller';
import { IdentityProvidersController, SignInOptionsController } from './providers/identity-providers.controller';
import { IdentityProvidersService } from './providers/identity-providers.service';
import { OidcClient } from './providers/oidc-client';
import { ProviderSecretsReader } from './providers/provider-secrets';
import { ProviderSignInService } from './providers/provider-sign-in.service';
import { SamlClient } from './providers/saml-client';
import { SsoController } from './providers/sso.controller';

@Module({
  imports: [
    TypeOrmModule.forFeature(IDENTITY_ENTITIES),
    JwtModule.registerAsync({
      inject: [AppConfig],
      // A ready key object: given a string, jsonwebtoken first tries (and fails) to read it as a public key on every verification.
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')) as unknown as string, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
    }),
  ],
  controllers: [AuthController, UsersController, SignInOptionsController, IdentityProvidersController, SsoController],
  providers: [
    AuthService,
    SessionService,
    UserService,
    ProviderSecretsReader,
    OidcClient,
    SamlClient,
    ProviderSignInService,
    IdentityProvidersService,
    { provide: UserAccessCache, inject: [AppConfig], useFactory: (config: AppConfig) => new UserAccessCache(config) },
    LoginLimiter,
    LoginThrottlerGuard,
    JsonBodyGuard,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, UserService],
})
export class IdentityModule {}
