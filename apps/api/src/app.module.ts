import { Module } from '@nestjs/common';
import { CoreModule } from '@namndrum/core';
import { IdentityModule } from '@namndrum/identity';
import { MattersModule } from '@namndrum/matters';
import { OrganisationModule } from '@namndrum/organisation';
import { HealthModule } from './health/health.module';

@Module({
  imports: [CoreModule, IdentityModule, OrganisationModule, MattersModule, HealthModule],
})
export class AppModule {}
