import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/core/src/database/data-source-options';
import { adminClient, DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL, redisClient, withDatabase } from './services';
import { useTestEnvironment } from './test-environment';

/**
 * One fresh database and Redis key prefix per test run: created here, migrated with the committed
 * migrations, dropped in global-teardown. Fails at once, saying how to start them, when PostgreSQL
 * or Redis cannot be reached. The environment is the tests' own (test-environment.ts), which Jest's
 * workers and the processes the tests start inherit.
 */
export default async function globalSetup(): Promise<void> {
  useTestEnvironment();
  const baseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const redisUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL;
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  const database = `namndrum_test_${runId}`;

  // Both services are checked before anything is created, so a failed start leaves nothing behind.
  const admin = await adminClient(baseUrl);
  try {
    (await redisClient(redisUrl)).disconnect();
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }

  process.env.NAMNDRUM_TEST_BASE_DATABASE_URL = baseUrl;
  process.env.DATABASE_URL = withDatabase(baseUrl, database);
  process.env.REDIS_URL = redisUrl;
  process.env.REDIS_PREFIX = `namndrum-test-${runId}`;
  process.env.FILES_DIR = mkdtempSync(join(tmpdir(), 'namndrum-test-files-'));

  const dataSource = new DataSource(dataSourceOptions(process.env.DATABASE_URL));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
