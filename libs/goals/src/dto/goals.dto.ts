import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { TenantResourceDto } from '@namndrum/organisation';
import { ACTIVITY_STATUSES, ActivityStatus, REPORT_KINDS, ReportKind } from '../entities';

export class GoalFrameworkDto extends TenantResourceDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true }) description: string | null;
  @ApiProperty() fromYear: number;
  @ApiProperty() toYear: number;
  @ApiProperty({ nullable: true }) source: string | null;
  @ApiProperty({ description: 'The levels of the goal tree, top first', example: [{ key: 'vision', name: 'Vision' }] }) levels: object[];
  @ApiProperty({ description: 'Ordinal scales with their states and ranks' }) scales: object[];
  @ApiProperty({ nullable: true }) assessmentScale: string | null;
  @ApiProperty() footnotes: object[];
  @ApiProperty() contentSha256: string;
}

export class ImportResultDto {
  @ApiProperty({ type: GoalFrameworkDto }) framework: GoalFrameworkDto;
  @ApiProperty({ description: 'False when the same file had already been imported: nothing changed' }) changed: boolean;
}

export class LinkMatterDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf((dto: LinkMatterDto) => !dto.indicatorId && !dto.activityPlanId)
  @IsUUID()
  nodeId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf((dto: LinkMatterDto) => dto.indicatorId !== undefined)
  @IsUUID()
  indicatorId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf((dto: LinkMatterDto) => dto.activityPlanId !== undefined)
  @IsUUID()
  activityPlanId?: string;

  @ApiProperty({ enum: REPORT_KINDS, description: 'plan, follow_up (uppföljning), interim_report (delårsrapport), annual_report (årsredovisning)' })
  @IsIn(REPORT_KINDS)
  reportKind: ReportKind;
}

export class GoalLinkDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) matterId: string;
  @ApiProperty() caseNumber: string;
  @ApiProperty() matterTitle: string;
  @ApiProperty({ format: 'uuid' }) frameworkId: string;
  @ApiProperty({ enum: ['node', 'indicator', 'activity_plan'] }) targetKind: 'node' | 'indicator' | 'activity_plan';
  @ApiProperty({ format: 'uuid' }) targetId: string;
  @ApiProperty() targetTitle: string;
  @ApiProperty({ enum: REPORT_KINDS }) reportKind: ReportKind;
}

export class KoladaImportDto {
  @ApiPropertyOptional({ type: [Number], description: 'Years to fetch; default: the framework years up to last year' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  @Min(1990, { each: true })
  @Max(2100, { each: true })
  years?: number[];
}

export class RecordAssessmentDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The goal node assessed (or indicatorId)' })
  @ValidateIf((dto: RecordAssessmentDto) => !dto.indicatorId)
  @IsUUID()
  nodeId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf((dto: RecordAssessmentDto) => dto.indicatorId !== undefined)
  @IsUUID()
  indicatorId?: string;

  @ApiProperty({ example: 2021 })
  @IsInt()
  @Min(1900)
  @Max(2200)
  year: number;

  @ApiProperty({ example: 'uppfyllt', description: "A state key of the framework's assessment scale" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  state: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string | null;
}

export class UpdateActivityDto {
  @ApiPropertyOptional({ enum: ACTIVITY_STATUSES, description: 'Follow-up status' })
  @IsOptional()
  @IsIn(ACTIVITY_STATUSES)
  status?: ActivityStatus;

  @ApiPropertyOptional({ nullable: true, description: 'Övrigt/kommentar' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string | null;
}
