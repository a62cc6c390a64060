import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { TenantResourceDto } from '@namndrum/organisation';
import { ACTIVITY_STATUSES, ActivityStatus, REPORT_KINDS, ReportKind } from '../entities';

export class GoalFrameworkDto extends TenantResourceDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty() fromYear: number;
  @ApiProperty() toYear: number;
  @ApiProperty({ type: String, nullable: true }) source: string | null;
  @ApiProperty({ type: Object, isArray: true, description: 'The levels of the goal tree, top first', example: [{ key: 'vision', name: 'Vision' }] }) levels: object[];
  @ApiProperty({ type: Object, isArray: true, description: 'The names of the indicator tiers, top first', example: [{ key: 'indikator', name: 'Indikator' }, { key: 'delmatt', name: 'Delmått' }] }) indicatorLevels: object[];
  @ApiProperty({ type: Object, isArray: true, description: 'Ordinal scales with their states and ranks' }) scales: object[];
  @ApiProperty({ type: String, nullable: true }) assessmentScale: string | null;
  @ApiProperty({ type: Object, isArray: true }) footnotes: object[];
  @ApiProperty({ type: Object, isArray: true, description: 'Counts of the activity plans\' activities per indicator or department, by year' }) activityCounts: object[];
  @ApiProperty() contentSha256: string;
  @ApiProperty({ type: String, nullable: true, description: 'sha256 of the Excel workbook last imported' }) workbookSha256: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The content hash that workbook gave; while it is the content hash, the same workbook changes nothing' }) workbookContentSha256: string | null;
}

export class ImportResultDto {
  @ApiProperty({ type: GoalFrameworkDto }) framework: GoalFrameworkDto;
  @ApiProperty({ description: 'False when the same file had already been imported: nothing changed' }) changed: boolean;
}

export class ImportWorkbookFormDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'The framework as an Excel workbook (.xlsx), laid out as docs/goal-framework-xlsx.md describes' })
  file: unknown;
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

  @ApiPropertyOptional({ type: String, nullable: true })
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

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Övrigt/kommentar' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string | null;
}

export class GoalNodeDto extends TenantResourceDto {
  @ApiProperty({ format: 'uuid' }) frameworkId: string;
  @ApiProperty() key: string;
  @ApiProperty({ description: 'The key of the framework level' }) level: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: Number, nullable: true }) position: number | null;
  @ApiProperty({ type: [String] }) externalRefs: string[];
  @ApiProperty() ordinal: number;
}

export class IndicatorDto extends TenantResourceDto {
  @ApiProperty({ format: 'uuid' }) frameworkId: string;
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) unit: string | null;
  @ApiProperty({ enum: ['higher_is_better', 'lower_is_better', 'none'] }) direction: string;
  @ApiProperty() decimals: number;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The indicator this is a sub-measure of' }) parentId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The ordinal scale of a qualitative indicator' }) scale: string | null;
  @ApiProperty({ type: String, nullable: true }) koladaKpi: string | null;
  @ApiProperty({ type: String, nullable: true }) source: string | null;
  @ApiProperty({ type: [String] }) footnotes: string[];
  @ApiProperty() ordinal: number;
}

export class SeriesActualDto {
  @ApiProperty() year: number;
  @ApiProperty({ type: String, nullable: true, description: 'A value measured at a date within the year' }) asOf: string | null;
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ type: String, nullable: true, enum: ['>=', '>', '<=', '<'], description: 'Set when the value is a bound, not a measurement: ">=" 18 is "≥ 18"' }) bound: string | null;
  @ApiProperty({ type: String, nullable: true }) state: string | null;
  @ApiProperty() preliminary: boolean;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, nullable: true }) source: string | null;
  @ApiProperty({ type: [String] }) footnotes: string[];
}

export class SeriesTargetDto {
  @ApiProperty() year: number;
  @ApiProperty({ enum: ['numeric', 'relative', 'state', 'to_be_set'], description: 'to_be_set: a target not quantified yet, printed as the source writes it (text)' }) kind: string;
  @ApiProperty({ type: String, nullable: true, description: "null: the indicator direction's comparator (see the import format)" }) comparator: string | null;
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ type: Number, nullable: true }) relativeToYear: number | null;
  @ApiProperty({ type: String, nullable: true }) state: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'A to_be_set target as the source writes it (">Xx st")' }) text: string | null;
  @ApiProperty({ type: [String] }) footnotes: string[];
}

export class EvaluationDto {
  @ApiProperty() year: number;
  @ApiProperty({ enum: ['met', 'on_track', 'not_met', 'no_target', 'no_value'] }) outcome: string;
  @ApiProperty({ nullable: true, oneOf: [{ type: 'number' }, { type: 'string' }] }) actual: number | string | null;
  @ApiProperty({ type: Number, nullable: true }) actualYear: number | null;
  @ApiProperty({ type: String, nullable: true }) actualText: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The target as text, e.g. "≥ 80"' }) target: string | null;
  @ApiProperty({ nullable: true, enum: ['actual', 'latest_actual', 'trend'] }) basis: string | null;
  @ApiProperty() preliminary: boolean;
  @ApiProperty({ description: 'A Swedish sentence explaining the outcome' }) explanation: string;
}

export class IndicatorSeriesDto {
  @ApiProperty({ format: 'uuid' }) indicatorId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) unit: string | null;
  @ApiProperty() decimals: number;
  @ApiProperty({ enum: ['higher_is_better', 'lower_is_better', 'none'] }) direction: string;
  @ApiProperty({ type: [SeriesActualDto] }) actuals: SeriesActualDto[];
  @ApiProperty({ type: [SeriesTargetDto] }) targets: SeriesTargetDto[];
  @ApiProperty({ type: [EvaluationDto], description: 'Each target year evaluated' }) evaluations: EvaluationDto[];
  @ApiProperty({ type: String, nullable: true, example: 'Källa: Kolada' }) attribution: string | null;
}

export class NodeEvaluationIndicatorDto {
  @ApiProperty({ format: 'uuid' }) indicatorId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['met', 'on_track', 'not_met', 'no_target', 'no_value'] }) outcome: string;
  @ApiProperty() explanation: string;
}

export class NodeAssessmentDto {
  @ApiProperty() state: string;
  @ApiProperty() label: string;
  @ApiProperty({ type: String, nullable: true }) assessedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) assessedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
}

export class NodeEvaluationDto {
  @ApiProperty({ format: 'uuid' }) nodeId: string;
  @ApiProperty() title: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: ['met', 'on_track', 'not_met', 'no_target', 'no_value'] }) outcome: string;
  @ApiProperty({ example: 'På väg att uppfyllas' }) outcomeLabel: string;
  @ApiProperty({ type: [NodeEvaluationIndicatorDto] }) indicators: NodeEvaluationIndicatorDto[];
  @ApiProperty({ type: NodeAssessmentDto, nullable: true }) assessment: NodeAssessmentDto | null;
}

export class ActivityPlanDto extends TenantResourceDto {
  @ApiProperty({ format: 'uuid' }) frameworkId: string;
  @ApiProperty() key: string;
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty() year: number;
  @ApiProperty() title: string;
  @ApiProperty() ordinal: number;
}

export class GoalActivityDto extends TenantResourceDto {
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty() number: number;
  @ApiProperty() text: string;
  @ApiProperty({ type: String, nullable: true, example: '50-75' }) quantity: string | null;
  @ApiProperty({ type: Number, nullable: true }) quantityMin: number | null;
  @ApiProperty({ type: Number, nullable: true }) quantityMax: number | null;
  @ApiProperty({ type: String, nullable: true }) unit: string | null;
  @ApiProperty({ type: [String], example: ['SOU', 'KSF'] }) responsible: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) responsibleDepartmentIds: string[];
  @ApiProperty({ type: String, nullable: true }) unitOfWork: string | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) nodeId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) indicatorId: string | null;
  @ApiProperty({ enum: ACTIVITY_STATUSES }) status: ActivityStatus;
}

export class AssessmentDto extends TenantResourceDto {
  @ApiProperty({ format: 'uuid' }) frameworkId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) nodeId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) indicatorId: string | null;
  @ApiProperty() year: number;
  @ApiProperty() state: string;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ type: String, nullable: true }) assessedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) assessedOn: string | null;
  @ApiProperty({ description: 'Order of recording within the framework' }) ordinal: number;
}

export class KoladaImportStatusDto extends TenantResourceDto {
  @ApiProperty({ format: 'uuid' }) frameworkId: string;
  @ApiProperty({ type: [Number] }) years: number[];
  @ApiProperty({ enum: ['queued', 'done', 'failed'] }) status: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) requestedByUserId: string | null;
  @ApiProperty({ description: 'Values stored (new or changed)' }) imported: number;
  @ApiProperty({ description: 'Years Kolada has no value for' }) missing: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: Date | null;
}
