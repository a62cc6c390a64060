import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig, REDIS } from '@namndrum/core';

export const PUBLIC_RATE_WINDOW_MS = 60_000;

// One round trip: the request is counted in its address's window, which starts with its first request and
// lasts a minute (a fixed window per address: at most twice the limit across a window's edge, never more).
const COUNT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { hits, ttl }
`;

export interface PublicRateCount {
  /** Requests counted in the current window, this one included. */
  hits: number;
  limit: number;
  /** Milliseconds until the window ends and the count starts again. */
  resetMs: number;
}

/**
 * Counts anonymous requests to the public paths per client address in Redis (under the app's key prefix), so
 * every API process shares one count. PUBLIC_RATE_LIMIT_PER_MINUTE: 0 counts nothing.
 */
@Injectable()
export class PublicRateLimiter {
  private readonly sha = createHash('sha1').update(COUNT).digest('hex');

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  get limit(): number {
    return this.config.PUBLIC_RATE_LIMIT_PER_MINUTE;
  }

  async count(address: string): Promise<PublicRateCount> {
    const key = `public-rate:${address}`;
    let result: [number, number];
    try {
      result = (await this.redis.evalsha(this.sha, 1, key, PUBLIC_RATE_WINDOW_MS)) as [number, number];
    } catch (error) {
      if (!String((error as Error).message).includes('NOSCRIPT')) throw error;
      result = (await this.redis.eval(COUNT, 1, key, PUBLIC_RATE_WINDOW_MS)) as [number, number];
    }
    return { hits: result[0], limit: this.limit, resetMs: Math.max(0, result[1]) };
  }
}
