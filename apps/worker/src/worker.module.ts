import { Module } from '@nestjs/common';
import { CoreModule } from '@namndrum/core';
import { PdfModule } from '@namndrum/documents';
import { GoalsJobsModule } from '@namndrum/goals';
import { MeetingsJobsModule } from '@namndrum/meetings';
import { MinutesJobsModule } from '@namndrum/minutes';
import { DocumentsProcessor } from './documents.processor';
import { ReconcileScheduler } from './reconcile-scheduler';
import { WorkerMetricsModule } from './worker-metrics.module';

/** The worker: the same libraries as the API, plus the queue processors; no HTTP. */
@Module({
  imports: [CoreModule, WorkerMetricsModule, PdfModule, MeetingsJobsModule, MinutesJobsModule, GoalsJobsModule],
  providers: [ReconcileScheduler, DocumentsProcessor],
})
export class WorkerModule {}
