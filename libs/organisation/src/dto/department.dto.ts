import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DEPARTMENT_KINDS, DepartmentKind } from '../entities/department.entity';
import { TenantResourceDto, Trim } from './common';
import { PageQueryDto } from '@namndrum/core';

export class CreateDepartmentDto {
  @ApiProperty({ example: 'Social- och utbildningsförvaltningen' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'SOU' })
  @Trim()
  @Matches(/^[A-ZÅÄÖ0-9-]{1,12}$/, { message: 'shortCode must be 1–12 capital letters, digits or dashes' })
  shortCode: string;

  @ApiProperty({ enum: DEPARTMENT_KINDS })
  @IsIn(DEPARTMENT_KINDS)
  kind: DepartmentKind;
}

export class UpdateDepartmentDto extends PartialType(CreateDepartmentDto) {}

export class DepartmentDto extends IntersectionType(TenantResourceDto, CreateDepartmentDto) {}

export class DepartmentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DEPARTMENT_KINDS })
  @IsOptional()
  @IsIn(DEPARTMENT_KINDS)
  kind?: DepartmentKind;

  @ApiPropertyOptional({ description: 'Free text in name or short code' })
  @IsOptional()
  @IsString()
  q?: string;
}
