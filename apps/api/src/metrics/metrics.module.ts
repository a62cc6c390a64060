import { Module } from '@nestjs/common';
import { HttpMetrics } from '@namndrum/core';
import { ClusterMetrics } from './cluster-metrics';
import { MetricsController } from './metrics.controller';

/** The API's metrics: its requests (HttpMetrics, applied in configureApp) and the installation's gauges. */
@Module({
  controllers: [MetricsController],
  providers: [HttpMetrics, ClusterMetrics],
  exports: [HttpMetrics],
})
export class ApiMetricsModule {}
