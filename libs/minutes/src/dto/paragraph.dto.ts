import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { TenantResourceDto, Trim } from '@namndrum/organisation';
import { BALLOT_CHOICES, BallotChoice, MOTION_KINDS, MotionKind } from '../domain';
import { PARAGRAPH_STATUSES, ParagraphStatus } from '../entities/paragraph.entity';

class DistributionEntryDto {
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(300) name: string;
  @ApiPropertyOptional({ nullable: true, example: 'ledning@ludvika.se', description: 'The extract is e-mailed to recipients with an address' })
  @IsOptional() @IsEmail()
  email?: string | null;
}

export class AddParagraphDto {
  @ApiProperty({ example: 'Extra ärende: Yttrande över remiss' }) @Trim() @IsString() @IsNotEmpty() @MaxLength(500) title: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() matterId?: string;
  @ApiPropertyOptional({ type: [String], description: 'The proposal decided on' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @IsNotEmpty({ each: true })
  proposal?: string[];
}

export class UpdateParagraphDto {
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(500) title?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The Finnish title, for an organ with Finnish among its languages; null removes it' })
  @IsOptional() @ValidateIf((_, value) => value !== null) @Trim() @IsString() @IsNotEmpty() @MaxLength(500)
  titleFi?: string | null;
  @ApiPropertyOptional({ type: [String], description: 'Beslut, as numbered points' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(5000, { each: true })
  decision?: string[];
  @ApiPropertyOptional({ nullable: true, description: 'Beskrivning av ärendet' }) @IsOptional() @IsString() @MaxLength(20000) description?: string | null;
  @ApiPropertyOptional({ type: [String], description: 'Beslutsunderlag' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @IsNotEmpty({ each: true })
  decisionBasis?: string[];
  @ApiPropertyOptional({ type: [DistributionEntryDto], description: 'Beslut skickas till' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => DistributionEntryDto)
  distribution?: DistributionEntryDto[];
  @ApiPropertyOptional({ description: 'Publiceras ej' }) @IsOptional() @IsBoolean() notPublished?: boolean;
}

export class AddMotionDto {
  @ApiProperty({ format: 'uuid', description: 'The member who moves it; must be serving at the paragraph' }) @IsUUID() personId: string;
  @ApiProperty({ enum: MOTION_KINDS }) @IsIn(MOTION_KINDS) kind: MotionKind;
  @ApiPropertyOptional({ description: 'Required for amendments and additions: the wording proposed' }) @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(10000) text?: string;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Members who "instämmer"' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true })
  supporterPersonIds?: string[];
}

export class PropositionDto {
  @ApiProperty({ type: [String], example: ['proposal', '6f1c…'], description: "The alternatives put: 'proposal', 'decide_today' or motion ids" })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @IsString({ each: true })
  alternatives: string[];
  @ApiProperty({ example: 'proposal', description: 'The alternative the chair finds the organ has chosen' }) @IsString() chosen: string;
}

export class BallotDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() personId: string;
  @ApiProperty({ enum: BALLOT_CHOICES }) @IsIn(BALLOT_CHOICES) choice: BallotChoice;
}

export class CreateVoteDto {
  @ApiProperty({ example: 'proposal', description: 'What a Ja-röst is for' }) @IsString() yesAlternative: string;
  @ApiProperty({ description: 'What a Nej-röst is for' }) @IsString() noAlternative: string;
}

export class CastBallotsDto {
  @ApiProperty({ type: [BallotDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => BallotDto) ballots: BallotDto[];
}

export class CloseVoteDto {
  @ApiPropertyOptional({ enum: ['yes', 'no'], description: "The chair's casting vote: required on a tie, refused otherwise" })
  @IsOptional() @IsIn(['yes', 'no'])
  castingVote?: 'yes' | 'no';
}

export class DecideDto {
  @ApiPropertyOptional({ type: [String], description: 'The decision; omitted, it follows from the propositions (or the proposal)' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @IsNotEmpty({ each: true })
  decision?: string[];
}

export class AddDissentDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() personId: string;
  @ApiPropertyOptional({ description: 'Written reasons; may also come later, until the minutes are verified' }) @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(20000) reasons?: string;
}

export class UpdateDissentDto {
  @ApiProperty({ description: 'Written reasons for the dissent' }) @Trim() @IsString() @IsNotEmpty() @MaxLength(20000) reasons: string;
}

export class AddMinutesNoteDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Who asks for the note; omitted for a note of the organ' }) @IsOptional() @IsUUID() personId?: string;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(20000) text: string;
  @ApiProperty({ description: 'The chair has permitted the note (required by practice): must be true' }) @IsBoolean() chairPermission: boolean;
}

export class AddDisqualificationDto {
  @ApiProperty({ format: 'uuid', description: 'The member (or serving substitute) who is disqualified (jäv)' }) @IsUUID() personId: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'A substitute present who serves in the seat for this paragraph' }) @IsOptional() @IsUUID() substitutePersonId?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(2000) reason?: string;
}

export class MotionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: MOTION_KINDS }) kind: MotionKind;
  @ApiProperty({ nullable: true }) text: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) supporterPersonIds: string[];
  @ApiProperty() withdrawn: boolean;
}

export class BallotResultDto {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: BALLOT_CHOICES }) choice: BallotChoice;
}

export class VoteDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) paragraphId: string;
  @ApiProperty() yesAlternative: string;
  @ApiProperty() noAlternative: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status: 'open' | 'closed';
  @ApiProperty({ type: [BallotResultDto] }) ballots: BallotResultDto[];
  @ApiProperty() yes: number;
  @ApiProperty() no: number;
  @ApiProperty() abstain: number;
  @ApiProperty({ enum: ['yes', 'no'], nullable: true }) castingVote: 'yes' | 'no' | null;
  @ApiProperty({ enum: ['yes', 'no'], nullable: true }) result: 'yes' | 'no' | null;
}

export class PropositionResultDto {
  @ApiProperty({ type: [String] }) alternatives: string[];
  @ApiProperty() chosen: string;
  @ApiProperty({ format: 'uuid', nullable: true }) voteId: string | null;
}

export class DissentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true }) reasons: string | null;
}

export class MinutesNoteDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', nullable: true }) personId: string | null;
  @ApiProperty() text: string;
}

export class DisqualificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid', nullable: true }) substitutePersonId: string | null;
  @ApiProperty({ nullable: true }) reason: string | null;
}

export class DistributionRecipientOutDto {
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true }) email: string | null;
}

export class ParagraphDto extends TenantResourceDto {
  @ApiProperty({ format: 'uuid' }) minutesId: string;
  @ApiProperty({ description: '§ number: consecutive per organ per calendar year' }) number: number;
  @ApiProperty() position: number;
  @ApiProperty({ format: 'uuid', nullable: true }) agendaItemId: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true, description: 'The Finnish title, for an organ with Finnish' }) titleFi: string | null;
  @ApiProperty({ format: 'uuid', nullable: true }) matterId: string | null;
  @ApiProperty({ nullable: true }) caseNumber: string | null;
  @ApiProperty({ type: [String] }) proposal: string[];
  @ApiProperty({ example: 'förvaltningens förslag' }) proposalLabel: string;
  @ApiProperty({ nullable: true }) preparedIn: string | null;
  @ApiProperty({ type: [String] }) decision: string[];
  @ApiProperty({ nullable: true }) description: string | null;
  @ApiProperty({ type: [String] }) decisionBasis: string[];
  @ApiProperty({ type: [DistributionRecipientOutDto] }) distribution: DistributionRecipientOutDto[];
  @ApiProperty({ type: [PropositionResultDto] }) propositions: PropositionResultDto[];
  @ApiProperty() notPublished: boolean;
  @ApiProperty({ enum: PARAGRAPH_STATUSES }) status: ParagraphStatus;
  @ApiProperty({ enum: ['decided', 'referred_back', 'postponed'], nullable: true }) outcome: string | null;
  @ApiProperty() approvedAtMeeting: boolean;
  @ApiProperty({ nullable: true }) lockedAt: Date | null;
  @ApiProperty({ description: "The sha256 of this paragraph's content, for an omedelbar justering" }) currentContentSha256: string;
  @ApiProperty({ description: 'Serving members at this paragraph' }) serving: number;
  @ApiProperty({ description: 'Seats of the organ' }) seats: number;
  @ApiProperty() quorum: boolean;
  @ApiProperty({ type: [String], description: 'The decision procedure in standard phrasing' }) decisionProcedure: string[];
  @ApiProperty({ type: [MotionDto] }) motions: MotionDto[];
  @ApiProperty({ type: [VoteDto] }) votes: VoteDto[];
  @ApiProperty({ type: [DissentDto] }) dissents: DissentDto[];
  @ApiProperty({ type: [MinutesNoteDto] }) notes: MinutesNoteDto[];
  @ApiProperty({ type: [DisqualificationDto] }) disqualifications: DisqualificationDto[];
}
