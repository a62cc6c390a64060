import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { PageQueryDto } from '@namndrum/core';
import { PERSON_KINDS, PersonKind } from '../entities/person.entity';
import { TenantResourceDto, Trim } from './common';

export const PARTY_CODE = /^[A-ZÅÄÖa-zåäö0-9-]{1,12}$/;

export class CreatePersonDto {
  @ApiProperty({ enum: PERSON_KINDS })
  @IsIn(PERSON_KINDS)
  kind: PersonKind;

  @ApiProperty({ example: 'Håkan' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName: string;

  @ApiProperty({ example: 'Frank' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName: string;

  @ApiPropertyOptional({ type: String, example: 'Förvaltningschef', nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  title?: string | null;

  @ApiPropertyOptional({ type: String, example: 'hakan.frank@ludvika.example', nullable: true })
  @IsOptional()
  @Trim()
  @ValidateIf((_, value) => value !== null)
  @IsEmail()
  email?: string | null;

  @ApiPropertyOptional({ type: String, example: '0240-860 00', nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(/^\+?[0-9 ()-]{5,30}$/, { message: 'phone must be a phone number' })
  phone?: string | null;

  @ApiPropertyOptional({ type: String, example: 'S', nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(PARTY_CODE, { message: 'party must be a party code such as S or KD' })
  party?: string | null;
}

export class UpdatePersonDto extends PartialType(CreatePersonDto) {}

export class PersonDto extends IntersectionType(TenantResourceDto, CreatePersonDto) {}

export class PersonQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PERSON_KINDS })
  @IsOptional()
  @IsIn(PERSON_KINDS)
  kind?: PersonKind;

  @ApiPropertyOptional({ example: 'S' })
  @IsOptional()
  @Matches(PARTY_CODE, { message: 'party must be a party code such as S or KD' })
  party?: string;

  @ApiPropertyOptional({ description: 'Free text in name, title or e-mail' })
  @IsOptional()
  @IsString()
  q?: string;
}
