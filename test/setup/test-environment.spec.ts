import { testEnvironment } from './test-environment';

describe('testEnvironment', () => {
  it("keeps the machine's basics and where PostgreSQL and Redis are, and drops what a developer exported to run the system", () => {
    const developerShell = {
      PATH: '/usr/bin',
      HOME: '/home/dev',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/namndrum',
      REDIS_URL: 'redis://127.0.0.1:6379',
      PUBLIC_BASE_URL: 'http://example.invalid',
      SMTP_URL: 'smtp://example.invalid:25',
      MAIL_FROM: 'Someone <someone@example.invalid>',
      JWT_SECRET: 'x'.repeat(40),
      FILES_DIR: '/srv/files',
      PORT: '8080',
      TZ: 'UTC',
      NODE_ENV: 'development',
      LOG_LEVEL: 'debug',
      PGPASSWORD: 'secret',
      npm_lifecycle_event: 'test',
    };
    expect(testEnvironment(developerShell)).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/dev',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/namndrum',
      REDIS_URL: 'redis://127.0.0.1:6379',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '0',
    });
  });

  it("keeps the tests' own switches and Jest's", () => {
    expect(testEnvironment({ TEST_LOG_LEVEL: 'info', TEST_WORKER_LOG: '1', JEST_WORKER_ID: '3' })).toEqual({
      TEST_LOG_LEVEL: 'info',
      TEST_WORKER_LOG: '1',
      JEST_WORKER_ID: '3',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '0',
    });
  });
});
