import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CoreModule } from '@namndrum/core';
import { PdfModule } from '@namndrum/documents';
import { GoalsJobsModule } from '@namndrum/goals';
import { MeetingsJobsModule } from '@namndrum/meetings';
import { MinutesJobsModule } from '@namndrum/minutes';
import { DocumentsProcessor } from './documents.processor';
import { JobDrain } from './job-drain';
import { ReconcileScheduler } from './reconcile-scheduler';
import { WorkerMetricsModule } from './worker-metrics.module';

/** The worker: the same libraries as the API, plus the queue processors; no HTTP. */
@Module({
  imports: [DiscoveryModule, CoreModule, WorkerMetricsModule, PdfModule, MeetingsJobsModule, MinutesJobsModule, GoalsJobsModule],
  providers: [ReconcileScheduler, DocumentsProcessor, JobDrain],
})
export class WorkerModule {}
