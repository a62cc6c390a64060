import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import globalSetup from './global-setup';

const ROOT = join(__dirname, '..', '..');

/**
 * The browser tests use the built web app, so it is built first (a second or two): a test never
 * runs against a stale build. Then the same fresh database and Redis prefix as the e2e tests.
 */
export default async function browserGlobalSetup(): Promise<void> {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(ROOT, 'apps/web/vite.config.mts'), '--logLevel', 'warn'], {
    cwd: ROOT,
    // Jest's NODE_ENV=test would give React's development build; the tests use what users get.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await globalSetup();
}
