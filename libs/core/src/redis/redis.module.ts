import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS } from './redis.token';
import { AppConfig } from '../config/app-config';
import { redisConnectionOptions } from './redis-connection';

/** Closes the shared connection when the application shuts down. */
@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** One Redis connection per process; every key carries the configured prefix. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new Redis({ ...redisConnectionOptions(config), keyPrefix: `${config.REDIS_PREFIX}:`, lazyConnect: false, maxRetriesPerRequest: 2 }),
    },
    RedisLifecycle,
  ],
  exports: [REDIS],
})
export class RedisModule {}
