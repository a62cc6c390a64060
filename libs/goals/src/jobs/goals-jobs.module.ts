import { Module } from '@nestjs/common';
import { GoalsModule } from '../goals.module';
import { KoladaImportProcessor } from './kolada.processor';

/** The goals context's queue processors: imported by the worker only. */
@Module({
  imports: [GoalsModule],
  providers: [KoladaImportProcessor],
})
export class GoalsJobsModule {}
