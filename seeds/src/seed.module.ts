import { Module } from '@nestjs/common';
import { CoreModule } from '@namndrum/core';
import { IdentityModule } from '@namndrum/identity';
import { MattersModule } from '@namndrum/matters';
import { MeetingsModule } from '@namndrum/meetings';
import { OrganisationModule } from '@namndrum/organisation';
import { MattersSeedService } from './matters-seed.service';
import { MeetingsSeedService } from './meetings-seed.service';
import { SeedService } from './seed.service';

@Module({
  imports: [CoreModule, IdentityModule, OrganisationModule, MattersModule, MeetingsModule],
  providers: [SeedService, MattersSeedService, MeetingsSeedService],
})
export class SeedModule {}
