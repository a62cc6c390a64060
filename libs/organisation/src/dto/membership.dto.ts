import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min, ValidateIf } from 'class-validator';
import { PageQueryDto } from '@namndrum/core';
import { MEMBERSHIP_ROLES, MembershipRole, POSITIONS, Position } from '../entities/membership.entity';
import { IsIsoDate, TenantResourceDto } from './common';
import { PARTY_CODE, PersonDto } from './person.dto';

export class CreateMembershipDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  termId: string;

  @ApiProperty({ enum: MEMBERSHIP_ROLES })
  @IsIn(MEMBERSHIP_ROLES)
  role: MembershipRole;

  @ApiPropertyOptional({ enum: POSITIONS, default: 'none' })
  @IsOptional()
  @IsIn(POSITIONS)
  position?: Position;

  @ApiPropertyOptional({ type: String, example: 'S', nullable: true, description: "Defaults to the person's party" })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(PARTY_CODE, { message: 'party must be a party code such as S or KD' })
  party?: string | null;

  @ApiPropertyOptional({ type: Number, minimum: 1, nullable: true, description: 'Call-in order among substitutes' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(999)
  substituteOrder?: number | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    default: [],
    description:
      "A member's personal substitutes (personliga ersättare): substitute seats (membership ids) of the same organ overlapping this seat, called in first and in this order where the organ's substituteCallIn is personal_substitute_first",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  personalSubstituteMembershipIds?: string[];

  @ApiPropertyOptional({ format: 'date', description: 'Defaults to the start of the term' })
  @IsOptional()
  @IsIsoDate()
  validFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Defaults to the end of the term' })
  @IsOptional()
  @IsIsoDate()
  validTo?: string;
}

/** A seat changes position, party, order or dates; the person, organ and term stay. */
export class UpdateMembershipDto extends PartialType(OmitType(CreateMembershipDto, ['personId', 'organId', 'termId'] as const)) {}

export class MembershipDto extends IntersectionType(TenantResourceDto, OmitType(CreateMembershipDto, ['position', 'personalSubstituteMembershipIds', 'validFrom', 'validTo'] as const)) {
  @ApiProperty({ enum: POSITIONS }) position: Position;
  @ApiProperty({ type: [String], format: 'uuid', description: "The member's personal substitutes, in call-in order" }) personalSubstituteMembershipIds: string[];
  @ApiProperty({ format: 'date' }) validFrom: string;
  @ApiProperty({ format: 'date' }) validTo: string;
}

export class MembershipQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  termId?: string;

  @ApiPropertyOptional({ enum: MEMBERSHIP_ROLES })
  @IsOptional()
  @IsIn(MEMBERSHIP_ROLES)
  role?: MembershipRole;

  @ApiPropertyOptional({ format: 'date', description: 'Only seats held on this date' })
  @IsOptional()
  @IsIsoDate()
  activeOn?: string;
}

export class DateQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'Defaults to today (Europe/Stockholm)' })
  @IsOptional()
  @IsIsoDate()
  date?: string;
}

export class SeatHolderDto {
  @ApiProperty({ format: 'uuid' }) membershipId: string;
  @ApiProperty({ type: PersonDto }) person: PersonDto;
  @ApiProperty({ enum: MEMBERSHIP_ROLES }) role: MembershipRole;
  @ApiProperty({ enum: POSITIONS }) position: Position;
  @ApiProperty({ type: String, nullable: true }) party: string | null;
  @ApiProperty({ type: Number, nullable: true }) substituteOrder: number | null;
  @ApiProperty({ type: [String], format: 'uuid', description: "A member's personal substitutes (membership ids), in call-in order" })
  personalSubstituteMembershipIds: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: "A substitute's members (membership ids) whose personal substitute the seat is" })
  personalSubstituteFor: string[];
  @ApiProperty({ format: 'date' }) validFrom: string;
  @ApiProperty({ format: 'date' }) validTo: string;
}

export class OrganCompositionDto {
  @ApiProperty({ format: 'uuid' }) organId: string;
  @ApiProperty() organName: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ type: [SeatHolderDto], description: 'Chair, vice chairs, then the other members by name' })
  members: SeatHolderDto[];
  @ApiProperty({ type: [SeatHolderDto], description: 'In call-in order' })
  substitutes: SeatHolderDto[];
}

export class SeatDto {
  @ApiProperty({ format: 'uuid' }) membershipId: string;
  @ApiProperty({ format: 'uuid' }) organId: string;
  @ApiProperty() organName: string;
  @ApiProperty() organShortName: string;
  @ApiProperty({ format: 'uuid' }) termId: string;
  @ApiProperty({ enum: MEMBERSHIP_ROLES }) role: MembershipRole;
  @ApiProperty({ enum: POSITIONS }) position: Position;
  @ApiProperty({ type: String, nullable: true }) party: string | null;
  @ApiProperty({ type: Number, nullable: true }) substituteOrder: number | null;
  @ApiProperty({ type: [String], format: 'uuid', description: "A member seat's personal substitutes (membership ids), in call-in order" })
  personalSubstituteMembershipIds: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'The member seats (membership ids) whose personal substitute this substitute seat is' })
  personalSubstituteFor: string[];
  @ApiProperty({ format: 'date' }) validFrom: string;
  @ApiProperty({ format: 'date' }) validTo: string;
  @ApiProperty({ description: 'Whether the seat is held on the given date (today by default)' }) current: boolean;
}
