import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@namndrum/core';
import { IsIsoDate, TenantResourceDto, Trim } from './common';

export class CreateTermDto {
  @ApiProperty({ example: 'Mandatperiod 2023–2026' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '2023-01-01', format: 'date' })
  @IsIsoDate()
  startDate: string;

  @ApiProperty({ example: '2026-12-31', format: 'date' })
  @IsIsoDate()
  endDate: string;
}

export class UpdateTermDto extends PartialType(CreateTermDto) {}

export class TermDto extends IntersectionType(TenantResourceDto, CreateTermDto) {}

export class TermQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'Only the term that includes this date' })
  @IsOptional()
  @IsIsoDate()
  date?: string;
}
