import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, OutboxReconciler, OutboxService, QUEUES, RECONCILE_JOB } from '@namndrum/core';

/**
 * Reconciles the outbox with Redis at start-up and then every RECONCILE_INTERVAL_MS through a BullMQ
 * job scheduler (one run per interval across all worker replicas). A Redis that lost everything also
 * lost that scheduler, so each worker re-registers it on the same interval; the upsert is idempotent.
 */
@Injectable()
export class ReconcileScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReconcileScheduler.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly reconciler: OutboxReconciler,
    private readonly outbox: OutboxService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reconciler.reconcile();
    await this.register();
    this.timer = setInterval(() => void this.register(), this.config.RECONCILE_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async register(): Promise<void> {
    try {
      await this.outbox
        .queue(QUEUES.maintenance)
        .upsertJobScheduler('outbox-reconcile', { every: this.config.RECONCILE_INTERVAL_MS }, { name: RECONCILE_JOB, opts: { removeOnComplete: { count: 10 }, removeOnFail: { count: 50 } } });
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not register the reconcile schedule; retrying at the next interval');
    }
  }
}
