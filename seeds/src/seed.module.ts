import { Module } from '@nestjs/common';
import { CoreModule } from '@namndrum/core';
import { IdentityModule } from '@namndrum/identity';
import { MattersModule } from '@namndrum/matters';
import { OrganisationModule } from '@namndrum/organisation';
import { MattersSeedService } from './matters-seed.service';
import { SeedService } from './seed.service';

@Module({
  imports: [CoreModule, IdentityModule, OrganisationModule, MattersModule],
  providers: [SeedService, MattersSeedService],
})
export class SeedModule {}
