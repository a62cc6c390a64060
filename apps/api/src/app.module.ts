import { Module } from '@nestjs/common';
import { CoreModule } from '@namndrum/core';
import { IdentityModule } from '@namndrum/identity';
import { MattersModule } from '@namndrum/matters';
import { GoalsModule } from '@namndrum/goals';
import { MeetingsModule } from '@namndrum/meetings';
import { MinutesModule } from '@namndrum/minutes';
import { OrganisationModule } from '@namndrum/organisation';
import { HealthModule } from './health/health.module';
import { ApiMetricsModule } from './metrics/metrics.module';
import { QueueDashboardModule } from './queue-dashboard/queue-dashboard.module';
import { PdfModule } from '@namndrum/documents';
import { PublicationModule } from '@namndrum/publication';

@Module({
  imports: [CoreModule, PdfModule, IdentityModule, OrganisationModule, MattersModule, MeetingsModule, MinutesModule, GoalsModule, PublicationModule, HealthModule, ApiMetricsModule, QueueDashboardModule],
})
export class AppModule {}
