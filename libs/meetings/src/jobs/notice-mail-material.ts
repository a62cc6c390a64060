import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, FILE_STORAGE, FileStorage, Municipality, RequestContext, TenantRepository } from '@namndrum/core';
import {
  CalendarPart,
  composeNoticeMail,
  composeSubstituteCallMail,
  MeetingMailView,
  noticeCalendar,
  NoticeMailView,
  NoticeReading,
  OutgoingMail,
  substituteCallCalendar,
  withAttendee,
} from '@namndrum/mail';
import { MatterSecrecyService, readable } from '@namndrum/matters';
import { OrganService, PersonService } from '@namndrum/organisation';
import { DelegationReportService } from '../delegation-report.service';
import { agendaItemAsRead } from '../domain/agenda-secrecy';
import { isDelegationReportItem } from '../domain/delegation-report';
import { formatGroupMeetingLines } from '../domain/group-meetings';
import { AgendaItem, MailDelivery, Meeting, MeetingNotice, SubstituteCall } from '../entities';
import { DOCX_MEDIA_TYPE, PDF_MEDIA_TYPE, reportedDecisionLines, withFinnish } from '@namndrum/documents';
import { bundleFileName } from '../notice-bundle.service';

const CACHED_NOTICES = 16;

/** Recipients who hold a seat in the organ and so may read its secret matters; everyone else gets the masked notice. */
const SEATED_ROLES = new Set(['member', 'substitute']);

interface NoticeMaterial {
  view: NoticeMailView;
  calendars: Record<NoticeReading, CalendarPart>;
  attachment: { filename: string; content: Buffer; contentType: string } | null;
}

/**
 * What the e-mail carries: the handlingar PDF (masked for a reader without access to its secret matters); a version
 * from before bundles carries its DOCX. Null for a cancellation.
 */
function noticeDocument(notice: MeetingNotice, masked: boolean): { sha256: string; sizeBytes: number; fileName: string; mediaType: string; format: 'pdf' | 'docx' } | null {
  if (notice.bundleSha256 !== null) {
    const useMasked = masked && notice.maskedBundleSha256 !== null;
    return {
      sha256: useMasked ? notice.maskedBundleSha256! : notice.bundleSha256,
      sizeBytes: (useMasked ? notice.maskedBundleSizeBytes : notice.bundleSizeBytes) ?? 0,
      fileName: bundleFileName(notice),
      mediaType: PDF_MEDIA_TYPE,
      format: 'pdf',
    };
  }
  if (notice.fileSha256 === null) return null;
  const useMasked = masked && notice.maskedFileSha256 !== null;
  return {
    sha256: useMasked ? notice.maskedFileSha256! : notice.fileSha256,
    sizeBytes: (useMasked ? notice.maskedFileSizeBytes : notice.fileSizeBytes) ?? 0,
    fileName: notice.fileName ?? '',
    mediaType: DOCX_MEDIA_TYPE,
    format: 'docx',
  };
}

/** "Ludvika kommun <namndrum@ludvika.se>" → its parts, for the calendar's ORGANIZER. */
export function parseMailbox(value: string): { name: string; email: string } {
  const match = /^\s*(.*?)\s*<([^<>]+)>\s*$/.exec(value);
  return match ? { name: match[1].replace(/^"|"$/g, '') || match[2], email: match[2] } : { name: value, email: value };
}

/**
 * Everything one e-mail needs, read from PostgreSQL and file storage. A notice's view, calendar and
 * DOCX_MEDIA_TYPE are the same for every recipient, so they are built once per notice and kept for the next
 * deliveries (a few notices at most: a dispatch is thousands of deliveries of one notice).
 */
@Injectable()
export class NoticeMailMaterial {
  private readonly notices = new Map<string, Promise<NoticeMaterial>>();

  constructor(
    private readonly config: AppConfig,
    private readonly organs: OrganService,
    private readonly persons: PersonService,
    private readonly delegationReport: DelegationReportService,
    private readonly secrecy: MatterSecrecyService,
    @Inject(FILE_STORAGE) private readonly files: FileStorage,
  ) {}

  async compose(ctx: RequestContext, delivery: MailDelivery): Promise<OutgoingMail> {
    const base = { from: this.config.MAIL_FROM, to: { name: delivery.recipientName, address: delivery.email! }, messageId: delivery.messageId };
    if (delivery.purpose === 'notice') {
      const material = await this.notice(ctx, delivery.noticeId!, !SEATED_ROLES.has(delivery.recipientRole));
      const reading = await this.reading(ctx, delivery);
      const calendar = material.calendars[reading];
      return {
        ...base,
        ...composeNoticeMail(material.view, delivery.recipientName, reading),
        attachments: material.attachment ? [material.attachment] : [],
        // A notice is not an invitation one can decline: absence is reported to the secretary, so no reply is asked.
        calendar: calendar.method === 'REQUEST' ? withAttendee(calendar, { name: delivery.recipientName, email: delivery.email!, rsvp: false }) : calendar,
      };
    }
    const call = await new TenantRepository(ctx, SubstituteCall, 'Inkallelsen').get(delivery.substituteCallId!);
    const meeting = await new TenantRepository(ctx, Meeting, 'Sammanträdet').get(call.meetingId);
    const absent = await this.persons.get(ctx, call.absentPersonId);
    const view = {
      ...(await this.meetingView(ctx, meeting)),
      kind: delivery.purpose === 'substitute_called' ? ('called' as const) : ('released' as const),
      substituteName: delivery.recipientName,
      replacesName: `${absent.firstName} ${absent.lastName}`,
    };
    return { ...base, ...composeSubstituteCallMail(view), calendar: substituteCallCalendar(view, { name: delivery.recipientName, email: delivery.email! }) };
  }

  /**
   * Members are called to the meeting, and so is a substitute called in to serve when the notice (a revised one,
   * say) reaches them; everyone else receives it "för kännedom".
   */
  private async reading(ctx: RequestContext, delivery: MailDelivery): Promise<NoticeReading> {
    if (delivery.recipientRole === 'member') return 'invited';
    if (delivery.recipientRole !== 'substitute' || delivery.personId === null) return 'for_information';
    const called = await new TenantRepository(ctx, SubstituteCall, 'Inkallelsen').find({ meetingId: delivery.meetingId, substitutePersonId: delivery.personId, status: 'called' });
    return called.length > 0 ? 'invited' : 'for_information';
  }

  /** The notice's material, the masked one for a recipient without a seat in the organ. */
  private notice(ctx: RequestContext, noticeId: string, masked: boolean): Promise<NoticeMaterial> {
    const key = `${noticeId}:${masked ? 'masked' : 'full'}`;
    let material = this.notices.get(key);
    if (!material) {
      material = this.loadNotice(ctx, noticeId, masked);
      material.catch(() => this.notices.delete(key));
      this.notices.set(key, material);
      if (this.notices.size > CACHED_NOTICES) this.notices.delete(this.notices.keys().next().value!);
    }
    return material;
  }

  private async loadNotice(ctx: RequestContext, noticeId: string, masked: boolean): Promise<NoticeMaterial> {
    const notice = await new TenantRepository(ctx, MeetingNotice, 'Kallelsen').get(noticeId);
    const meeting = await new TenantRepository(ctx, Meeting, 'Sammanträdet').get(notice.meetingId);
    const organ = await this.organs.get(ctx, meeting.organId);
    const items = (await new TenantRepository(ctx, AgendaItem, 'Punkten').find({ meetingId: meeting.id }, { order: { position: 'ASC' } })).filter((item) =>
      notice.itemIds.includes(item.id),
    );
    const base = await this.meetingView(ctx, meeting);
    // Recipients without a seat (attendance rights, associations) may be outside the organisation: they read as the public does.
    const readings = masked ? await this.secrecy.readings(ctx, items.map((item) => item.matterId), this.secrecy.publicAccess) : new Map();
    const shownItems = items.map((item) => agendaItemAsRead(item, item.matterId ? readings.get(item.matterId) : undefined));
    const readsMasked = masked && !items.every((item) => readable(readings, item.matterId));
    const document = noticeDocument(notice, readsMasked);
    const attach = document !== null && document.sizeBytes <= this.config.NOTICE_ATTACHMENT_MAX_BYTES;
    // As the notice's DOCX lists them: as of its finalization, never a secret matter's decision text.
    const reported = items.some(isDelegationReportItem) ? await this.delegationReport.lines(ctx, meeting, 'public', notice.kind === 'notice' ? notice.finalizedAt : undefined) : [];
    const view: NoticeMailView = {
      ...base,
      // The notice as it was when this version was finalized: time, place and sequence of that version.
      calendarSequence: notice.calendarSequence,
      kind: notice.kind,
      items: shownItems.map((item) => ({
        number: item.position,
        title: item.title,
        titleFi: item.titleFi,
        caseNumber: item.caseNumber,
        documentsLater: item.documentsLater,
        closed: organ.rules.openMeetings && !item.public,
        details: isDelegationReportItem(item) ? reportedDecisionLines(reported, withFinnish(organ.rules.languages)) : [],
      })),
      changes: notice.changes,
      documentUrl: document !== null && !attach ? `${this.baseUrl()}/api/v1/meeting-notices/${notice.id}/${document.format}` : null,
      documentFileName: document?.fileName ?? '',
      cancellationReason: notice.kind === 'cancellation' ? meeting.cancellationReason : null,
    };
    return {
      view,
      calendars: { invited: noticeCalendar(view, 'invited'), for_information: noticeCalendar(view, 'for_information') },
      attachment: attach ? { filename: document.fileName, content: await this.files.get(document.sha256), contentType: document.mediaType } : null,
    };
  }

  private async meetingView(ctx: RequestContext, meeting: Meeting): Promise<MeetingMailView> {
    const organ = await this.organs.get(ctx, meeting.organId);
    const municipality = await ctx.em.getRepository(Municipality).findOneByOrFail({ id: meeting.municipalityId });
    const secretary = meeting.secretaryPersonId ? await this.persons.get(ctx, meeting.secretaryPersonId) : null;
    const sender = parseMailbox(this.config.MAIL_FROM);
    return {
      municipalityName: municipality.name,
      organName: organ.name,
      meetingId: meeting.id,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt.toISOString(),
      place: meeting.place,
      groupMeetingLines: formatGroupMeetingLines(meeting.groupMeetings),
      meetingUrl: `${this.baseUrl()}/sammantraden/${meeting.id}`,
      languages: organ.rules.languages,
      secretary: secretary ? { name: `${secretary.firstName} ${secretary.lastName}`, email: secretary.email, phone: secretary.phone } : null,
      calendarSequence: meeting.calendarSequence,
      mailDomain: new URL(this.config.PUBLIC_BASE_URL).hostname,
      organizer: secretary?.email ? { name: `${secretary.firstName} ${secretary.lastName}`, email: secretary.email } : { name: organ.name, email: sender.email },
    };
  }

  private baseUrl(): string {
    return this.config.PUBLIC_BASE_URL.replace(/\/+$/, '');
  }
}
