import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { AUTH_METHODS, AuthMethod } from '@namndrum/core';
import { TenantResourceDto, Trim } from '@namndrum/organisation';
import { OFFICER_REPORT_STATUSES, OfficerReportStatus } from '../domain/report-workflow';

export class ReportSectionDto {
  @ApiProperty({ example: 'Juridiska konsekvenser' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  heading: string;

  @ApiProperty()
  @IsString()
  @MaxLength(50000)
  body: string;
}

export class OfficerReportContentDto {
  @ApiProperty({ description: 'The matter\'s title as the report gives it' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(500)
  title: string;

  @ApiProperty({ type: [String], description: 'Förvaltningens förslag till beslut: the numbered points, without their numbers' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(5000, { each: true })
  proposedDecision: string[];

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  summary: string | null = null;

  @ApiProperty({ description: 'Beskrivning av ärendet' })
  @IsString()
  @MaxLength(100000)
  description: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Ekonomiska konsekvenser' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  financialConsequences: string | null = null;

  @ApiPropertyOptional({ type: [ReportSectionDto], description: 'Further headed sections, in order' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ReportSectionDto)
  sections: ReportSectionDto[] = [];

  @ApiPropertyOptional({ type: [String], description: 'Beslut skickas till' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  decisionRecipients: string[] = [];
}

export class DraftOfficerReportDto extends OfficerReportContentDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The organ addressed; defaults to the organ handling the matter' })
  @IsOptional()
  @IsUUID()
  organId?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The handläggare; defaults to the matter\'s case officer' })
  @IsOptional()
  @IsUUID()
  caseOfficerId?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Documents of the matter listed as bilagor, in order' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  attachmentDocumentIds?: string[];
}

export class ReturnOfficerReportDto {
  @ApiProperty({ example: 'Komplettera de ekonomiska konsekvenserna.' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'comment must not be empty' })
  @MaxLength(5000)
  comment: string;
}

export class OfficerReportDto extends TenantResourceDto {
  @ApiProperty({ format: 'uuid' }) matterId: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: OFFICER_REPORT_STATUSES }) status: OfficerReportStatus;
  @ApiProperty({ format: 'uuid' }) organId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) departmentId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) caseOfficerId: string | null;
  @ApiProperty({ type: OfficerReportContentDto }) content: OfficerReportContentDto;
  @ApiProperty({ type: [String] }) attachmentDocumentIds: string[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) authorUserId: string | null;
  @ApiProperty({ nullable: true, type: Date }) submittedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) returnedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) returnComment: string | null;
  @ApiProperty({ nullable: true, type: Date }) signedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) signedByUserId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) signedByPersonId: string | null;
  @ApiProperty({ nullable: true, type: String }) signedByName: string | null;
  @ApiProperty({ nullable: true, type: String }) signedByTitle: string | null;
  @ApiProperty({ nullable: true, enum: AUTH_METHODS, description: 'How the signer had signed in: password, or an identity provider by OpenID Connect (oidc) or SAML (saml); null when unsigned or not recorded' })
  signedAuthMethod: AuthMethod | null;
  @ApiProperty({ nullable: true, type: String, description: 'The identity provider the signer signed in with, by the name its sign-in button showed; null for a password' })
  signedAuthProviderName: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'sha256 of the signed content' }) contentSha256: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'sha256 of the signed version as PDF/A-2b, once the worker has archived it (GET /officer-reports/{id}/archival-pdf)' }) archivalPdfSha256: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The signed DOCX, registered as a document of the matter' }) documentId: string | null;
}
