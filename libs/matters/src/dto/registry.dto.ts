import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '@namndrum/core';
import { TenantResourceDto, Trim } from '@namndrum/organisation';
import { REGISTRY_CODE } from '../domain/case-number';

export class CreateRegistryDto {
  @ApiProperty({ example: 'SUN', description: 'The code case numbers start with' })
  @Trim()
  @Matches(REGISTRY_CODE, { message: 'code must be 1–12 capital letters, digits or dashes, starting with a letter' })
  code: string;

  @ApiProperty({ example: 'Social- och utbildningsnämndens diarium' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The organ whose diarium this is (give this or departmentId)' })
  @IsOptional()
  @IsUUID()
  organId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The department whose diarium this is (give this or organId)' })
  @IsOptional()
  @IsUUID()
  departmentId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '\\d{2}', description: 'Format of the classification suffix as a regular expression ("KS 2021/263-00" → \\d{2})' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  suffixFormat?: string | null;
}

export class UpdateRegistryDto extends PartialType(OmitType(CreateRegistryDto, ['code', 'organId', 'departmentId'] as const)) {
  @ApiPropertyOptional({ description: 'An inactive registry takes no new matters' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class RegistryDto extends IntersectionType(TenantResourceDto, CreateRegistryDto) {
  @ApiProperty() active: boolean;
}

export class RegistryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organId?: string;
}
