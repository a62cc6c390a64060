import { ConfigError, identityProvidersOverHttp, loadConfig, secureCookies, trustedProxies } from './app-config';

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

  it('stores files in the local folder unless a bucket is named, and reads the bucket settings', () => {
    expect(loadConfig({}).S3_BUCKET).toBe('');
    const config = loadConfig({ S3_BUCKET: 'namndrum-filer', S3_ENDPOINT: 'http://minio:9000', S3_FORCE_PATH_STYLE: 'true', S3_ACCESS_KEY_ID: 'namndrum', S3_SECRET_ACCESS_KEY: 'hemligt-lösenord', S3_PREFIX: 'ludvika/' });
    expect(config).toMatchObject({ S3_BUCKET: 'namndrum-filer', S3_ENDPOINT: 'http://minio:9000', S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: 'true', S3_PREFIX: 'ludvika/' });
    expect(loadConfig({ S3_BUCKET: 'namndrum-filer', S3_REGION: 'eu-north-1' }).S3_ENDPOINT).toBe('');
  });

  it('refuses bucket settings that cannot work, naming the variable', () => {
    expect(() => loadConfig({ S3_BUCKET: 'Namndrum_Filer' })).toThrow(/S3_BUCKET must be a bucket name/);
    expect(() => loadConfig({ S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT must be an http\(s\) URL/);
    expect(() => loadConfig({ S3_FORCE_PATH_STYLE: 'ja' })).toThrow(/S3_FORCE_PATH_STYLE must be true or false/);
    expect(() => loadConfig({ S3_ACCESS_KEY_ID: 'namndrum' })).toThrow(/S3_SECRET_ACCESS_KEY must be set together with S3_ACCESS_KEY_ID/);
    expect(() => loadConfig({ S3_SECRET_ACCESS_KEY: 'hemligt' })).toThrow(/S3_ACCESS_KEY_ID must be set together with S3_SECRET_ACCESS_KEY/);
    expect(() => loadConfig({ S3_PREFIX: 'ludvika' })).toThrow(/S3_PREFIX must be empty or folder names each ending in a slash/);
  });

  it('refuses the development JWT secret in production, saying which variable to set and how', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is the development secret.*set JWT_SECRET to a random secret of 32 or more characters/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'namndrum-development-secret-change-me' })).toThrow(/JWT_SECRET is the development secret/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).NODE_ENV).toBe('production');
  });

  it('keeps the development secret where a fresh clone runs: NODE_ENV unset, development or test', () => {
    expect(loadConfig({}).JWT_SECRET).toHaveLength(37);
    expect(loadConfig({ NODE_ENV: 'development' }).NODE_ENV).toBe('development');
    expect(loadConfig({ NODE_ENV: 'test' }).NODE_ENV).toBe('test');
  });

  it('refuses a JWT secret shorter than 32 characters in every environment, and any other NODE_ENV', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be at least 32 characters/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(31) })).toThrow(/JWT_SECRET must be at least 32 characters/);
    expect(() => loadConfig({ NODE_ENV: 'staging', JWT_SECRET: 'x'.repeat(40) })).toThrow(/NODE_ENV/);
  });

  it('trusts no proxy unless told, and takes hops or addresses, subnets and names', () => {
    expect(trustedProxies(loadConfig({}))).toBe(false);
    expect(trustedProxies(loadConfig({ TRUST_PROXY: '1' }))).toBe(1);
    expect(trustedProxies(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::1' }))).toEqual(['loopback', '10.0.0.0/8', 'fd00::1']);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY must be a number of hops/);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });

  it('limits failed sign-ins per account, 10 unless told', () => {
    expect(loadConfig({}).LOGIN_ACCOUNT_FAILURE_LIMIT).toBe(10);
    expect(loadConfig({ LOGIN_ACCOUNT_FAILURE_LIMIT: '3' }).LOGIN_ACCOUNT_FAILURE_LIMIT).toBe(3);
    expect(() => loadConfig({ LOGIN_ACCOUNT_FAILURE_LIMIT: '0' })).toThrow(/LOGIN_ACCOUNT_FAILURE_LIMIT/);
  });

  it('marks the session cookie Secure in production unless told otherwise, and only when told elsewhere', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) };
    expect(secureCookies(loadConfig(production))).toBe(true);
    expect(secureCookies(loadConfig({ ...production, COOKIE_SECURE: 'false' }))).toBe(false);
    expect(secureCookies(loadConfig({}))).toBe(false);
    expect(secureCookies(loadConfig({ COOKIE_SECURE: 'true' }))).toBe(true);
    expect(() => loadConfig({ COOKIE_SECURE: 'yes' })).toThrow(/COOKIE_SECURE must be true or false/);
  });

  it('bounds a browser session at 12 hours from sign-in and 2 hours unused unless told', () => {
    expect(loadConfig({})).toMatchObject({ SESSION_TTL: '12h', SESSION_IDLE_TTL: '2h' });
    expect(() => loadConfig({ SESSION_IDLE_TTL: '2 hours' })).toThrow(/SESSION_IDLE_TTL must look like/);
  });

  it('takes a 32-byte SECRETS_KEY as hex or base64 and refuses anything else', () => {
    expect(loadConfig({ SECRETS_KEY: 'ab'.repeat(32) }).SECRETS_KEY).toBe('ab'.repeat(32));
    expect(loadConfig({ SECRETS_KEY: Buffer.alloc(32, 7).toString('base64') }).SECRETS_KEY).toHaveLength(44);
    expect(() => loadConfig({ SECRETS_KEY: 'ab'.repeat(16) })).toThrow(/SECRETS_KEY must be 32 bytes/);
    expect(() => loadConfig({ SECRETS_KEY: 'not a key' })).toThrow(/SECRETS_KEY must be 32 bytes/);
  });

  it('re-checks provider sessions every 10 minutes, tolerates at most 5 minutes of clock skew, and reaches providers over http only outside production', () => {
    expect(loadConfig({})).toMatchObject({ IDP_RECHECK_INTERVAL: '10m', IDP_CLOCK_TOLERANCE_SECONDS: 60 });
    expect(() => loadConfig({ IDP_CLOCK_TOLERANCE_SECONDS: '301' })).toThrow(/IDP_CLOCK_TOLERANCE_SECONDS must be at most 300/);
    expect(() => loadConfig({ IDP_RECHECK_INTERVAL: 'often' })).toThrow(/IDP_RECHECK_INTERVAL must look like/);
    expect(identityProvidersOverHttp(loadConfig({}))).toBe(true);
    expect(identityProvidersOverHttp(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }))).toBe(false);
    expect(identityProvidersOverHttp(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), IDP_ALLOW_HTTP: 'true' }))).toBe(true);
  });
});
