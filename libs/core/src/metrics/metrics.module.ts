import { Global, Module } from '@nestjs/common';
import { MetricsRegistry } from './metrics-registry';

/** The process's registry; the API adds its HTTP and cluster-wide metrics, the worker its own counters. */
@Global()
@Module({
  providers: [MetricsRegistry],
  exports: [MetricsRegistry],
})
export class MetricsModule {}
