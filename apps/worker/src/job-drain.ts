import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';

/**
 * Stops taking jobs and lets the active ones finish before anything they use is closed. Nest closes the
 * BullMQ workers in the same shutdown phase as the SMTP pool, the database and Redis, so without this a
 * job could lose its SMTP connection mid-message (and never settle, holding the process past
 * SHUTDOWN_GRACE_MS) or its database before marking the delivery sent. A job left waiting stays in Redis
 * for the next worker; closing a BullMQ worker twice is a no-op, so the later close changes nothing.
 */
@Injectable()
export class JobDrain implements BeforeApplicationShutdown {
  private readonly logger = new Logger(JobDrain.name);

  constructor(private readonly discovery: DiscoveryService) {}

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    const started = Date.now();
    const hosts = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost);
    await Promise.all(hosts.map((host) => host.worker.close()));
    this.logger.log({ signal, workers: hosts.length, durationMs: Date.now() - started }, 'Active jobs finished; taking no more');
  }
}
