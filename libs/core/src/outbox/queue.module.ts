import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import type { RedisOptions as BullRedisOptions } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { redisConnectionOptions } from '../redis/redis-connection';
import { OutboxJob } from './outbox-job.entity';
import { OutboxReconciler } from './outbox-reconciler';
import { OutboxService } from './outbox.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QUEUES } from './queues';

/** BullMQ's connection, made as every Redis connection is; its blocking commands need maxRetriesPerRequest null. */
export function bullConnection(config: AppConfig): BullRedisOptions {
  return { ...redisConnectionOptions(config), maxRetriesPerRequest: null };
}

/** BullMQ keys live under the process's Redis prefix, so test runs and municipalities' installs stay apart. */
export function bullPrefix(config: AppConfig): string {
  return `${config.REDIS_PREFIX}:bull`;
}

/** The queues (producers) every process has; only the worker registers processors. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([OutboxJob]),
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ connection: bullConnection(config), prefix: bullPrefix(config) }),
    }),
    BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name }))),
  ],
  providers: [OutboxService, OutboxReconciler],
  exports: [OutboxService, OutboxReconciler, BullModule],
})
export class QueueModule {}
