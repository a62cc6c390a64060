import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { PageQueryDto } from '@namndrum/core';
import { IsIsoDate, TenantResourceDto, Trim } from './common';

export class CreateAttendanceRightDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organId: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The person, or leave out and describe the post' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  personId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Förvaltningschef, social- och utbildningsförvaltningen' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  roleDescription?: string | null;

  @ApiPropertyOptional({ default: true, description: 'Yttranderätt' })
  @IsOptional()
  @IsBoolean()
  canSpeak?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'SUN 2023-01-11 § 6' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(500)
  basis?: string | null;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  validFrom: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIsoDate()
  validTo?: string | null;
}

export class UpdateAttendanceRightDto extends PartialType(OmitType(CreateAttendanceRightDto, ['organId'] as const)) {}

export class AttendanceRightDto extends IntersectionType(TenantResourceDto, CreateAttendanceRightDto) {}

export class AttendanceRightQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Only rights in force on this date' })
  @IsOptional()
  @IsIsoDate()
  activeOn?: string;
}
