import type { RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/app-config';

/** Where and as whom to connect; how (timeouts, retries, prefix) is each connection's own choice. */
export type RedisConnection = Pick<RedisOptions, 'host' | 'port' | 'username' | 'password' | 'db' | 'tls' | 'sentinels' | 'name' | 'sentinelPassword' | 'enableTLSForSentinelMode'>;

type RedisSettings = Pick<AppConfig, 'REDIS_URL' | 'REDIS_SENTINELS' | 'REDIS_SENTINEL_NAME' | 'REDIS_SENTINEL_PASSWORD'>;

/**
 * How every Redis connection of a process is made — the shared one and BullMQ's — from the config:
 * one Redis named by REDIS_URL, or, with REDIS_SENTINELS, whichever server the sentinels name as the
 * master of REDIS_SENTINEL_NAME, so that a failover moves every connection to the new master.
 */
export function redisConnectionOptions(config: RedisSettings): RedisConnection {
  const url = new URL(config.REDIS_URL);
  const credentials: RedisConnection = {
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
  };
  const sentinels = parseSentinels(config.REDIS_SENTINELS);
  if (sentinels.length === 0) {
    return { ...credentials, host: url.hostname, port: url.port ? Number(url.port) : 6379 };
  }
  return {
    ...credentials,
    sentinels,
    name: config.REDIS_SENTINEL_NAME,
    ...(config.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: config.REDIS_SENTINEL_PASSWORD } : {}),
    ...(url.protocol === 'rediss:' ? { enableTLSForSentinelMode: true } : {}),
  };
}

export function parseSentinels(list: string): Array<{ host: string; port: number }> {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const separator = entry.lastIndexOf(':');
      return { host: entry.slice(0, separator), port: Number(entry.slice(separator + 1)) };
    });
}
