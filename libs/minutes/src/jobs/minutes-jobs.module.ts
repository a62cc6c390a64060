import { Module } from '@nestjs/common';
import { MattersModule } from '@namndrum/matters';
import { MeetingsJobsModule, MeetingsModule } from '@namndrum/meetings';
import { MinutesModule } from '../minutes.module';
import { DocumentArchiver } from './document-archiver';
import { MinutesMailMaterial } from './minutes-mail-material';
import { MinutesReminder } from './minutes-reminder';
import { MinutesProcessor } from './minutes.processor';

/** The minutes context's queue processors, e-mails and archival copies: imported by the worker only. */
@Module({
  imports: [MinutesModule, MattersModule, MeetingsModule, MeetingsJobsModule],
  providers: [MinutesMailMaterial, MinutesReminder, MinutesProcessor, DocumentArchiver],
  // The documents queue's processor (apps/worker) calls it for 'document.archive' jobs.
  exports: [DocumentArchiver],
})
export class MinutesJobsModule {}
