import { Module } from '@nestjs/common';
import { CoreModule } from '@namndrum/core';
import { MeetingsJobsModule } from '@namndrum/meetings';
import { ReconcileScheduler } from './reconcile-scheduler';

/** The worker: the same libraries as the API, plus the queue processors; no HTTP. */
@Module({
  imports: [CoreModule, MeetingsJobsModule],
  providers: [ReconcileScheduler],
})
export class WorkerModule {}
