import { Module } from '@nestjs/common';
import { MeetingsJobsModule, MeetingsModule } from '@namndrum/meetings';
import { MinutesModule } from '../minutes.module';
import { MinutesMailMaterial } from './minutes-mail-material';
import { MinutesReminder } from './minutes-reminder';
import { MinutesProcessor } from './minutes.processor';

/** The minutes context's queue processors and e-mails: imported by the worker only. */
@Module({
  imports: [MinutesModule, MeetingsModule, MeetingsJobsModule],
  providers: [MinutesMailMaterial, MinutesReminder, MinutesProcessor],
})
export class MinutesJobsModule {}
