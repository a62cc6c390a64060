import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { TenantResourceDto } from '@namndrum/organisation';
import { DELIVERY_PURPOSES, DELIVERY_STATUSES, DeliveryPurpose, DeliveryStatus } from '../entities/mail-delivery.entity';
import { BUNDLE_STATUSES, BundleStatus, NOTICE_KINDS, NOTICE_STATUSES, NoticeKind, NoticeStatus } from '../entities/meeting-notice.entity';

export class BundleErrorDto {
  @ApiProperty({ type: String, nullable: true, description: 'The file the engine could not convert; null when the engine itself failed' }) fileName: string | null;
  @ApiProperty({ description: "The engine's words, for the secretary and the administrator" }) message: string;
  @ApiProperty({ type: 'integer', description: 'Attempts made so far' }) attempts: number;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class MeetingNoticeDto extends TenantResourceDto {
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: NOTICE_KINDS }) kind: NoticeKind;
  @ApiProperty({ enum: NOTICE_STATUSES }) status: NoticeStatus;
  @ApiProperty() calendarSequence: number;
  @ApiProperty({ type: [String] }) changes: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) itemIds: string[];
  @ApiProperty({ type: String, nullable: true }) fileName: string | null;
  @ApiProperty({ type: Number, nullable: true }) fileSizeBytes: number | null;
  @ApiProperty({ type: String, nullable: true }) fileSha256: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The DOCX with secret matters masked, for readers and recipients without access; null when nothing is secret' }) maskedFileSha256: string | null;
  @ApiProperty({ type: Number, nullable: true }) maskedFileSizeBytes: number | null;
  @ApiProperty() finalizedAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) finalizedByUserId: string | null;
  @ApiProperty({ description: 'When the notice goes (or went) out' }) dispatchAt: Date;
  @ApiProperty({ description: "Skickad för sent: the notice left (or, finalized after the organ's deadline, leaves at once) after the deadline; set on every path (finalization, the worker's dispatch, revised and supplementary notices)" }) sentLate: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dispatchedAt: Date | null;
  @ApiProperty({ type: Number, nullable: true }) recipientCount: number | null;
  @ApiProperty({
    enum: BUNDLE_STATUSES,
    description: 'The handlingar PDF: pending while the worker renders it (the notice goes out only when it is ready), failed when it could not be rendered (see bundleError), none for a cancellation or a version from before bundles',
  })
  bundleStatus: BundleStatus;
  @ApiProperty({ type: String, nullable: true }) bundleSha256: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) bundleSizeBytes: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) bundlePageCount: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'The bundle with secret matters masked; null when nothing is secret' }) maskedBundleSha256: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) maskedBundleSizeBytes: number | null;
  @ApiProperty({ type: BundleErrorDto, nullable: true, description: 'Why the last rendering failed; null once it succeeds' }) bundleError: BundleErrorDto | null;
  @ApiProperty({ type: 'integer', description: 'How many times the secretary has asked for the bundle to be rendered again' }) bundleGeneration: number;
}

export class BundlePartDto {
  @ApiProperty({ type: 'integer', description: 'Its place in the bundle, from 0 (the kallelse itself)' }) position: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) itemId: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) itemNumber: number | null;
  @ApiProperty({ description: 'As the bundle\'s outline names it: "Kallelse", "Tjänsteskrivelse", "Bilaga 1: …"' }) title: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The registered document it was converted from' }) documentId: string | null;
  @ApiProperty({ type: 'integer', description: 'Its first page in the bundle' }) firstPage: number;
  @ApiProperty({ type: 'integer' }) pageCount: number;
}

export class BundlePartListDto {
  @ApiProperty({ type: [BundlePartDto] }) items: BundlePartDto[];
}

export class DeliveryQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
}

export class MailDeliveryDto extends TenantResourceDto {
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ enum: DELIVERY_PURPOSES }) purpose: DeliveryPurpose;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) noticeId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) substituteCallId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'What a delivery of the minutes is about: the minutes, or the paragraph of an extract' }) subjectId: string | null;
  @ApiProperty() recipientKey: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) personId: string | null;
  @ApiProperty() recipientName: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty() recipientRole: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status: DeliveryStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty() messageId: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'While a worker is sending it: until when that attempt holds it' }) claimedUntil: Date | null;
}

export class DeliveryCountsDto {
  @ApiProperty() queued: number;
  @ApiProperty() sent: number;
  @ApiProperty() failed: number;
  @ApiProperty({ description: 'Recipients without an e-mail address' }) noAddress: number;
}

export class DeliveryReportDto {
  @ApiProperty({ format: 'uuid' }) noticeId: string;
  @ApiProperty() version: number;
  @ApiProperty({ description: "Skickad för sent: the notice left after the organ's deadline" }) sentLate: boolean;
  @ApiProperty({ enum: BUNDLE_STATUSES, description: 'The handlingar PDF the notice waits for' }) bundleStatus: BundleStatus;
  @ApiProperty({ type: BundleErrorDto, nullable: true, description: 'Why the handlingar could not be rendered: the notice is held until they can' }) bundleError: BundleErrorDto | null;
  @ApiProperty({ type: DeliveryCountsDto }) counts: DeliveryCountsDto;
  @ApiProperty({ type: [MailDeliveryDto], description: 'Every delivery, those not (yet) received first' }) deliveries: MailDeliveryDto[];
}

export class NoticePlanDto {
  @ApiProperty({ description: "When the organ's rules want the notice out by (noticeLeadDays before the meeting day, at noticeSendTime Stockholm time)" }) deadline: Date;
  @ApiProperty({ description: 'When a notice finalized now would be sent: at the deadline, or at once when it has passed' }) dispatchAt: Date;
  @ApiProperty({ description: 'Skickad för sent: the deadline has passed, so a notice finalized now leaves at once and is flagged late' }) sentLate: boolean;
  @ApiProperty({ example: 7 }) noticeLeadDays: number;
  @ApiProperty({ example: '08:00' }) noticeSendTime: string;
}
