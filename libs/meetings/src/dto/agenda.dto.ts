import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { ReportedDelegatedDecisionDto } from '@namndrum/matters';
import { TenantResourceDto, Trim } from '@namndrum/organisation';
import { AGENDA_ITEM_KINDS, AgendaItemKind, STANDARD_PLACEMENTS, StandardPlacement } from '../entities/agenda-item.entity';

export class AddAgendaItemDto {
  @ApiProperty({ enum: AGENDA_ITEM_KINDS, description: 'matter: a matter with a signed tjänsteskrivelse; information: an information item; standard: a standing item' })
  @IsIn(AGENDA_ITEM_KINDS)
  kind: AgendaItemKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for matter items; optional for information items' })
  @ValidateIf((dto: AddAgendaItemDto) => dto.kind === 'matter' || dto.matterId !== undefined)
  @IsUUID()
  matterId?: string;

  @ApiPropertyOptional({ example: 'Information från förvaltningschefen', description: 'Required for information and standard items; a matter item takes the report title' })
  @ValidateIf((dto: AddAgendaItemDto) => dto.kind !== 'matter' || dto.title !== undefined)
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({
    example: 'Tiedotus hallintoalueen toiminnasta',
    description: 'The Finnish title, for an organ with Finnish among its languages; shown in the Finnish parts of the notice, minutes, notice board and public page',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  titleFi?: string;

  @ApiPropertyOptional({ enum: STANDARD_PLACEMENTS, description: 'For standard items: at the start or the end of the agenda' })
  @ValidateIf((dto: AddAgendaItemDto) => dto.kind === 'standard' || dto.placement !== undefined)
  @IsIn(STANDARD_PLACEMENTS)
  placement?: StandardPlacement;

  @ApiPropertyOptional({ default: false, description: 'Handlingar delges senare' })
  @IsOptional()
  @IsBoolean()
  documentsLater?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Open to the public (only where the organ may meet openly)' })
  @IsOptional()
  @IsBoolean()
  public?: boolean;
}

export class UpdateAgendaItemDto {
  @ApiPropertyOptional({ description: 'Handlingar delges senare' })
  @IsOptional()
  @IsBoolean()
  documentsLater?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  public?: boolean;

  @ApiPropertyOptional({ description: 'Information and standard items only' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'The Finnish title, any kind of item, for an organ with Finnish among its languages; null removes it' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  titleFi?: string | null;
}

export class ReorderAgendaDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Every item of the agenda, in the new order' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  itemIds: string[];
}

export class AgendaItemDto extends TenantResourceDto {
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ description: 'The item number (1, 2, 3 …)' }) position: number;
  @ApiProperty({ enum: AGENDA_ITEM_KINDS }) kind: AgendaItemKind;
  @ApiProperty({ enum: STANDARD_PLACEMENTS, nullable: true }) placement: StandardPlacement | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true, description: 'The Finnish title, for an organ with Finnish' }) titleFi: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) matterId: string | null;
  @ApiProperty({ type: String, nullable: true }) caseNumber: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) officerReportId: string | null;
  @ApiProperty({ type: [String] }) proposal: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) preparedInItemId: string | null;
  @ApiProperty() documentsLater: boolean;
  @ApiProperty() public: boolean;
  @ApiProperty() addedAfterNotice: boolean;
  @ApiProperty({ type: Number, nullable: true }) noticedInVersion: number | null;
  @ApiPropertyOptional({ type: [ReportedDelegatedDecisionDto], description: 'On "Anmälan av delegationsbeslut" only: the delegated and urgent chair decisions it reports' })
  delegatedDecisions?: ReportedDelegatedDecisionDto[];
}

export class AgendaTemplateEntryDto {
  @ApiProperty({ example: 'Val av justerande' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiProperty({ enum: STANDARD_PLACEMENTS })
  @IsIn(STANDARD_PLACEMENTS)
  placement: StandardPlacement;
}

export class AgendaTemplateDto {
  @ApiProperty({ type: [AgendaTemplateEntryDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => AgendaTemplateEntryDto)
  items: AgendaTemplateEntryDto[];
}
