/** What the tests take from the machine: its basics, and where PostgreSQL and Redis are. */
const FROM_THE_MACHINE = new Set([
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'TMPDIR',
  'TMP',
  'TEMP',
  'LANG',
  'LC_ALL',
  'LC_CTYPE',
  'TERM',
  'NO_COLOR',
  'FORCE_COLOR',
  'CI',
  'NODE_OPTIONS',
  'DATABASE_URL',
  'REDIS_URL',
]);
/** The tests' own switches (TEST_LOG_LEVEL, TEST_WORKER_LOG, ...) and Jest's (JEST_WORKER_ID). */
const TEST_SWITCHES = /^(TEST_|JEST_)/;

/**
 * The environment the tests run in. A developer's shell holds what running the system needed
 * (PUBLIC_BASE_URL, SMTP_URL, JWT_SECRET, PORT, TZ, PG* …); none of it may change what a test sees,
 * so everything else is dropped and the tests set what they need themselves.
 */
export function testEnvironment(given: NodeJS.ProcessEnv): Record<string, string> {
  const kept = Object.entries(given).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && (FROM_THE_MACHINE.has(entry[0]) || TEST_SWITCHES.test(entry[0])),
  );
  // Every test file asks the public pages from one address into one Redis prefix, so the per-address limit
  // would count them all together; test/public-rate-limit.e2e-spec.ts sets a limit of its own.
  return { ...Object.fromEntries(kept), NODE_ENV: 'test', LOG_LEVEL: given.TEST_LOG_LEVEL || 'silent', PUBLIC_RATE_LIMIT_PER_MINUTE: '0' };
}

/** Replaces the process's environment with the tests' one; child processes started later inherit it. */
export function useTestEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  const clean = testEnvironment(env);
  for (const key of Object.keys(env)) delete env[key];
  Object.assign(env, clean);
}
