import { Module } from '@nestjs/common';
import { AppConfig } from '@namndrum/core';
import { createMailTransport } from '@namndrum/mail';
import { MattersModule } from '@namndrum/matters';
import { OrganisationModule } from '@namndrum/organisation';
import { MeetingsModule } from '../meetings.module';
import { MAIL_TRANSPORT, MailDeliverer } from './mail-deliverer';
import { NoticeBundler } from './notice-bundler';
import { NoticeDispatcher } from './notice-dispatcher';
import { MailComposers } from './mail-composers';
import { NoticeMailMaterial } from './notice-mail-material';
import { MailDeliveryProcessor, MaintenanceProcessor, NoticeDispatchProcessor } from './processors';

/** The meetings context's queue processors: imported by the worker only. */
@Module({
  imports: [MeetingsModule, OrganisationModule, MattersModule],
  providers: [
    {
      provide: MAIL_TRANSPORT,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => createMailTransport(config.SMTP_URL, { maxConnections: Math.min(config.MAIL_CONCURRENCY, 10) }),
    },
    NoticeMailMaterial,
    MailComposers,
    NoticeDispatcher,
    NoticeBundler,
    MailDeliverer,
    NoticeDispatchProcessor,
    MailDeliveryProcessor,
    MaintenanceProcessor,
  ],
  exports: [NoticeDispatcher, NoticeBundler, MailDeliverer, MailComposers, MAIL_TRANSPORT],
})
export class MeetingsJobsModule {}
