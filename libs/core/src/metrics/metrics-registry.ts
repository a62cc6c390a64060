import { collectDefaultMetrics, Registry } from 'prom-client';

/** Every metric name of the system starts with this, so that an operator finds them among other exporters'. */
export const METRIC_PREFIX = 'namndrum_';

/**
 * The process's Prometheus registry: Node's process metrics (memory, CPU, event-loop lag, GC) plus what
 * each context registers. One per process, since Prometheus scrapes every process on its own.
 */
export class MetricsRegistry extends Registry {
  constructor() {
    super();
    collectDefaultMetrics({ register: this, prefix: METRIC_PREFIX });
  }
}
