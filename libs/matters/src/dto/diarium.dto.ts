import { ApiProperty } from '@nestjs/swagger';
import { MATTER_STATUSES, MatterStatus } from '../domain/matter-status';
import { DocumentDto } from './document.dto';
import { MatterDto, MatterEventDto } from './matter.dto';
import { OfficerReportDto } from './officer-report.dto';

export class DiariumRegistryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'SUN' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) organId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) departmentId: string | null;
  @ApiProperty() active: boolean;
}

export class DiariumNameDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Social- och utbildningsnämnden' }) name: string;
}

/** What the diarium page filters by and registers with, in one answer. */
export class DiariumOptionsDto {
  @ApiProperty({ type: [DiariumRegistryDto] }) registries: DiariumRegistryDto[];
  @ApiProperty({ type: [DiariumNameDto] }) organs: DiariumNameDto[];
  @ApiProperty({ type: [DiariumNameDto] }) departments: DiariumNameDto[];
  @ApiProperty({ type: [DiariumNameDto], description: 'Officials (tjänstepersoner) who may be handläggare' }) caseOfficers: DiariumNameDto[];
  @ApiProperty({ description: 'Whether the reader may register matters and documents' }) mayRegister: boolean;
}

/** A matter's page in one answer: the matter with the names it refers to, its history, documents and tjänsteskrivelser, as the reader may see them. */
export class MatterOverviewDto {
  @ApiProperty({ type: MatterDto }) matter: MatterDto;
  @ApiProperty({ example: 'Social- och utbildningsnämndens diarium' }) registryName: string;
  @ApiProperty({ nullable: true, type: String }) organName: string | null;
  @ApiProperty({ nullable: true, type: String }) departmentName: string | null;
  @ApiProperty({ nullable: true, type: String }) caseOfficerName: string | null;
  @ApiProperty({ type: [MatterEventDto] }) events: MatterEventDto[];
  @ApiProperty({ type: [DocumentDto] }) documents: DocumentDto[];
  @ApiProperty({ type: [OfficerReportDto] }) officerReports: OfficerReportDto[];
  @ApiProperty({ description: 'Whether the reader may register documents, mark secrecy and change the status' }) mayRegister: boolean;
  @ApiProperty({ enum: MATTER_STATUSES, isArray: true, description: 'The statuses the reader may move the matter to now' }) nextStatuses: MatterStatus[];
}
