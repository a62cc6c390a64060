import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '@namndrum/core';

const CHANNEL = 'publication_changes';
const RECONNECT_MS = 1000;

/**
 * Tells when what the public reads may have changed, in every API process alike (PostgreSQL is the one
 * source; see the PublicationChanges migration):
 * - `version()`: the `publication_changes` sequence, advanced by every write to a public table in the
 *   writing transaction — so the answer to a request that comes after a write is never a copy from before it;
 * - `epoch`: advanced by the commit notifications this process listens for — so a page rendered while a
 *   writing transaction was still open is dropped once it commits.
 * While the listener is not connected, nothing may be cached (`listening` is false).
 */
@Injectable()
export class PublicationChanges implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(PublicationChanges.name);
  private client: Client | null = null;
  private stopped = false;
  private reconnect: NodeJS.Timeout | null = null;
  epoch = 0;
  listening = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    this.listening = false;
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  async version(): Promise<string> {
    const [row]: { last_value: string }[] = await this.dataSource.query(`SELECT last_value FROM publication_changes`);
    return row.last_value;
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.DATABASE_URL });
    client.on('notification', () => this.changed());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.client = client;
      // Whatever changed while no one listened.
      this.changed();
      this.listening = true;
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  private changed(): void {
    this.epoch += 1;
  }

  private lost(client: Client, error: Error): void {
    if (client !== this.client && this.client !== null) return;
    this.listening = false;
    this.client = null;
    client.end().catch(() => undefined);
    if (this.stopped || this.reconnect) return;
    this.logger.warn({ error: error.message }, 'Not listening for publication changes; public answers are not cached until it listens again');
    this.reconnect = setTimeout(() => {
      this.reconnect = null;
      void this.listen();
    }, RECONNECT_MS);
    this.reconnect.unref();
  }
}
