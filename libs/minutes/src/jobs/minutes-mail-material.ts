import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig, RequestContext, TenantRepository } from '@namndrum/core';
import { composeExtractMail, composeMinutesReviewMail, MinutesMailBase, OutgoingMail } from '@namndrum/mail';
import { DeliveryComposer, MailComposers, MailDelivery } from '@namndrum/meetings';
import { IsNull } from 'typeorm';
import { paragraphAsRead, paragraphRange, SECRET_DECISION_NOTE } from '../domain';
import { PUBLIC_ACCESS } from '@namndrum/matters';
import { Minutes, Paragraph, Posting } from '../entities';
import { MinutesDocumentService } from '../minutes-document.service';
import { appealDates } from '../posting.service';
import { MinutesReader, MinutesRecord, personName } from '../minutes-record';
import { MinutesPresenter, requiredApprovers } from '../minutes.presenter';
import { DOCX_MEDIA_TYPE } from '@namndrum/documents';


/** Writes the e-mails of the minutes: the draft to approve, the reminder, and each protokollsutdrag with its DOCX_MEDIA_TYPE. */
@Injectable()
export class MinutesMailMaterial implements DeliveryComposer, OnModuleInit {
  constructor(
    private readonly config: AppConfig,
    private readonly composers: MailComposers,
    private readonly reader: MinutesReader,
    private readonly presenter: MinutesPresenter,
    private readonly documents: MinutesDocumentService,
  ) {}

  onModuleInit(): void {
    this.composers.register(['minutes_review', 'minutes_reminder', 'minutes_extract'], this);
  }

  async compose(ctx: RequestContext, delivery: MailDelivery): Promise<OutgoingMail> {
    const base = { from: this.config.MAIL_FROM, to: { name: delivery.recipientName, address: delivery.email! }, messageId: delivery.messageId };
    if (delivery.purpose === 'minutes_extract') {
      const paragraph = await new TenantRepository(ctx, Paragraph, 'Paragrafen').get(delivery.subjectId!);
      const record = await this.read(ctx, paragraph.minutesId);
      const locked = record.paragraphs.find((candidate) => candidate.id === paragraph.id)!;
      // A decision's recipients may be outside the organisation: the extract is e-mailed as the public may read it.
      const file = await this.documents.extract(ctx, record, locked.id, PUBLIC_ACCESS);
      const reading = (await this.documents.readingsOf(ctx, { ...record, paragraphs: [locked] }, PUBLIC_ACCESS)).get(locked.matterId ?? '');
      const shown = paragraphAsRead({ ...this.presenter.paragraph(record, locked) }, reading);
      const postings = new TenantRepository(ctx, Posting, 'Anslaget');
      const posting = locked.approvedAtMeeting
        ? (await postings.find({ paragraphId: locked.id }))[0]
        : (await postings.find({ minutesId: record.minutes.id, paragraphId: IsNull() }))[0];
      return {
        ...base,
        ...composeExtractMail(
          {
            ...(await this.mailBase(ctx, record)),
            kind: 'extract',
            paragraphNumber: locked.number,
            caseNumber: locked.caseNumber,
            title: shown.title,
            titleFi: reading?.masked ? null : locked.titleFi,
            verifiedOn: posting?.verifiedOn ?? record.minutes.meetingDate,
            decision: shown.decision.length > 0 ? shown.decision : [SECRET_DECISION_NOTE],
            posting: posting ? { postedOn: posting.postedOn, lastAppealDay: appealDates(posting).lastAppealDay } : null,
            attachmentFileName: file.fileName,
          },
          delivery.recipientName,
        ),
        attachments: [{ filename: file.fileName, content: file.content, contentType: DOCX_MEDIA_TYPE }],
      };
    }
    const record = await this.read(ctx, delivery.subjectId!);
    const role = requiredApprovers(record).find((approver) => approver.personId === delivery.personId)?.role ?? 'verifier';
    const draft = await this.documents.minutesDocx(ctx, record.minutes.id);
    const view = this.presenter.view(record, '', null);
    return {
      ...base,
      ...composeMinutesReviewMail(
        {
          ...(await this.mailBase(ctx, record)),
          kind: delivery.purpose === 'minutes_reminder' ? 'reminder' : 'review',
          role,
          paragraphRange: paragraphRange(record.paragraphs.map((paragraph) => paragraph.number)),
          deadline: record.minutes.verificationDeadline,
          approveUrl: `${this.config.PUBLIC_BASE_URL.replace(/\/+$/, '')}/protokoll/${record.minutes.id}/justering`,
          verificationPlaceAndTime: view.verificationPlaceAndTime,
        },
        delivery.recipientName,
      ),
      attachments: [{ filename: draft.fileName, content: draft.content, contentType: DOCX_MEDIA_TYPE }],
    };
  }

  private async read(ctx: RequestContext, minutesId: string): Promise<MinutesRecord> {
    return this.reader.read(ctx, await new TenantRepository(ctx, Minutes, 'Protokollet').get(minutesId));
  }

  private async mailBase(ctx: RequestContext, record: MinutesRecord): Promise<MinutesMailBase> {
    const secretaryId = record.minutes.secretaryPersonId;
    const secretary = secretaryId ? record.people.get(secretaryId) : undefined;
    return {
      municipalityName: await this.documents.municipalityName(ctx),
      organName: record.organ.name,
      meetingStartsAt: record.minutes.startedAt.toISOString(),
      secretary: secretary && secretaryId ? { name: personName(record, secretaryId), title: secretary.title, email: secretary.email, phone: secretary.phone } : null,
      languages: record.organ.rules.languages,
    };
  }
}
