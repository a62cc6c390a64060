import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('starts with working local defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/namndrum');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.PORT).toBe(3000);
    expect(config.TZ).toBe('Europe/Stockholm');
  });

  it('reads variables from the environment', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@db:5432/x' });
    expect(config.PORT).toBe(8080);
    expect(config.DATABASE_URL).toBe('postgres://u@db:5432/x');
  });

  it('takes PORT=0 to mean a free port the system chooses', () => {
    expect(loadConfig({ PORT: '0' }).PORT).toBe(0);
  });

  it('refuses to start and names the bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ REDIS_URL: 'http://x' })).toThrow(/REDIS_URL must be a redis:\/\/ URL/);
    expect(() => loadConfig({ TZ: 'UTC' })).toThrow(ConfigError);
  });

  it('refuses the development JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).NODE_ENV).toBe('production');
  });
});
