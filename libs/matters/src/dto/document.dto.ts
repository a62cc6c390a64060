import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIsoDate, TenantResourceDto, Trim } from '@namndrum/organisation';
import { DOCUMENT_DIRECTIONS, DocumentDirection } from '../domain/document-types';
import { DOCUMENT_KINDS, DocumentKind } from '../entities/document.entity';

/** Multipart form fields arrive as strings. */
const FormBoolean = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

/** The OSL 5 kap. 2 § particulars sent with the file (multipart/form-data, the file in the field "file"). */
export class RegisterDocumentDto {
  @ApiProperty({ enum: DOCUMENT_DIRECTIONS, description: 'incoming (inkommande), outgoing (utgående) or drawn_up (upprättad)' })
  @IsIn(DOCUMENT_DIRECTIONS)
  direction: DocumentDirection;

  @ApiProperty({ format: 'date', description: 'The date the document was received or drawn up' })
  @IsIsoDate()
  documentDate: string;

  @ApiPropertyOptional({ description: 'Sender (incoming) or recipient (outgoing); required for those' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(300)
  counterparty?: string;

  @ApiPropertyOptional({ example: 'Instruktion för Ludvika kommuns råd', description: 'The document\'s own title, when it has one' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(300)
  title?: string;

  @ApiProperty({ description: 'What the document concerns, in short' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'description must not be empty' })
  @MaxLength(500)
  description: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @FormBoolean()
  @IsBoolean()
  secret?: boolean;

  @ApiPropertyOptional({ example: 'OSL 26 kap. 1 §', description: 'Required when secret' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  secrecyProvision?: string;
}

export class RegisterDocumentFormDto extends RegisterDocumentDto {
  @ApiProperty({ type: 'string', format: 'binary' })
  file: unknown;
}

export class ReplaceFileFormDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'A readable copy of the same document' })
  file: unknown;
}

export class MarkSecrecyDto {
  @ApiProperty({ description: 'true to mark the document secret, false to lift the marking' })
  @IsBoolean()
  secret: boolean;

  @ApiPropertyOptional({ example: 'OSL 26 kap. 1 §', description: 'Required when secret' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  secrecyProvision?: string;
}

export class DocumentDto extends TenantResourceDto {
  @ApiProperty({ format: 'uuid' }) matterId: string;
  @ApiProperty() sequence: number;
  @ApiProperty({ example: 'SUN 2022/5-3' }) documentNumber: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: DocumentKind;
  @ApiProperty({ enum: DOCUMENT_DIRECTIONS }) direction: DocumentDirection;
  @ApiProperty({ format: 'date' }) documentDate: string;
  @ApiProperty({ nullable: true, type: String }) counterparty: string | null;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty() description: string;
  @ApiProperty() fileName: string;
  @ApiProperty() mediaType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ format: 'date' }) registeredOn: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) registeredByUserId: string | null;
  @ApiProperty() secret: boolean;
  @ApiProperty({ nullable: true, type: String }) secrecyProvision: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) secrecyMarkedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) secrecyMarkedBy: string | null;
}
