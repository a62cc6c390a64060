import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { RequestContextInterceptor } from './context/request-context.interceptor';
import { DatabaseModule } from './database/database.module';
import { FilesModule } from './files/files.module';
import { loggerOptions } from './logging/logger-options';
import { RedisModule } from './redis/redis.module';
import { QueueModule } from './outbox/queue.module';
import { ClockModule } from './time/clock.module';
import { AllExceptionsFilter } from './errors/all-exceptions.filter';
import { createValidationPipe } from './errors/validation';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          ...loggerOptions(config, { terminal: Boolean(process.stdout.isTTY) }),
          genReqId: (request, response) => {
            const given = request.headers['x-request-id'];
            const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
            response.setHeader('x-request-id', id);
            return id;
          },
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
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
    { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
  ],
})
export class CoreModule {}
