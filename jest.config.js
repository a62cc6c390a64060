/** Unit specs sit beside the code (libs/, apps/, seeds/); end-to-end specs in test/ run against real PostgreSQL and Redis. */
const shared = {
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest'] },
  // NestJS 12 ships as ES modules; SWC turns them into CommonJS for Jest.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|uid|load-esm|file-type|strtok3|token-types|@tokenizer|@borewit|uint8array-extras|pdfjs-dist|nanoid|feed|openid-client|oauth4webapi|jose)/)'],
  moduleNameMapper: { '^@namndrum/([a-z-]+)$': '<rootDir>/libs/$1/src' },
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/seeds/**/*.spec.ts', '<rootDir>/test/setup/*.spec.ts', '<rootDir>/test/support/*.spec.ts'],
      setupFiles: ['<rootDir>/test/setup/unit-setup.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      slowTestThreshold: 20,
    },
    {
      ...shared,
      // Stops, kills and restarts servers of its own, and runs the real API and worker as several processes.
      displayName: 'resilience',
      testMatch: ['<rootDir>/test/resilience/*.resilience-spec.ts'],
      globalSetup: '<rootDir>/test/setup/resilience-global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/resilience-global-teardown.ts',
      slowTestThreshold: 120,
    },
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/setup/browser-global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/setup/browser-timeout.ts'],
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      slowTestThreshold: 60,
    },
  ],
  // A bound for a test or hook that hangs, not a measure: on a loaded 2-core machine an app's start-up alone has taken 30 s.
  testTimeout: 60000,
};
