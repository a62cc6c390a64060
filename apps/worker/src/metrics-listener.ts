import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Server } from 'node:http';
import { AppConfig, MetricsRegistry, serveMetrics } from '@namndrum/core';

/** The worker's Prometheus listener on WORKER_METRICS_PORT, when one is configured. */
@Injectable()
export class MetricsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsListener.name);
  private server: Server | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly registry: MetricsRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.WORKER_METRICS_PORT === null) return;
    const { server, port } = await serveMetrics(this.registry, this.config, this.config.WORKER_METRICS_PORT);
    this.server = server;
    this.logger.log({ port }, `Worker metrics listening on port ${port}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
