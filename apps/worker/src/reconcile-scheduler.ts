import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, COLLECT_FILES_JOB, FILE_COLLECTION_INTERVAL_MS, OutboxReconciler, OutboxService, QUEUES, RECONCILE_JOB } from '@namndrum/core';

/**
 * Reconciles the outbox with Redis at start-up and then every RECONCILE_INTERVAL_MS through a BullMQ
 * job scheduler (one run per interval across all worker replicas), and collects unreferenced files
 * every FILE_COLLECTION_INTERVAL_MS the same way. A Redis that lost everything also lost those
 * schedulers, so each worker re-registers them on the reconcile interval; the upsert is idempotent.
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
      const maintenance = this.outbox.queue(QUEUES.maintenance);
      const opts = { removeOnComplete: { count: 10 }, removeOnFail: { count: 50 } };
      await maintenance.upsertJobScheduler('outbox-reconcile', { every: this.config.RECONCILE_INTERVAL_MS }, { name: RECONCILE_JOB, opts });
      await maintenance.upsertJobScheduler('collect-files', { every: FILE_COLLECTION_INTERVAL_MS }, { name: COLLECT_FILES_JOB, opts });
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not register the maintenance schedules; retrying at the next interval');
    }
  }
}
