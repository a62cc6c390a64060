import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { adminClient, redisClient } from './services';

export default async function globalTeardown(): Promise<void> {
  const filesDir = process.env.FILES_DIR;
  if (filesDir?.startsWith(tmpdir())) rmSync(filesDir, { recursive: true, force: true });
  const testUrl = new URL(process.env.DATABASE_URL!);
  const database = testUrl.pathname.slice(1);
  if (!database.startsWith('namndrum_test_')) return;
  const admin = await adminClient(process.env.NAMNDRUM_TEST_BASE_DATABASE_URL!);
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const redis = await redisClient(process.env.REDIS_URL!);
  try {
    const keys = await redis.keys(`${process.env.REDIS_PREFIX}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
