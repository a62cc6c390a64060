import { DataSourceOptions, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { MIGRATIONS } from './migrations';
import { Municipality } from '../tenancy/municipality.entity';

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
    extra: { options: '-c timezone=UTC' },
  };
}
