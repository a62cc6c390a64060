import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig, REDIS } from '@namndrum/core';

const ADDRESS_WINDOW_MS = 60_000;
const ACCOUNT_WINDOW_MS = 15 * 60_000;

// One atomic step, so that concurrent guesses cannot all pass before any is counted: an attempt
// from one address at one account is counted (all attempts, per minute); then, unless the account has
// had its failures for the window, the attempt takes a place among them until it proves to succeed.
const ADMIT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
if hits > tonumber(ARGV[2]) then return { 0, redis.call('PTTL', KEYS[1]) } end
local failures = tonumber(redis.call('GET', KEYS[2]) or '0')
if failures >= tonumber(ARGV[4]) then return { 0, redis.call('PTTL', KEYS[2]) } end
if redis.call('INCR', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[3]) end
return { 1, 0 }
`;

// A successful sign-in gives back only the place its own attempt took, never the failures of others.
const RELEASE = `
if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
return 0
`;

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

/**
 * Slows password guessing: per client address and account (LOGIN_RATE_LIMIT a minute, so one
 * person's typing does not lock out an office behind one address) and per account from every
 * address (LOGIN_ACCOUNT_FAILURE_LIMIT failures in 15 minutes). Counted in Redis, shared by every
 * API process.
 */
@Injectable()
export class LoginLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  async admit(address: string, email: string): Promise<Admission> {
    const account = normalizedEmail(email);
    const [admitted, retryAfterMs] = (await this.redis.eval(
      ADMIT,
      2,
      `login:address:${digest(`${address}\n${account}`)}`,
      accountKey(account),
      ADDRESS_WINDOW_MS,
      this.config.LOGIN_RATE_LIMIT,
      ACCOUNT_WINDOW_MS,
      this.config.LOGIN_ACCOUNT_FAILURE_LIMIT,
    )) as [number, number];
    if (admitted === 1) return { admitted: true };
    const window = retryAfterMs > 0 ? retryAfterMs : ACCOUNT_WINDOW_MS;
    return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(window / 1000)) };
  }

  async succeeded(email: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, accountKey(normalizedEmail(email)));
  }
}

export function normalizedEmail(email: string): string {
  return email.trim().toLowerCase();
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex');
const accountKey = (account: string) => `login:account:${digest(account)}`;
