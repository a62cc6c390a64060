import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageDto, PageQueryDto } from '@namndrum/core';
import { IsIsoDate, TenantResourceDto, Trim } from '@namndrum/organisation';
import { DELEGATED_DECISION_KINDS, DELEGATED_DECISION_STATUSES, DelegatedDecisionKind, DelegatedDecisionStatus } from '../domain/delegated-decisions';

export class RegisterDelegatedDecisionDto {
  @ApiProperty({ format: 'uuid', description: 'The organ on whose behalf the decision was taken, to which it is reported' })
  @IsUUID()
  organId: string;

  @ApiProperty({ enum: DELEGATED_DECISION_KINDS, description: 'delegated: delegationsbeslut; urgent_chair: ordförandebeslut i brådskande ärende (KL 6 kap. 39 §)' })
  @IsIn(DELEGATED_DECISION_KINDS)
  kind: DelegatedDecisionKind;

  @ApiProperty({ example: 'Beviljat skolskjuts för elev vid växelvis boende' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'decisionText must not be empty' })
  @MaxLength(4000)
  decisionText: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: '3.2', description: 'Punkt i delegationsordningen; required for delegated decisions' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'delegationPoint must not be empty' })
  @MaxLength(50)
  delegationPoint?: string | null;

  @ApiProperty({ format: 'date', example: '2026-01-10', description: 'The day the decision was taken; not in the future' })
  @IsIsoDate()
  decidedOn: string;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'The delegate as a person of the register; give this or delegateName' })
  @IsOptional()
  @IsUUID()
  delegatePersonId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Anna Berg', description: 'The delegate named in text (an official not in the register); give this or delegatePersonId' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'delegateName must not be empty' })
  @MaxLength(200)
  delegateName?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'enhetschef', description: "The delegate's title; defaults to the person's title in the register" })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  delegateTitle?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'The matter (diarienummer) the decision was taken in' })
  @IsOptional()
  @IsUUID()
  matterId?: string | null;
}

export class UpdateDelegatedDecisionDto extends PartialType(OmitType(RegisterDelegatedDecisionDto, ['organId'] as const)) {}

export class DelegatedDecisionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Decided on or after this day' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Decided on or before this day' })
  @IsOptional()
  @IsIsoDate()
  to?: string;

  @ApiPropertyOptional({ enum: DELEGATED_DECISION_KINDS })
  @IsOptional()
  @IsIn(DELEGATED_DECISION_KINDS)
  kind?: DelegatedDecisionKind;

  @ApiPropertyOptional({ enum: DELEGATED_DECISION_STATUSES })
  @IsOptional()
  @IsIn(DELEGATED_DECISION_STATUSES)
  status?: DelegatedDecisionStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'The decisions reported at this meeting' })
  @IsOptional()
  @IsUUID()
  meetingId?: string;
}

export class DelegatedDecisionDto extends TenantResourceDto {
  @ApiProperty({ format: 'uuid' }) organId: string;
  @ApiProperty({ enum: DELEGATED_DECISION_KINDS }) kind: DelegatedDecisionKind;
  @ApiProperty({ description: `The decision; "Beslut i sekretessärende" in place of a secret matter's decision for readers without access` }) decisionText: string;
  @ApiProperty({ nullable: true, type: String }) delegationPoint: string | null;
  @ApiProperty({ format: 'date' }) decidedOn: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) delegatePersonId: string | null;
  @ApiProperty() delegateName: string;
  @ApiProperty({ nullable: true, type: String }) delegateTitle: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) matterId: string | null;
  @ApiProperty({ nullable: true, type: String }) caseNumber: string | null;
  @ApiProperty({ enum: DELEGATED_DECISION_STATUSES, description: 'registered: editable; in_minutes: listed in draft minutes, fixed; reported: those minutes are verified' })
  status: DelegatedDecisionStatus;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) reportedAtMeetingId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) reportedInParagraphId: string | null;
  @ApiProperty({ nullable: true, type: String, example: '§ 12' }) reportedInParagraph: string | null;
  @ApiProperty({ nullable: true, type: Date }) reportedAt: Date | null;
  @ApiProperty() registeredAt: Date;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) registeredByUserId: string | null;
}

export class DelegatedDecisionPageDto extends PageDto(DelegatedDecisionDto) {}

/** One decision as the standard item "Anmälan av delegationsbeslut" lists it. */
export class ReportedDelegatedDecisionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DELEGATED_DECISION_KINDS }) kind: DelegatedDecisionKind;
  @ApiProperty() decisionText: string;
  @ApiProperty({ nullable: true, type: String }) delegationPoint: string | null;
  @ApiProperty({ format: 'date' }) decidedOn: string;
  @ApiProperty() delegateName: string;
  @ApiProperty({ nullable: true, type: String }) delegateTitle: string | null;
  @ApiProperty({ nullable: true, type: String }) caseNumber: string | null;
  @ApiProperty({ description: 'A decision in a secret matter, shown without its text' }) masked: boolean;
}
