import { Global, Module } from '@nestjs/common';
import { WorkerMetrics } from '@namndrum/core';
import { JobInstrumentation } from './job-instrumentation';
import { MetricsListener } from './metrics-listener';

/** Global, so that the PDF module finds WorkerMetrics and counts the worker's conversions. */
@Global()
@Module({
  providers: [WorkerMetrics, JobInstrumentation, MetricsListener],
  exports: [WorkerMetrics],
})
export class WorkerMetricsModule {}
