import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { TenantResourceDto } from '@namndrum/organisation';

export class ReportAbsenceDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Whose absence; defaults to the signed-in user's own. Others' only for the organ's secretary." })
  @IsOptional()
  @IsUUID()
  personId?: string;
}

export class AbsenceDto extends TenantResourceDto {
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ enum: ['member', 'substitute'] }) seatRole: 'member' | 'substitute';
  @ApiProperty() reportedAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reportedByUserId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) withdrawnAt: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) withdrawnByUserId: string | null;
}

export class ExpectedAttendeeDto {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) party: string | null;
}

export class ExpectedSeatDto {
  @ApiProperty({ type: ExpectedAttendeeDto }) member: ExpectedAttendeeDto;
  @ApiProperty({ enum: ['chair', 'first_vice_chair', 'second_vice_chair', 'none'] }) position: string;
  @ApiProperty() absent: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "The member's förhinder not withdrawn, to withdraw it by" }) absenceId: string | null;
  @ApiProperty({ type: ExpectedAttendeeDto, nullable: true, description: 'The substitute called in to serve' }) servingSubstitute: ExpectedAttendeeDto | null;
}

export class ExpectedSubstituteDto extends ExpectedAttendeeDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Inkallelseordning, 1 first; null when not set' }) substituteOrder: number | null;
  @ApiProperty() absent: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "The substitute's own förhinder not withdrawn, to withdraw it by" }) absenceId: string | null;
  @ApiProperty({ type: ExpectedAttendeeDto, nullable: true, description: 'The absent member the substitute is called in to serve for' }) servingFor: ExpectedAttendeeDto | null;
}

export class ExpectedAttendanceDto {
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ description: 'The meeting date the register is read on' }) date: string;
  @ApiProperty() seats: number;
  @ApiProperty({ description: 'Members and serving substitutes expected' }) expectedServing: number;
  @ApiProperty({ description: 'More than half of the seats are expected to be filled (KL 6 kap. 27 §)' }) quorumExpected: boolean;
  @ApiProperty({ type: [ExpectedSeatDto] }) members: ExpectedSeatDto[];
  @ApiProperty({ type: [ExpectedSubstituteDto], description: "The organ's substitutes on the meeting date, in the inkallelseordning (unnumbered last, by name)" }) substitutes: ExpectedSubstituteDto[];
  @ApiProperty({ type: [ExpectedAttendeeDto], description: 'Substitutes who are absent themselves' }) absentSubstitutes: ExpectedAttendeeDto[];
  @ApiProperty({ type: [ExpectedAttendeeDto], description: 'Absent members nobody can replace' }) uncovered: ExpectedAttendeeDto[];
}

export class SubstituteCallDto extends TenantResourceDto {
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ format: 'uuid' }) absentPersonId: string;
  @ApiProperty({ format: 'uuid' }) substitutePersonId: string;
  @ApiProperty({ enum: ['called', 'released'] }) status: 'called' | 'released';
  @ApiProperty() calledAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) releasedAt: Date | null;
}
