import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useTestEnvironment } from './test-environment';

/**
 * The resilience suite starts its own PostgreSQL and Redis servers per test file (test/support/cluster.ts),
 * since it stops and kills them; the machine's are never touched. What is set here is what every file shares.
 */
export default function resilienceGlobalSetup(): void {
  useTestEnvironment();
  process.env.REDIS_PREFIX = `namndrum-resilience-${process.pid}`;
  process.env.FILES_DIR = mkdtempSync(join(tmpdir(), 'namndrum-resilience-files-'));
}
