import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/core/src/database/data-source-options';
import { adminClient, withDatabase } from '../setup/services';

/** Runs the committed migrations on the database at url, as `npm run migration:run` does. */
export async function migrate(url: string): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/**
 * A migrated database of the test file's own, for tests whose worker would otherwise pick up the
 * outbox rows that other test files write into the shared test database.
 */
export class PrivateDatabase {
  url = '';
  private name = '';

  async create(label: string): Promise<this> {
    const base = process.env.NAMNDRUM_TEST_BASE_DATABASE_URL ?? process.env.DATABASE_URL!;
    this.name = `${new URL(process.env.DATABASE_URL!).pathname.slice(1)}_${label}`;
    const admin = await adminClient(base);
    try {
      await admin.query(`CREATE DATABASE "${this.name}"`);
    } finally {
      await admin.end();
    }
    this.url = withDatabase(base, this.name);
    await migrate(this.url);
    return this;
  }

  async drop(): Promise<void> {
    if (!this.name) return;
    const admin = await adminClient(process.env.NAMNDRUM_TEST_BASE_DATABASE_URL ?? this.url);
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
}
