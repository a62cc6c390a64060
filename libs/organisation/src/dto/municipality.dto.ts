import { ApiProperty, IntersectionType, PartialType } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { ResourceDto, Trim } from './common';

export class CreateMunicipalityDto {
  @ApiProperty({ example: 'Ludvika kommun' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '2085', description: 'SCB municipality code' })
  @Matches(/^\d{4}$/, { message: 'code must be the four-digit SCB municipality code' })
  code: string;
}

export class UpdateMunicipalityDto extends PartialType(CreateMunicipalityDto) {}

export class MunicipalityDto extends IntersectionType(ResourceDto, CreateMunicipalityDto) {
  @ApiProperty({ description: "Whether the municipality's users may sign in with a password (changed with PUT identity-providers/password-sign-in)" })
  passwordSignIn: boolean;
}
