import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig, AuthenticatedUser } from '@namndrum/core';

const CHANNEL = 'user_access_changed';
const RECONNECT_MS = 1000;

export interface UserAccessCacheLimits {
  maxUsers: number;
  /**
   * How long an entry may be used without a new read. Notifications make a change take effect at
   * once; this only bounds a listener connection that is broken without the process noticing.
   */
  ttlMs: number;
}

export const USER_ACCESS_CACHE_LIMITS: UserAccessCacheLimits = { maxUsers: 10_000, ttlMs: 30_000 };

interface Entry {
  tokenVersion: number;
  user: AuthenticatedUser;
  readAt: number;
}

/**
 * What a bearer token's user may do (active, token version, grants), as last read from PostgreSQL, kept
 * in this process so that a request costs no query for it. PostgreSQL says when to forget: the
 * UserAccessChanges triggers notify `user_access_changed` with the user's id when a change commits, and
 * this process listens on a connection of its own, so a deactivated user, a changed password or a
 * removed grant stops working in every API process as soon as the notification arrives (milliseconds).
 * Nothing is kept while the listener is not connected, and a read that began before a notification
 * arrived is not kept, since it may predate the change. The process that made the change forgets
 * the user before it answers (`forget`), so its own next request never waits for the notification.
 * The listener connects on the first use: a process that authenticates no one holds no connection.
 */
export class UserAccessCache implements OnApplicationShutdown {
  private readonly logger = new Logger(UserAccessCache.name);
  private readonly entries = new Map<string, Entry>();
  private client: Client | null = null;
  private started = false;
  private stopped = false;
  private reconnect: NodeJS.Timeout | null = null;
  private listening = false;
  /** Advanced by every notification and every (re)connection: a read from before it is not kept. */
  private epoch = 0;

  constructor(
    private readonly config: AppConfig,
    private readonly limits: UserAccessCacheLimits = USER_ACCESS_CACHE_LIMITS,
  ) {}

  /** The user as cached for this token version, else as `load` reads it from PostgreSQL. */
  async read(userId: string, tokenVersion: number, load: () => Promise<AuthenticatedUser | null>): Promise<AuthenticatedUser | null> {
    if (!this.started) this.start();
    const entry = this.entries.get(userId);
    if (this.listening && entry && entry.tokenVersion === tokenVersion && Date.now() - entry.readAt < this.limits.ttlMs) {
      return entry.user;
    }
    const epoch = this.epoch;
    const readAt = Date.now();
    const user = await load();
    if (user && this.listening && epoch === this.epoch) this.keep(userId, { tokenVersion, user, readAt });
    return user;
  }

  /** Drops the user here at once; other processes drop them when the commit's notification reaches them. */
  forget(userId: string): void {
    this.epoch += 1;
    this.entries.delete(userId);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    this.stopListening();
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private keep(userId: string, entry: Entry): void {
    // Re-inserted at the end, so the first key is the one read longest ago.
    this.entries.delete(userId);
    if (this.entries.size >= this.limits.maxUsers) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(userId, entry);
  }

  private start(): void {
    this.started = true;
    void this.listen();
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.DATABASE_URL, keepAlive: true });
    client.on('notification', (message) => {
      if (message.payload) this.forget(message.payload);
      else this.forgetEveryone();
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      if (this.client !== client) return;
      // Whatever changed while no one listened is unknown: start empty.
      this.forgetEveryone();
      this.listening = true;
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  private forgetEveryone(): void {
    this.epoch += 1;
    this.entries.clear();
  }

  private stopListening(): void {
    this.listening = false;
    this.forgetEveryone();
  }

  private lost(client: Client, error: Error): void {
    if (client !== this.client) return;
    this.stopListening();
    this.client = null;
    client.end().catch(() => undefined);
    if (this.stopped || this.reconnect) return;
    this.logger.warn({ error: error.message }, 'Not listening for user access changes; every request reads its user from the database until it listens again');
    this.reconnect = setTimeout(() => {
      this.reconnect = null;
      void this.listen();
    }, RECONNECT_MS);
    this.reconnect.unref();
  }
}
