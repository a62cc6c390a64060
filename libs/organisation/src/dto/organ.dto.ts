import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '@namndrum/core';
import { ORGAN_KINDS, OrganKind } from '../entities/organ.entity';
import {
  Language,
  LANGUAGES,
  RECORD_KINDS,
  RecordKind,
  SUBSTITUTE_CALL_IN_POLICIES,
  SubstituteCallInPolicy,
  VERIFICATION_KINDS,
  VerificationKind,
} from '../entities/organ-rules';
import { TenantResourceDto, Trim } from './common';

export class NoticeExtraRecipientDto {
  @ApiProperty({ example: 'Sverigefinska föreningen i Ludvika' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'styrelsen@sverigefinska-ludvika.example' })
  @Trim()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email: string;
}

/** Every rule is optional on input; what is left out keeps its default (or its current value on update). */
export class OrganRulesInputDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 60, default: 7, description: 'Days before the meeting the notice must be sent; at least 7 for a council (fullmäktige), whose kungörelse is on the notice board a week before the meeting day' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  noticeLeadDays?: number;

  @ApiPropertyOptional({ example: '08:00', default: '08:00', description: 'Local time (Europe/Stockholm) notices are sent' })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'noticeSendTime must be a time as HH:MM' })
  noticeSendTime?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  publishNotices?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  publishMinutes?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  publishMinutesWithPersonalData?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  postMinutesOnNoticeBoard?: boolean;

  @ApiPropertyOptional({ enum: RECORD_KINDS, default: 'minutes' })
  @IsOptional()
  @IsIn(RECORD_KINDS)
  recordKind?: RecordKind;

  @ApiPropertyOptional({ enum: VERIFICATION_KINDS, default: 'chair_and_verifiers', description: 'Always chair_and_verifiers for a council (fullmäktige)' })
  @IsOptional()
  @IsIn(VERIFICATION_KINDS)
  verification?: VerificationKind;

  @ApiPropertyOptional({ minimum: 0, maximum: 5, default: 1, description: 'Verifiers besides the chair; a council (fullmäktige) has 2 by default and never fewer' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5)
  verifierCount?: number;

  @ApiPropertyOptional({ enum: LANGUAGES, isArray: true, default: ['sv'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true })
  languages?: Language[];

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  openMeetings?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  membersFromParentOrgan?: boolean;

  @ApiPropertyOptional({ enum: SUBSTITUTE_CALL_IN_POLICIES, default: 'same_party_first' })
  @IsOptional()
  @IsIn(SUBSTITUTE_CALL_IN_POLICIES)
  substituteCallIn?: SubstituteCallInPolicy;

  @ApiPropertyOptional({ type: [NoticeExtraRecipientDto], description: 'Recipients of every notice besides members, substitutes and people with attendance rights' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => NoticeExtraRecipientDto)
  noticeExtraRecipients?: NoticeExtraRecipientDto[];

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Instruktion för Ludvika kommuns råd, 2.3.2' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(500)
  source?: string | null;
}

export class OrganRulesDto {
  @ApiProperty() noticeLeadDays: number;
  @ApiProperty() noticeSendTime: string;
  @ApiProperty() publishNotices: boolean;
  @ApiProperty() publishMinutes: boolean;
  @ApiProperty() publishMinutesWithPersonalData: boolean;
  @ApiProperty() postMinutesOnNoticeBoard: boolean;
  @ApiProperty({ enum: RECORD_KINDS }) recordKind: RecordKind;
  @ApiProperty({ enum: VERIFICATION_KINDS }) verification: VerificationKind;
  @ApiProperty() verifierCount: number;
  @ApiProperty({ enum: LANGUAGES, isArray: true }) languages: Language[];
  @ApiProperty() openMeetings: boolean;
  @ApiProperty() membersFromParentOrgan: boolean;
  @ApiProperty({ enum: SUBSTITUTE_CALL_IN_POLICIES }) substituteCallIn: SubstituteCallInPolicy;
  @ApiProperty({ type: [NoticeExtraRecipientDto] }) noticeExtraRecipients: NoticeExtraRecipientDto[];
  @ApiProperty({ type: String, nullable: true }) source: string | null;
}

export class CreateOrganDto {
  @ApiProperty({ example: 'Social- och utbildningsnämnden' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'SUN' })
  @Trim()
  @Matches(/^[A-ZÅÄÖ0-9-]{1,16}$/, { message: 'shortName must be 1–16 capital letters, digits or dashes' })
  shortName: string;

  @ApiProperty({ enum: ORGAN_KINDS })
  @IsIn(ORGAN_KINDS)
  kind: OrganKind;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  parentOrganId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  responsibleDepartmentId?: string | null;

  @ApiPropertyOptional({ type: OrganRulesInputDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganRulesInputDto)
  rules?: OrganRulesInputDto;
}

export class UpdateOrganDto extends PartialType(CreateOrganDto) {}

export class OrganDto extends IntersectionType(TenantResourceDto, OmitType(CreateOrganDto, ['rules'] as const)) {
  @ApiProperty({ type: OrganRulesDto })
  rules: OrganRulesDto;
}

export class OrganQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORGAN_KINDS })
  @IsOptional()
  @IsIn(ORGAN_KINDS)
  kind?: OrganKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  parentOrganId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  responsibleDepartmentId?: string;

  @ApiPropertyOptional({ description: 'Free text in name or short name' })
  @IsOptional()
  @IsString()
  q?: string;
}
