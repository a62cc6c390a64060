import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SignedInWithDto } from '../providers/dto/identity-provider.dto';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { GRANTED_ROLES, GrantedRole } from '@namndrum/core';

export class LoginDto {
  @ApiProperty({ example: 'rita.osterholm@ludvika.example' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'namndrum' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: 10, description: 'At least 10 characters' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  newPassword: string;
}

export class AccessTokenDto {
  @ApiProperty({ description: 'Send as Authorization: Bearer <token>' })
  accessToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ example: 28800, description: 'Seconds until the token expires' })
  expiresIn: number;
}

export class GrantDto {
  @ApiProperty({ enum: GRANTED_ROLES }) role: GrantedRole;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
}

export class DerivedRoleDto {
  @ApiProperty({ enum: ['member', 'substitute', 'chair'] })
  role: 'member' | 'substitute' | 'chair';

  @ApiProperty({ format: 'uuid' })
  organId: string;

  @ApiProperty({ example: 'SUN' })
  organShortName: string;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) municipalityId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) personId: string | null;
  @ApiProperty({ type: [GrantDto], description: 'Granted roles' }) grants: GrantDto[];
  @ApiProperty({ type: [DerivedRoleDto], description: "Roles that follow from the person's seats today" }) seatRoles: DerivedRoleDto[];
}

export class SessionDto {
  @ApiProperty({ type: MeDto }) user: MeDto;

  @ApiProperty({ description: 'Send as the X-CSRF-Token header with every POST, PUT, PATCH and DELETE the session cookie signs; the same for the whole session' })
  csrfToken: string;

  @ApiProperty({ format: 'date-time', description: 'When the session ends at the latest; unused for SESSION_IDLE_TTL (default 2 h) it ends before' })
  expiresAt: Date;

  @ApiPropertyOptional({ type: SignedInWithDto, description: 'How the browser signed in (answered by GET; the sign-in itself is by password)' })
  signedInWith?: SignedInWithDto;
}
