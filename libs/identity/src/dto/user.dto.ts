import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { GRANTED_ROLES, GrantedRole, PageQueryDto } from '@namndrum/core';

/** Roles an administrator may grant; system_admin is provisioned outside the API. */
export const ASSIGNABLE_ROLES = ['admin', 'secretary', 'department_head', 'case_officer'] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

export class RoleGrantDto {
  @ApiProperty({ enum: ASSIGNABLE_ROLES })
  @IsIn(ASSIGNABLE_ROLES)
  role: AssignableRole;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Required for secretary' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  organId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Required for department_head and case_officer' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  departmentId?: string | null;
}

export class CreateUserDto {
  @ApiProperty({ example: 'anna.exempelsson@ludvika.example' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ minLength: 10, description: 'At least 10 characters' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  personId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: "System administrators only: the new user's municipality" })
  @IsOptional()
  @IsUUID()
  municipalityId?: string;

  @ApiPropertyOptional({ type: [RoleGrantDto], default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RoleGrantDto)
  grants?: RoleGrantDto[];
}

/** Password, person and grants (grants replace all existing ones); the e-mail and municipality stay. */
export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['email', 'municipalityId'] as const)) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** A grant as stored, with the organ and department always present (null where the role has none). */
export class UserGrantDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ enum: GRANTED_ROLES }) role: GrantedRole;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) municipalityId: string | null;
  @ApiProperty() email: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) personId: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt: Date | null;
  @ApiProperty({ type: [UserGrantDto] }) grants: UserGrantDto[];
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class UserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ASSIGNABLE_ROLES })
  @IsOptional()
  @IsIn(ASSIGNABLE_ROLES)
  role?: AssignableRole;

  @ApiPropertyOptional({ description: 'Part of the e-mail address' })
  @IsOptional()
  @IsString()
  q?: string;
}
