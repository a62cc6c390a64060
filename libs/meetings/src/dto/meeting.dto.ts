import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '@namndrum/core';
import { TenantResourceDto, Trim } from '@namndrum/organisation';
import { MEETING_STATUSES, MeetingStatus } from '../domain/meeting-status';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
/** An instant with its offset, so that nobody's server time zone decides what "14:00" means. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const INSTANT_MESSAGE = '$property must be an ISO 8601 time with Z or an offset, e.g. 2023-01-11T14:00:00+01:00';

export class GroupMeetingDto {
  @ApiProperty({ example: '13:00' })
  @Matches(CLOCK, { message: 'startTime must be a time as HH:MM' })
  startTime: string;

  @ApiProperty({ example: '14:00' })
  @Matches(CLOCK, { message: 'endTime must be a time as HH:MM' })
  endTime: string;

  @ApiProperty({ example: ['KD', 'M', 'S'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(20, { each: true })
  parties: string[];

  @ApiProperty({ example: 'sessionssalen' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  room: string;
}

export class CreateMeetingDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organId: string;

  @ApiProperty({ example: '2023-01-11T14:00:00+01:00' })
  @Matches(INSTANT, { message: INSTANT_MESSAGE })
  @IsDateString({ strict: true }, { message: INSTANT_MESSAGE })
  startsAt: string;

  @ApiProperty({ example: '2023-01-11T17:00:00+01:00' })
  @Matches(INSTANT, { message: INSTANT_MESSAGE })
  @IsDateString({ strict: true }, { message: INSTANT_MESSAGE })
  endsAt: string;

  @ApiProperty({ example: 'Sessionssalen, Stadshuset' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  place: string;

  @ApiPropertyOptional({ type: [GroupMeetingDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => GroupMeetingDto)
  groupMeetings?: GroupMeetingDto[];

  @ApiPropertyOptional({ format: 'uuid', description: 'The secretary who signs the notice; defaults to the signed-in secretary' })
  @IsOptional()
  @IsUUID()
  secretaryPersonId?: string;
}

export const GROUP_MEETINGS_ON_MOVE = ['move', 'keep'] as const;
export type GroupMeetingsOnMove = (typeof GROUP_MEETINGS_ON_MOVE)[number];

export class UpdateMeetingDto extends PartialType(PickType(CreateMeetingDto, ['startsAt', 'endsAt', 'place', 'groupMeetings', 'secretaryPersonId'] as const)) {
  @ApiPropertyOptional({
    enum: GROUP_MEETINGS_ON_MOVE,
    // No `default` in the document: generated clients would then require the property in every update.
    description:
      'What happens to the group meetings when startsAt moves and no new groupMeetings are given: move (each shifted by as much as the start moved on the clock; also when not given) or keep (their times stay; refused with 409 if one would end after the new start)',
  })
  @IsOptional()
  @IsIn(GROUP_MEETINGS_ON_MOVE)
  groupMeetingsOnMove?: GroupMeetingsOnMove;
}

export class PlannedMeetingDto extends PickType(CreateMeetingDto, ['startsAt', 'endsAt', 'place', 'groupMeetings'] as const) {}

export class CreateMeetingPlanDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organId: string;

  @ApiProperty({ example: 2023 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ type: [PlannedMeetingDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => PlannedMeetingDto)
  meetings: PlannedMeetingDto[];
}

export class CancelMeetingDto {
  @ApiProperty({ example: 'Inga ärenden att behandla' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

export class MeetingQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organId?: string;

  @ApiPropertyOptional({ example: 2023, description: 'The meeting plan of a year (Swedish calendar year)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: MEETING_STATUSES })
  @IsOptional()
  @IsIn(MEETING_STATUSES)
  status?: MeetingStatus;
}

export class GroupMeetingViewDto extends GroupMeetingDto {}

export class MeetingDto extends TenantResourceDto {
  @ApiProperty({ format: 'uuid' }) organId: string;
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty() place: string;
  @ApiProperty({ type: [GroupMeetingViewDto] }) groupMeetings: GroupMeetingViewDto[];
  @ApiProperty({ enum: MEETING_STATUSES }) status: MeetingStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) secretaryPersonId: string | null;
  @ApiProperty() calendarSequence: number;
  @ApiProperty({ type: String, nullable: true }) cancellationReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt: Date | null;
}
