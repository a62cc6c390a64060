import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@namndrum/core';
import { DeliveryCountsDto, MailDeliveryDto } from '@namndrum/meetings';
import { Language, LANGUAGES, TenantResourceDto } from '@namndrum/organisation';
import { POSTING_KINDS, POSTING_STATUSES, PostingKind, PostingStatus } from '../entities/posting.entity';

export class PostingQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: POSTING_STATUSES }) @IsOptional() @IsIn(POSTING_STATUSES) status?: PostingStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() minutesId?: string;
}

export class AnnouncedItemDto {
  @ApiProperty() number: number;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) caseNumber: string | null;
}

export class MeetingAnnouncementDto {
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() place: string;
  @ApiProperty({ type: [AnnouncedItemDto] }) items: AnnouncedItemDto[];
  @ApiProperty() cancelled: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Why the meeting was cancelled' }) cancellationReason?: string | null;
}

export class PostingDto extends TenantResourceDto {
  @ApiProperty({ enum: POSTING_KINDS, description: 'minutes: justering of a protokoll; meeting_notice: kungörelse of a fullmäktige meeting' }) kind: PostingKind;
  @ApiProperty({ format: 'uuid' }) organId: string;
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) minutesId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Set for the posting of one omedelbart justerad paragraph' }) paragraphId: string | null;
  @ApiProperty({ example: 'Protokoll', description: 'Protokoll or Kungörelse' }) documentType: string;
  @ApiProperty() organName: string;
  @ApiProperty({ enum: LANGUAGES, isArray: true, description: "The organ's languages when it was posted: with fi the notice board shows it in Finnish as well" }) languages: Language[];
  @ApiProperty({ format: 'date' }) meetingDate: string;
  @ApiProperty({ example: '§§ 1–7' }) paragraphs: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) verifiedOn: string | null;
  @ApiProperty({ format: 'date', description: 'Datum då anslaget sätts upp' }) postedOn: string;
  @ApiProperty({ format: 'date', description: 'Datum då anslaget tas ned: the day after the last day to appeal' }) takenDownOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Sista dag för överklagande (laglighetsprövning); minutes only' }) lastAppealDay: string | null;
  @ApiProperty({ description: 'Förvaringsplats för protokollet' }) storagePlace: string;
  @ApiProperty({ type: String, nullable: true, description: 'The published minutes; null when the organ does not publish them or they hold personal data' }) fileSha256: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The published minutes as PDF/A-2b, offered on the notice board; null until the worker has archived them, and when nothing is published' }) archivalPdfSha256: string | null;
  @ApiProperty({ type: MeetingAnnouncementDto, nullable: true, description: 'For a kungörelse: time, place and matters' }) announcement: MeetingAnnouncementDto | null;
  @ApiProperty({ enum: POSTING_STATUSES }) status: PostingStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) postedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) takenDownAt: Date | null;
}

export class ExtractDeliveryReportDto {
  @ApiProperty({ format: 'uuid' }) minutesId: string;
  @ApiProperty({ type: DeliveryCountsDto }) counts: DeliveryCountsDto;
  @ApiProperty({ type: [MailDeliveryDto], description: 'Every extract e-mail, those not (yet) received first' }) deliveries: MailDeliveryDto[];
}
