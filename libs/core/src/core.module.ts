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
import { MetricsModule } from './metrics/metrics.module';
import { RedisModule } from './redis/redis.module';
import { QueueModule } from './outbox/queue.module';
import { ClockModule } from './time/clock.module';
import { AllExceptionsFilter } from './errors/all-exceptions.filter';
import { createValidationPipe } from './errors/validation';
import { assignRequestId } from './http/request-id';
import { StorableTextPipe } from './http/unstorable-text';

/** Polled every few seconds by load balancers and Prometheus: a log line each would drown the rest. */
const UNLOGGED_PATHS = new Set(['/api/health', '/api/health/live', '/api/health/ready', '/metrics']);

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
          autoLogging: { ignore: (request) => UNLOGGED_PATHS.has(request.url ?? '') },
        },
      }),
    }),
    DatabaseModule,
    RedisModule,
    AuditModule,
    FilesModule,
    QueueModule,
    ClockModule,
    MetricsModule,
  ],
  providers: [
    { provide: APP_PIPE, useClass: StorableTextPipe },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
    { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
  ],
})
export class CoreModule {}
