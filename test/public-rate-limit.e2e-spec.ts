import Redis from 'ioredis';
import { createTenant } from './factories/tenant.factory';
import { PrivateRedis } from './support/private-redis';
import { createTestApp, TestApp } from './support/test-app';

const LIMIT = 5;

/**
 * The per-address limit on the public paths, with PUBLIC_RATE_LIMIT_PER_MINUTE=5 and the test's loopback as a
 * trusted proxy, so that X-Forwarded-For names the client. A Redis of its own, so no other test file's public
 * requests are counted with these.
 */
describe('the rate limit for anonymous clients on the public paths', () => {
  let redis: PrivateRedis;
  let testApp: TestApp;
  const saved = { limit: process.env.PUBLIC_RATE_LIMIT_PER_MINUTE, proxy: process.env.TRUST_PROXY, redis: process.env.REDIS_URL };

  const from = (address: string, path: string) => testApp.http().get(path).set('X-Forwarded-For', address);

  beforeAll(async () => {
    redis = await new PrivateRedis().start();
    process.env.REDIS_URL = redis.url;
    process.env.PUBLIC_RATE_LIMIT_PER_MINUTE = String(LIMIT);
    process.env.TRUST_PROXY = 'loopback';
    testApp = await createTestApp();
  }, 120_000);

  afterAll(async () => {
    await testApp?.close();
    await redis?.stop();
    for (const [key, value] of [['PUBLIC_RATE_LIMIT_PER_MINUTE', saved.limit], ['TRUST_PROXY', saved.proxy], ['REDIS_URL', saved.redis]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('lets an address make the limit of requests a minute on every public root, then answers 429 with Retry-After in Swedish HTML', async () => {
    const paths = ['/anslagstavla/0000', '/kommun/0000', '/sammantraden/00000000-0000-4000-8000-000000000000', '/handlingar/00000000-0000-4000-8000-000000000000', '/anslagstavla/0000/flode.atom'];
    for (const path of paths) {
      const response = await from('203.0.113.1', path);
      expect(response.status).not.toBe(429);
      expect(response.headers['ratelimit-limit']).toBe(String(LIMIT));
    }
    const refused = await from('203.0.113.1', '/anslagstavla/0000').expect(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers['content-type']).toContain('text/html');
    expect(refused.text).toContain('<html lang="sv">');
    expect(refused.text).toContain('För många förfrågningar');
  });

  it('answers OParl over the limit in its JSON error format', async () => {
    for (let request = 0; request < LIMIT; request += 1) expect((await from('203.0.113.2', '/oparl/v1').set('Accept', 'application/json')).status).not.toBe(429);
    const refused = await from('203.0.113.2', '/oparl/v1').expect(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.body).toMatchObject({ statusCode: 429, error: 'TOO_MANY_REQUESTS' });
  });

  it('does not limit another address, nor the API under /api, nor a signed-in user', async () => {
    await from('203.0.113.1', '/kommun/0000').expect(429);
    expect((await from('203.0.113.3', '/kommun/0000')).status).toBe(404);
    for (let request = 0; request < LIMIT + 3; request += 1) expect((await from('203.0.113.1', '/api/health')).status).toBe(200);
    const { token } = await (await createTenant(testApp, 'Gränskommun')).user([{ role: 'admin' }]);
    expect((await from('203.0.113.1', '/kommun/0000').set('Authorization', `Bearer ${token}`)).status).toBe(404);
    expect((await from('203.0.113.1', '/kommun/0000').set('Authorization', 'Bearer forfalskad')).status).toBe(429);
  });

  it('never refuses an address that keeps below the limit, and keeps its count for one window only', async () => {
    // The limit scaled down: a crawler that keeps below it within a minute is never refused, and its count is per address.
    for (let request = 0; request < LIMIT; request += 1) expect((await from('198.51.100.7', '/anslagstavla/0000')).status).toBe(404);
    const client = new Redis(redis.url);
    try {
      const [key] = await client.keys('*public-rate:198.51.100.7');
      expect(key).toBeDefined();
      expect(Number(await client.get(key))).toBe(LIMIT);
      // A new window starts when this one ends: the count is kept no longer than a minute.
      expect(await client.pttl(key)).toBeGreaterThan(0);
      expect(await client.pttl(key)).toBeLessThanOrEqual(60_000);
    } finally {
      client.disconnect();
    }
  });
});
