import { Module } from '@nestjs/common';
import { CoreModule } from '@namndrum/core';
import { IdentityModule } from '@namndrum/identity';
import { MattersModule } from '@namndrum/matters';
import { GoalsModule } from '@namndrum/goals';
import { MeetingsModule } from '@namndrum/meetings';
import { OrganisationModule } from '@namndrum/organisation';
import { MattersSeedService } from './matters-seed.service';
import { GoalsSeedService } from './goals-seed.service';
import { MeetingsSeedService } from './meetings-seed.service';
import { SeedService } from './seed.service';
import { PdfModule } from '@namndrum/documents';

@Module({
  imports: [CoreModule, PdfModule, IdentityModule, OrganisationModule, MattersModule, MeetingsModule, GoalsModule],
  providers: [SeedService, MattersSeedService, MeetingsSeedService, GoalsSeedService],
})
export class SeedModule {}
