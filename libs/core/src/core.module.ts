import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { RequestContextInterceptor } from './context/request-context.interceptor';
import { DatabaseModule } from './database/database.module';
import { FilesModule } from './files/files.module';
import { httpLogSerializers, loggerOptions } from './logging/logger-options';
import { RedisModule } from './redis/redis.module';
import { QueueModule } from './outbox/queue.module';
import { ClockModule } from './time/clock.module';
import { AllExceptionsFilter } from './errors/all-exceptions.filter';
import { createValidationPipe } from './errors/validation';
import { assignRequestId } from './http/request-id';
import { StorableTextPipe } from './http/unstorable-text';

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          ...loggerOptions(config, { terminal: Boolean(process.stdout.isTTY) }),
          genReqId: assignRequestId,
          serializers: httpLogSerializers,
          autoLogging: { ignore: (request) => request.url === '/api/health' },
        },
      }),
    }),
    DatabaseModule,
    RedisModule,
    AuditModule,
    FilesModule,
    QueueModule,
    ClockModule,
  ],
  providers: [
    { provide: APP_PIPE, useClass: StorableTextPipe },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
    { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
  ],
})
export class CoreModule {}
