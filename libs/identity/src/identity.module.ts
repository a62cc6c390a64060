import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, RedisThrottlerStorage } from '@namndrum/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { IDENTITY_ENTITIES } from './entities';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { UserService } from './user.service';
import { UsersController } from './users.controller';

@Module({
  imports: [
    TypeOrmModule.forFeature(IDENTITY_ENTITIES),
    JwtModule.registerAsync({
      inject: [AppConfig],
      // A ready key object: given a string, jsonwebtoken first tries (and fails) to read it as a public key on every verification.
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')) as unknown as string, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, RedisThrottlerStorage],
      useFactory: (config: AppConfig, storage: RedisThrottlerStorage) => ({
        throttlers: [{ name: 'login', ttl: 60_000, limit: config.LOGIN_RATE_LIMIT }],
        storage,
        errorMessage: 'För många inloggningsförsök. Vänta en minut och försök igen.',
      }),
    }),
  ],
  controllers: [AuthController, UsersController],
  providers: [AuthService, UserService, LoginThrottlerGuard, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, UserService],
})
export class IdentityModule {}
