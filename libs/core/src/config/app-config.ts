import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';
import { existsSync } from 'node:fs';

const DEVELOPMENT_JWT_SECRET = 'namndrum-development-secret-change-me';

/**
 * Every setting the processes read, validated once at boot. Defaults are the local development
 * set-up (PostgreSQL and Redis on 127.0.0.1), so a fresh clone runs without an .env file.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/namndrum';

  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Matches(/^[A-Za-z0-9:_-]+$/, { message: 'REDIS_PREFIX may contain letters, digits, colon, dash and underscore' })
  REDIS_PREFIX = 'namndrum';

  /**
   * Redis Sentinel for a highly available Redis: the sentinels as host:port, comma-separated. Empty:
   * REDIS_URL names the one Redis. Set: the sentinels name the master of REDIS_SENTINEL_NAME, and
   * REDIS_URL gives only its user, password, database and TLS (its host is not used).
   */
  @Matches(/^([^\s,:]+:\d{1,5}(\s*,\s*[^\s,:]+:\d{1,5})*)?$/, { message: 'REDIS_SENTINELS must be host:port pairs, comma-separated' })
  REDIS_SENTINELS = '';

  /** The master the sentinels watch (`sentinel monitor <name> ...`). */
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'REDIS_SENTINEL_NAME may contain letters, digits, dot, dash and underscore' })
  REDIS_SENTINEL_NAME = 'mymaster';

  /** The sentinels' own password, when they require one (`requirepass` in sentinel.conf). */
  @IsString()
  REDIS_SENTINEL_PASSWORD = '';

  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'PORT must be an integer' })
  // 0: the system chooses a free port, which the API prints when it listens.
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'PUBLIC_BASE_URL must be an http(s) URL' })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  @IsString()
  @IsNotEmpty({ message: 'FILES_DIR must not be empty' })
  FILES_DIR = './var/files';

  /**
   * The S3-compatible bucket files are stored in (AWS S3, MinIO); empty: the local folder FILES_DIR.
   * Every API and worker process of one installation must name the same bucket.
   */
  @ValidateIf((config: AppConfig) => config.S3_BUCKET !== '')
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must be a bucket name: 3 to 63 lower-case letters, digits, dots and dashes' })
  S3_BUCKET = '';

  /** The S3 API's address, e.g. http://minio:9000; empty: AWS's own, chosen by S3_REGION. */
  @ValidateIf((config: AppConfig) => config.S3_ENDPOINT !== '')
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'S3_ENDPOINT must be an http(s) URL, or empty for AWS' })
  S3_ENDPOINT = '';

  @Matches(/^[a-z0-9-]+$/, { message: 'S3_REGION must be a region name such as us-east-1 or eu-north-1' })
  S3_REGION = 'us-east-1';

  /** With S3_SECRET_ACCESS_KEY; both empty: the AWS SDK's default credentials (environment, profile, instance role). */
  @ValidateIf((config: AppConfig) => config.S3_ACCESS_KEY_ID !== '' || config.S3_SECRET_ACCESS_KEY !== '')
  @IsNotEmpty({ message: 'S3_ACCESS_KEY_ID must be set together with S3_SECRET_ACCESS_KEY (or neither, for the default credentials)' })
  S3_ACCESS_KEY_ID = '';

  @ValidateIf((config: AppConfig) => config.S3_ACCESS_KEY_ID !== '' || config.S3_SECRET_ACCESS_KEY !== '')
  @IsNotEmpty({ message: 'S3_SECRET_ACCESS_KEY must be set together with S3_ACCESS_KEY_ID (or neither, for the default credentials)' })
  S3_SECRET_ACCESS_KEY = '';

  /** Whether the bucket is addressed as <endpoint>/<bucket> rather than <bucket>.<endpoint>; MinIO needs true. */
  @IsIn(['true', 'false'], { message: 'S3_FORCE_PATH_STYLE must be true or false' })
  S3_FORCE_PATH_STYLE: 'true' | 'false' = 'false';

  /** A folder inside the bucket for this installation's files, e.g. namndrum/, when the bucket is shared. */
  @Matches(/^([A-Za-z0-9!_.*'()-]+\/)*$/, { message: 'S3_PREFIX must be empty or folder names each ending in a slash, e.g. namndrum/' })
  S3_PREFIX = '';

  /** The built web app (`npm run build:web`), served at `/`. */
  @IsString()
  @IsNotEmpty({ message: 'WEB_DIR must not be empty' })
  WEB_DIR = './dist/web';

  /** The largest file a user may upload, in bytes (default 25 MB). */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'UPLOAD_MAX_BYTES must be an integer' })
  @Min(1024)
  UPLOAD_MAX_BYTES = 25 * 1024 * 1024;

  @IsIn(['Europe/Stockholm'], { message: 'TZ must be Europe/Stockholm: legal dates are computed in Swedish local time' })
  TZ = 'Europe/Stockholm';

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET = DEVELOPMENT_JWT_SECRET;

  @Matches(/^\d+[smhd]$/, { message: 'JWT_TTL must look like 30m, 8h or 1d' })
  JWT_TTL = '8h';

  /** How long a browser session lasts from sign-in, however much it is used. */
  @Matches(/^\d+[smhd]$/, { message: 'SESSION_TTL must look like 30m, 12h or 1d' })
  SESSION_TTL = '12h';

  /** A browser session unused this long is over. */
  @Matches(/^\d+[smhd]$/, { message: 'SESSION_IDLE_TTL must look like 30m, 2h or 1d' })
  SESSION_IDLE_TTL = '2h';

  /**
   * The key identity providers' client secrets and a session's provider tokens are encrypted with
   * (AES-256-GCM): 32 random bytes as 64 hex digits or base64. Empty: derived from JWT_SECRET, so
   * changing JWT_SECRET then means entering the providers' secrets again.
   */
  @Matches(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=?)?$/, { message: 'SECRETS_KEY must be 32 bytes as 64 hex digits or base64 (openssl rand -hex 32)' })
  SECRETS_KEY = '';

  /** How often a session signed in through an identity provider asks the provider whether the user may still sign in. */
  @Matches(/^\d+[smhd]$/, { message: 'IDP_RECHECK_INTERVAL must look like 5m, 10m or 1h' })
  IDP_RECHECK_INTERVAL = '10m';

  /** How far the provider's clock may be from ours when a token's or assertion's times are checked. */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'IDP_CLOCK_TOLERANCE_SECONDS must be an integer' })
  @Min(0)
  @Max(300, { message: 'IDP_CLOCK_TOLERANCE_SECONDS must be at most 300: a wider window accepts old tokens' })
  IDP_CLOCK_TOLERANCE_SECONDS = 60;

  /** Whether identity providers may be reached over plain http; empty: only outside production (tests, the Keycloak demo). */
  @IsIn(['', 'true', 'false'], { message: 'IDP_ALLOW_HTTP must be true or false' })
  IDP_ALLOW_HTTP: '' | 'true' | 'false' = '';

  /** Whether the session cookie is sent over HTTPS only; empty: only when NODE_ENV=production. */
  @IsIn(['', 'true', 'false'], { message: 'COOKIE_SECURE must be true or false' })
  COOKIE_SECURE: '' | 'true' | 'false' = '';

  /** Sign-in attempts per minute from one client address at one account. */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'LOGIN_RATE_LIMIT must be an integer' })
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  /** Failed sign-ins at one account, from any address, before it takes no more for 15 minutes. */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'LOGIN_ACCOUNT_FAILURE_LIMIT must be an integer' })
  @Min(1)
  LOGIN_ACCOUNT_FAILURE_LIMIT = 10;

  /** Requests per minute one anonymous client address may make to the public pages, feeds, files and OParl; 0: no limit. */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'PUBLIC_RATE_LIMIT_PER_MINUTE must be an integer (0 turns the limit off)' })
  @Min(0, { message: 'PUBLIC_RATE_LIMIT_PER_MINUTE must be 0 (no limit) or more' })
  PUBLIC_RATE_LIMIT_PER_MINUTE = 600;

  /**
   * The proxies in front of the API whose X-Forwarded-For names the client: a number of hops, or
   * addresses, subnets and the names loopback, linklocal, uniquelocal, comma-separated. Empty: none,
   * the client is the address that connects.
   */
  @Matches(/^(\d+|(loopback|linklocal|uniquelocal|[\da-fA-F.:]+(\/\d+)?)(\s*,\s*(loopback|linklocal|uniquelocal|[\da-fA-F.:]+(\/\d+)?))*)?$/, { message: 'TRUST_PROXY must be a number of hops or a comma-separated list of addresses, subnets or loopback, linklocal, uniquelocal' })
  TRUST_PROXY = '';

  /** The SMTP server notices are sent through (the development compose file runs Mailpit on 1025). */
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  /** The sender of every e-mail, e.g. "Ludvika kommun <namndrum@ludvika.se>". */
  @IsString()
  @Matches(/^(.*<)?[^\s@<>]+@[^\s@<>]+>?$/, { message: 'MAIL_FROM must be an address, optionally with a name: Name <address>' })
  MAIL_FROM = 'Nämndrum <namndrum@localhost>';

  /** A notice DOCX larger than this is linked in the e-mail instead of attached. */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'NOTICE_ATTACHMENT_MAX_BYTES must be an integer' })
  @Min(0)
  NOTICE_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

  /** E-mails the worker sends at the same time. */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'MAIL_CONCURRENCY must be an integer' })
  @Min(1)
  @Max(200)
  MAIL_CONCURRENCY = 16;

  /**
   * How long a worker holds a job (BullMQ lock) and a delivery (claim) before another worker may take
   * it over after a crash.
   */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'WORKER_LOCK_MS must be an integer' })
  @Min(2000)
  WORKER_LOCK_MS = 60000;

  /** How often the worker re-enqueues outbox work missing from Redis. */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'RECONCILE_INTERVAL_MS must be an integer' })
  @Min(1000)
  RECONCILE_INTERVAL_MS = 60000;

  /** Kolada's API (actual values of indicators with a Kolada KPI id). */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'KOLADA_BASE_URL must be an http(s) URL' })
  KOLADA_BASE_URL = 'https://api.kolada.se';

  /**
   * What converts documents to PDF: "soffice", the machine's LibreOffice kept warm by the worker, or
   * "gotenberg", the Gotenberg service at GOTENBERG_URL. Empty: gotenberg when GOTENBERG_URL is set.
   */
  @IsIn(['', 'soffice', 'gotenberg'], { message: 'PDF_ENGINE must be soffice or gotenberg' })
  PDF_ENGINE: '' | 'soffice' | 'gotenberg' = '';

  /** Gotenberg 8's address, e.g. http://gotenberg:3000 in docker-compose.yml. */
  @ValidateIf((config: AppConfig) => config.GOTENBERG_URL !== '' || config.PDF_ENGINE === 'gotenberg')
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'GOTENBERG_URL must be an http(s) URL (PDF_ENGINE=gotenberg needs it)' })
  GOTENBERG_URL = '';

  /** LibreOffice instances the soffice engine keeps warm; each converts one batch at a time. */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'PDF_ENGINE_POOL_SIZE must be an integer' })
  @Min(1)
  @Max(16)
  PDF_ENGINE_POOL_SIZE = 1;

  /** How long one conversion call may take; then it fails, and soffice's instance is restarted. */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'PDF_CONVERSION_TIMEOUT_MS must be an integer' })
  @Min(1000)
  PDF_CONVERSION_TIMEOUT_MS = 120000;

  /** LibreOffice's soffice, for PDF_ENGINE=soffice. */
  @IsString()
  @IsNotEmpty({ message: 'SOFFICE_PATH must not be empty' })
  SOFFICE_PATH = 'soffice';

  /** unoconv, the client that hands soffice its documents; an absolute path runs under /usr/bin/python3 when there is one. */
  @IsString()
  @IsNotEmpty({ message: 'UNOCONV_PATH must not be empty' })
  UNOCONV_PATH = existsSync('/usr/bin/unoconv') ? '/usr/bin/unoconv' : 'unoconv';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /**
   * The bearer token Prometheus sends to GET /metrics (the API's and the worker's). Empty: /metrics is
   * open in development and test and answers 404 in production, so that no install exposes it by accident.
   */
  @IsString()
  METRICS_TOKEN = '';

  /** The worker's own Prometheus listener (GET /metrics on this port); empty: none. 0 lets the system choose a port, which the worker logs. */
  @Transform(({ value }) => (value === null ? null : Number(value)))
  @ValidateIf((config: AppConfig) => config.WORKER_METRICS_PORT !== null)
  @IsInt({ message: 'WORKER_METRICS_PORT must be an integer port' })
  @Min(0)
  @Max(65535)
  WORKER_METRICS_PORT: number | null = null;
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const given = Object.fromEntries(
    known.filter((key) => env[key] !== undefined && env[key] !== '').map((key) => [key, env[key]]),
  );
  const config = plainToInstance(AppConfig, given, { exposeDefaultValues: true });
  const errors = validateSync(config);
  if (config.NODE_ENV === 'production' && config.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    throw new ConfigError('Invalid configuration: JWT_SECRET is the development secret, which anyone can read in the source; set JWT_SECRET to a random secret of 32 or more characters (e.g. openssl rand -hex 32) when NODE_ENV=production');
  }
  if (errors.length > 0) {
    const lines = errors.map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return config;
}

/** TRUST_PROXY as Express's `trust proxy` setting takes it. */
export function trustedProxies(config: AppConfig): number | string[] | false {
  if (config.TRUST_PROXY === '') return false;
  if (/^\d+$/.test(config.TRUST_PROXY)) return Number(config.TRUST_PROXY);
  return config.TRUST_PROXY.split(',').map((entry) => entry.trim());
}

const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** A duration setting (JWT_TTL, SESSION_TTL, SESSION_IDLE_TTL: 30m, 8h, 1d) in seconds. */
export function ttlSeconds(ttl: string): number {
  return Number(ttl.slice(0, -1)) * DURATION_UNITS[ttl.slice(-1)];
}

/** COOKIE_SECURE, or when it is not set, whether the process runs in production. */
export function secureCookies(config: AppConfig): boolean {
  return config.COOKIE_SECURE === '' ? config.NODE_ENV === 'production' : config.COOKIE_SECURE === 'true';
}

/** IDP_ALLOW_HTTP, or when it is not set, whether the process runs outside production. */
export function identityProvidersOverHttp(config: AppConfig): boolean {
  return config.IDP_ALLOW_HTTP === '' ? config.NODE_ENV !== 'production' : config.IDP_ALLOW_HTTP === 'true';
}

/** For a process entry point: the validated config, or a message naming every bad variable and exit code 1. */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
