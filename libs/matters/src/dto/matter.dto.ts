import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageDto, PageQueryDto } from '@namndrum/core';
import { TenantResourceDto, Trim } from '@namndrum/organisation';
import { MATTER_STATUSES, MatterStatus } from '../domain/matter-status';
import { MATTER_EVENT_KINDS, MatterEventKind } from '../entities/matter-event.entity';

export class RegisterMatterDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  registryId: string;

  @ApiProperty({ example: 'Bildande av arbetsutskott för social- och utbildningsnämnden' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(500)
  title: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '00', description: 'Classification suffix of the case number, in the registry\'s format' })
  @IsOptional()
  @Trim()
  @IsString()
  suffix?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '1.2.1', description: 'Classification code (e.g. KLASSA)' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(50)
  classification?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Defaults to the department of the registry or its organ' })
  @IsOptional()
  @IsUUID()
  departmentId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The handläggare (a person)' })
  @IsOptional()
  @IsUUID()
  caseOfficerId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The organ handling the matter; defaults to the registry\'s organ' })
  @IsOptional()
  @IsUUID()
  organId?: string | null;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  secret?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'OSL 26 kap. 1 §', description: 'Required when secret' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  secrecyProvision?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Ärende enligt socialtjänstlagen', description: 'For a secret matter: the title shown to readers without access instead of "Sekretessärende"' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  publicTitle?: string | null;

  @ApiPropertyOptional({ default: false, description: 'Holds personal data: decisions and documents are not published' })
  @IsOptional()
  @IsBoolean()
  personalData?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Myndighetsutövning: the matter is never handled in public (KL 6 kap. 25 §); setting it closes its open agenda items of meetings not yet held' })
  @IsOptional()
  @IsBoolean()
  exerciseOfPublicAuthority?: boolean;
}

export class UpdateMatterDto extends PartialType(OmitType(RegisterMatterDto, ['registryId', 'suffix'] as const)) {}

export class ChangeMatterStatusDto {
  @ApiProperty({ enum: MATTER_STATUSES.filter((status) => status !== 'cancelled') })
  @IsIn(MATTER_STATUSES.filter((status) => status !== 'cancelled'))
  status: MatterStatus;

  @ApiPropertyOptional({ description: 'Why, for the history' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class CancelMatterDto {
  @ApiProperty({ example: 'Registrerat av misstag, dubblett av SUN 2022/4' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(2000)
  reason: string;
}

export class MatterDto extends TenantResourceDto {
  @ApiProperty({ format: 'uuid' }) registryId: string;
  @ApiProperty() year: number;
  @ApiProperty() sequence: number;
  @ApiProperty({ nullable: true, type: String }) suffix: string | null;
  @ApiProperty({ example: 'SUN 2022/5' }) caseNumber: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: String }) classification: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) departmentId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) caseOfficerId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) organId: string | null;
  @ApiProperty({ enum: MATTER_STATUSES }) status: MatterStatus;
  @ApiProperty({ format: 'date' }) registeredOn: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) closedOn: string | null;
  @ApiProperty() secret: boolean;
  @ApiProperty({ nullable: true, type: String }) secrecyProvision: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Shown instead of the title to readers without access to a secret matter' }) publicTitle: string | null;
  @ApiProperty() personalData: boolean;
  @ApiProperty({ description: 'Myndighetsutövning: never handled in public' }) exerciseOfPublicAuthority: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Set when the registration is cancelled (makulerad)' }) cancellationReason: string | null;
  @ApiProperty() lastDocumentSequence: number;
}

export class MatterQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  registryId?: string;

  @ApiPropertyOptional({ example: 2022 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2999)
  year?: number;

  @ApiPropertyOptional({ enum: MATTER_STATUSES })
  @IsOptional()
  @IsIn(MATTER_STATUSES)
  status?: MatterStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  caseOfficerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organId?: string;

  @ApiPropertyOptional({ description: 'Free text, searched in Swedish in titles, descriptions, tjänsteskrivelser and document text; a case number finds that matter' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class MatterSearchPageDto extends PageDto(MatterDto) {
  @ApiPropertyOptional({ description: 'Set on a broad search: more than `total` matters match, listed newest first instead of by relevance' })
  totalIsLowerBound?: boolean;
}

export class CaseNumberLookupDto {
  @ApiProperty({ example: 'SUN 2022/5' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  caseNumber: string;
}

export class MatterEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) municipalityId: string;
  @ApiProperty({ format: 'uuid' }) matterId: string;
  @ApiProperty({ enum: MATTER_EVENT_KINDS }) kind: MatterEventKind;
  @ApiProperty() summary: string;
  @ApiProperty({ type: Object }) data: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) actorUserId: string | null;
  @ApiProperty() occurredAt: Date;
}
