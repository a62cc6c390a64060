import { DataSourceOptions, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { MIGRATIONS } from './migrations';
import { Municipality } from '../tenancy/municipality.entity';

export const DATABASE_CONNECT_TIMEOUT_MS = 20_000;

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = (Function | string | EntitySchema)[];

export function dataSourceOptions(databaseUrl: string, entities: EntityList = []): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: [Municipality, ...entities],
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+; no uuid-ossp extension needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    // Timestamps are stored and exchanged in UTC; Europe/Stockholm is applied when computing dates.
    // A request waits at most this long for a connection (a new one, or a free one from the pool) and is then
    // answered 503, instead of hanging while PostgreSQL is unreachable. node-postgres has one setting for both
    // waits, so it is long enough for a busy pool: under a burst, requests queue for a free connection for seconds.
    extra: { options: '-c timezone=UTC', connectionTimeoutMillis: DATABASE_CONNECT_TIMEOUT_MS },
  };
}
