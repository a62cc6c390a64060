import { Module } from '@nestjs/common';
import { CoreModule } from '@namndrum/core';
import { IdentityModule } from '@namndrum/identity';
import { OrganisationModule } from '@namndrum/organisation';
import { SeedService } from './seed.service';

@Module({
  imports: [CoreModule, IdentityModule, OrganisationModule],
  providers: [SeedService],
})
export class SeedModule {}
