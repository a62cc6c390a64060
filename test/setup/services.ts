import Redis from 'ioredis';
import { Client } from 'pg';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/namndrum';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

const HOW_TO_START = `
Start them with:
  PostgreSQL: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start
  Redis:      redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no
or point DATABASE_URL / REDIS_URL at running servers.`;

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminClient(databaseUrl: string): Promise<Client> {
  const client = new Client({ connectionString: withDatabase(databaseUrl, 'postgres'), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`The tests need PostgreSQL at ${databaseUrl} and could not reach it (${(error as Error).message}).${HOW_TO_START}`);
  }
  return client;
}

export async function redisClient(redisUrl: string): Promise<Redis> {
  const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new Error(`The tests need Redis at ${redisUrl} and could not reach it (${(error as Error).message}).${HOW_TO_START}`);
  }
  return redis;
}
