import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@namndrum/core';
import { DeliveryCountsDto, MailDeliveryDto } from '@namndrum/meetings';
import { TenantResourceDto } from '@namndrum/organisation';
import { POSTING_STATUSES, PostingStatus } from '../entities/posting.entity';

export class PostingQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: POSTING_STATUSES }) @IsOptional() @IsIn(POSTING_STATUSES) status?: PostingStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() minutesId?: string;
}

export class PostingDto extends TenantResourceDto {
  @ApiProperty({ format: 'uuid' }) organId: string;
  @ApiProperty({ format: 'uuid' }) minutesId: string;
  @ApiProperty({ format: 'uuid', nullable: true, description: 'Set for the posting of one omedelbart justerad paragraph' }) paragraphId: string | null;
  @ApiProperty({ example: 'Protokoll' }) documentType: string;
  @ApiProperty() organName: string;
  @ApiProperty({ format: 'date' }) meetingDate: string;
  @ApiProperty({ example: '§§ 1–7' }) paragraphs: string;
  @ApiProperty({ format: 'date' }) verifiedOn: string;
  @ApiProperty({ format: 'date', description: 'Datum då anslaget sätts upp' }) postedOn: string;
  @ApiProperty({ format: 'date', description: 'Datum då anslaget tas ned: the day after the last day to appeal' }) takenDownOn: string;
  @ApiProperty({ format: 'date', description: 'Sista dag för överklagande (laglighetsprövning)' }) lastAppealDay: string;
  @ApiProperty({ description: 'Förvaringsplats för protokollet' }) storagePlace: string;
  @ApiProperty({ nullable: true, description: 'The published minutes; null when the organ does not publish them or they hold personal data' }) fileSha256: string | null;
  @ApiProperty({ enum: POSTING_STATUSES }) status: PostingStatus;
  @ApiProperty({ nullable: true }) postedAt: Date | null;
  @ApiProperty({ nullable: true }) takenDownAt: Date | null;
}

export class ExtractDeliveryReportDto {
  @ApiProperty({ format: 'uuid' }) minutesId: string;
  @ApiProperty({ type: DeliveryCountsDto }) counts: DeliveryCountsDto;
  @ApiProperty({ type: [MailDeliveryDto], description: 'Every extract e-mail, those not (yet) received first' }) deliveries: MailDeliveryDto[];
}
