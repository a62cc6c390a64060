import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { AUTH_METHODS, AuthMethod, PageQueryDto } from '@namndrum/core';
import { TenantResourceDto, Trim } from '@namndrum/organisation';
import { APPROVER_ROLES, ApproverRole } from '../entities/minutes-approval.entity';
import { ATTENDEE_CAPACITIES, AttendeeCapacity } from '../entities/minutes-attendee.entity';
import { MINUTES_KINDS, MINUTES_STATUSES, MinutesKind, MinutesStatus } from '../entities/minutes.entity';
import { ParagraphDto } from './paragraph.dto';

/** Paragraph numbers are PostgreSQL integers; no minutes come near this many. */
export const MAX_PARAGRAPH_NUMBER = 100_000;

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

export class AdjournmentDto {
  @ApiProperty({ example: '15:15' }) @Matches(CLOCK, { message: 'from must be HH:MM' }) from: string;
  @ApiProperty({ example: '15:30' }) @Matches(CLOCK, { message: 'to must be HH:MM' }) to: string;
}

export class UpdateMinutesDto {
  @ApiPropertyOptional({ description: 'When the meeting opened' }) @IsOptional() @IsDateString() startedAt?: string;
  @ApiPropertyOptional({ description: 'When the meeting closed' }) @IsOptional() @IsDateString() endedAt?: string;
  @ApiPropertyOptional({ type: [AdjournmentDto], description: 'Ajourneringar' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => AdjournmentDto)
  adjournments?: AdjournmentDto[];
  @ApiPropertyOptional({ format: 'uuid', description: 'Who chaired (and holds the casting vote)' }) @IsOptional() @IsUUID() chairPersonId?: string;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Utses att justera: as many as the organ rules say (fullmäktige two)' })
  @IsOptional() @IsArray() @ArrayMaxSize(5) @IsUUID('all', { each: true })
  verifierPersonIds?: string[];
  @ApiPropertyOptional({ example: 'Social- och utbildningsförvaltningen, Ludvika' }) @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(300) verificationPlace?: string;
  @ApiPropertyOptional({ description: 'Justeringens tid' }) @IsOptional() @IsDateString() verificationAt?: string;
  @ApiPropertyOptional({ example: 'Social- och utbildningsförvaltningens kansli', description: 'Förvaringsplats för protokollet' })
  @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(300)
  storagePlace?: string;
  @ApiPropertyOptional({ description: 'The minutes hold personal data: they are then not published, only the posting is' }) @IsOptional() @IsBoolean() containsPersonalData?: boolean;
}

export class AttendeeInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Required for members and substitutes; optional for officials and others' })
  @ValidateIf((dto: AttendeeInputDto) => dto.capacity === 'member' || dto.capacity === 'serving_substitute' || dto.capacity === 'substitute' || dto.personId !== undefined)
  @IsUUID()
  personId?: string;
  @ApiPropertyOptional({ description: 'Name of someone not in the register' })
  @ValidateIf((dto: AttendeeInputDto) => dto.personId === undefined)
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
  name?: string;
  @ApiPropertyOptional({ example: 'Förvaltningschef' }) @IsOptional() @Trim() @IsString() @MaxLength(200) title?: string;
  @ApiProperty({ enum: ATTENDEE_CAPACITIES }) @IsIn(ATTENDEE_CAPACITIES) capacity: AttendeeCapacity;
  @ApiPropertyOptional({ format: 'uuid', description: 'For a serving substitute: the member whose seat they take' })
  @ValidateIf((dto: AttendeeInputDto) => dto.capacity === 'serving_substitute' || dto.replacesPersonId !== undefined)
  @IsUUID()
  replacesPersonId?: string;
  @ApiPropertyOptional({ description: 'First § present (omitted: from the start)' }) @IsOptional() @IsInt() @Min(1) @Max(MAX_PARAGRAPH_NUMBER) fromParagraph?: number;
  @ApiPropertyOptional({ description: 'Last § present (omitted: to the end)' }) @IsOptional() @IsInt() @Min(1) @Max(MAX_PARAGRAPH_NUMBER) toParagraph?: number;
}

export class SetAttendanceDto {
  @ApiProperty({ type: [AttendeeInputDto] })
  @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => AttendeeInputDto)
  attendees: AttendeeInputDto[];
}

export class ApproveDto {
  @ApiProperty({ description: 'The sha256 of the content read and approved (contentSha256 of the minutes or paragraph)' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'contentSha256 must be a sha256 in hex' })
  contentSha256: string;
}

export class MinutesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organId?: string;
  @ApiPropertyOptional({ enum: MINUTES_STATUSES }) @IsOptional() @IsIn(MINUTES_STATUSES) status?: MinutesStatus;
  @ApiPropertyOptional({ description: 'Only minutes past their verification deadline and not verified' })
  @IsOptional() @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';
}

export class AttendeeDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) personId: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) party: string | null;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ enum: ATTENDEE_CAPACITIES }) capacity: AttendeeCapacity;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) replacesPersonId: string | null;
  @ApiProperty({ type: Number, nullable: true }) fromParagraph: number | null;
  @ApiProperty({ type: Number, nullable: true }) toParagraph: number | null;
}

export class ApprovalDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) paragraphId: string | null;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: APPROVER_ROLES }) role: ApproverRole;
  @ApiProperty() contentSha256: string;
  @ApiProperty() approvedAt: Date;
  @ApiProperty({ nullable: true, enum: AUTH_METHODS, description: 'How the approver had signed in: password, or an identity provider by OpenID Connect (oidc) or SAML (saml); null when not recorded' })
  authMethod: AuthMethod | null;
  @ApiProperty({ nullable: true, type: String, description: 'The identity provider the approver signed in with, by the name its sign-in button showed; null for a password' })
  authProviderName: string | null;
  @ApiProperty({ description: 'False once the content has changed after the approval' }) valid: boolean;
}

export class ApproverDto {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: APPROVER_ROLES }) role: ApproverRole;
  @ApiProperty() approved: boolean;
}

export class MinutesSummaryDto extends TenantResourceDto {
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ format: 'uuid' }) organId: string;
  @ApiProperty({ enum: MINUTES_KINDS }) kind: MinutesKind;
  @ApiProperty({ enum: MINUTES_STATUSES }) status: MinutesStatus;
  @ApiProperty() year: number;
  @ApiProperty({ format: 'date' }) meetingDate: string;
  @ApiProperty({ format: 'date', description: 'The last day for justering' }) verificationDeadline: string;
  @ApiProperty({ description: 'Past the deadline and not verified' }) overdue: boolean;
  @ApiProperty({ example: '§§ 1–7' }) paragraphRange: string;
}

export class MinutesDto extends MinutesSummaryDto {
  @ApiProperty() place: string;
  @ApiProperty() startedAt: Date;
  @ApiProperty() endedAt: Date;
  @ApiProperty({ type: [AdjournmentDto] }) adjournments: AdjournmentDto[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) chairPersonId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) secretaryPersonId: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) verifierPersonIds: string[];
  @ApiProperty({ type: String, nullable: true }) verificationPlace: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) verificationAt: Date | null;
  @ApiProperty() storagePlace: string;
  @ApiProperty() containsPersonalData: boolean;
  @ApiProperty({ description: 'The sha256 of the content as it is now: what an approval must name' }) currentContentSha256: string;
  @ApiProperty({ type: String, nullable: true, description: 'The sha256 the verified minutes were locked with' }) contentSha256: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lockedAt: Date | null;
  @ApiProperty({ type: [AttendeeDto] }) attendees: AttendeeDto[];
  @ApiProperty({ type: [ParagraphDto] }) paragraphs: ParagraphDto[];
  @ApiProperty({ type: [ApproverDto], description: 'Who must approve, and whether they have approved the current content' }) approvers: ApproverDto[];
  @ApiProperty({ type: [ApprovalDto] }) approvals: ApprovalDto[];
}
