import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDateString, IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { TenantResourceDto, Trim } from '@namndrum/organisation';
import { BALLOT_CHOICES, BallotChoice, MOTION_KINDS, MotionKind } from '../domain';
import { PARAGRAPH_STATUSES, ParagraphStatus } from '../entities/paragraph.entity';

/** Ballot counts are PostgreSQL integers; no electorate comes near this many. */
export const MAX_BALLOTS = 1_000_000;

class DistributionEntryDto {
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(300) name: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'ledning@ludvika.se', description: 'The extract is e-mailed to recipients with an address' })
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
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Beskrivning av ärendet' }) @IsOptional() @IsString() @MaxLength(20000) description?: string | null;
  @ApiPropertyOptional({ type: [String], description: 'Beslutsunderlag' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @IsNotEmpty({ each: true })
  decisionBasis?: string[];
  @ApiPropertyOptional({ type: [DistributionEntryDto], description: 'Beslut skickas till' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => DistributionEntryDto)
  distribution?: DistributionEntryDto[];
  @ApiPropertyOptional({ description: 'Publiceras ej' }) @IsOptional() @IsBoolean() notPublished?: boolean;
  @ApiPropertyOptional({
    description: "The paragraph's version the change was made on (ParagraphDto.version); when the paragraph has been changed since, the change is refused (409 STALE_PARAGRAPH) and nothing is saved",
  })
  @IsOptional() @IsInt() @Min(1)
  expectedVersion?: number;
}

export class AddMotionDto {
  @ApiProperty({ format: 'uuid', description: 'The member who moves it; must be serving at the paragraph' }) @IsUUID() personId: string;
  @ApiProperty({ enum: MOTION_KINDS }) @IsIn(MOTION_KINDS) kind: MotionKind;
  @ApiPropertyOptional({ description: 'Required for amendments and additions: the wording proposed' }) @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(10000) text?: string;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Members who "instämmer"' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true })
  supporterPersonIds?: string[];
}

export class UpdateMotionDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Another mover; must be serving at the paragraph' }) @IsOptional() @IsUUID() personId?: string;
  @ApiPropertyOptional({ enum: MOTION_KINDS }) @IsOptional() @IsIn(MOTION_KINDS) kind?: MotionKind;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The wording as typed so far; null removes it (refused for amendments and additions)' })
  @IsOptional() @ValidateIf((_, value) => value !== null) @Trim() @IsString() @IsNotEmpty() @MaxLength(10000)
  text?: string | null;
  @ApiPropertyOptional({ description: "The motion's version the change was made on (MotionDto.version); when it has been changed since, the change is refused (409 STALE_MOTION) and nothing is saved" })
  @IsOptional() @IsInt() @Min(1)
  expectedVersion?: number;
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

export class SetBallotsDto {
  @ApiProperty({ type: [BallotDto], description: 'Each member once; a member who has voted already has the ballot corrected' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => BallotDto)
  ballots: BallotDto[];
}

export class VoteTotalsDto {
  @ApiProperty({ description: 'Ja-röster' }) @IsInt() @Min(0) @Max(MAX_BALLOTS) yes: number;
  @ApiProperty({ description: 'Nej-röster' }) @IsInt() @Min(0) @Max(MAX_BALLOTS) no: number;
  @ApiProperty({ description: 'Avstår' }) @IsInt() @Min(0) @Max(MAX_BALLOTS) abstain: number;
}

export class CloseVoteDto {
  @ApiPropertyOptional({
    type: VoteTotalsDto,
    description: 'A vote entered by totals: the totals the chair announced. The ballots entered must add up to them exactly, or the vote is not counted (400 TOTALS_MISMATCH); they are kept with the vote',
  })
  @IsOptional() @ValidateNested() @Type(() => VoteTotalsDto)
  announced?: VoteTotalsDto;

  @ApiPropertyOptional({
    enum: ['yes', 'no'],
    description: "The chair's casting vote is the chair's own ballot and is derived from it; given, it must match that ballot (400 otherwise) and is refused without a tie",
  })
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
  @ApiPropertyOptional({ description: 'Written reasons; may also come later, until the time set for justering' }) @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(20000) reasons?: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description: "When the member announced the reservation at the meeting; omitted, now. Must lie within the meeting's recorded start and end: a reservation announced after the end is refused (409)",
  })
  @IsOptional() @IsDateString()
  announcedAt?: string;
}

export class ElectionCandidateDto {
  @ApiProperty({ example: 'Anna Testsson (S)' }) @Trim() @IsString() @IsNotEmpty() @MaxLength(300) name: string;
  @ApiProperty({ description: 'Ballots counted for the candidate' }) @IsInt() @Min(0) @Max(MAX_BALLOTS) votes: number;
}

export class AddElectionDto {
  @ApiProperty({ example: 'ordförande i arbetsutskottet', description: 'What is elected, as it reads after "Val av"' }) @Trim() @IsString() @IsNotEmpty() @MaxLength(500) office: string;
  @ApiProperty({ type: [ElectionCandidateDto], description: 'The counted ballots per candidate (closed ballot: no names of voters)' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ElectionCandidateDto)
  candidates: ElectionCandidateDto[];
  @ApiPropertyOptional({ description: 'Blank ballots', default: 0 }) @IsOptional() @IsInt() @Min(0) @Max(MAX_BALLOTS) blankVotes?: number;
  @ApiPropertyOptional({ description: 'On a tie for the most votes: the candidate the lot fell on (required then, refused otherwise)' })
  @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(300)
  lotWinner?: string;
}

export class TakeUpExtraMattersDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The extra matters (paragraphs) the meeting decides to take up; an empty list: none' })
  @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true })
  paragraphIds: string[];
}

export class UpdateDissentDto {
  @ApiProperty({ description: 'Written reasons for the dissent' }) @Trim() @IsString() @IsNotEmpty() @MaxLength(20000) reasons: string;
}

export class AddMinutesNoteDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Who asks for the note; omitted for a note of the organ' }) @IsOptional() @IsUUID() personId?: string;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(20000) text: string;
  @ApiProperty({ description: 'The chair has permitted the note (required by practice): must be true' }) @IsBoolean() chairPermission: boolean;
}

export class UpdateMinutesNoteDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Who asks for the note; null for a note of the organ' })
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsUUID()
  personId?: string | null;
  @ApiPropertyOptional({ description: 'The text as typed so far' }) @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(20000) text?: string;
  @ApiPropertyOptional({ description: "The note's version the change was made on (MinutesNoteDto.version); when it has been changed since, the change is refused (409 STALE_NOTE) and nothing is saved" })
  @IsOptional() @IsInt() @Min(1)
  expectedVersion?: number;
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
  @ApiProperty({ type: String, nullable: true }) text: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) supporterPersonIds: string[];
  @ApiProperty() withdrawn: boolean;
  @ApiProperty({ description: 'Raised by every change of the motion; send it back as expectedVersion when updating' }) version: number;
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
  @ApiProperty({ type: VoteTotalsDto, nullable: true, description: 'Entered by totals: the totals the chair announced, which the ballots matched when counted' })
  announced: VoteTotalsDto | null;
}

export class PropositionResultDto {
  @ApiProperty({ type: [String] }) alternatives: string[];
  @ApiProperty() chosen: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) voteId: string | null;
}

export class DissentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) reasons: string | null;
  @ApiProperty({ description: 'When the reservation was announced at the meeting' }) announcedAt: Date;
}

export class ElectionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() office: string;
  @ApiProperty({ type: [ElectionCandidateDto] }) candidates: ElectionCandidateDto[];
  @ApiProperty() blankVotes: number;
  @ApiProperty() elected: string;
  @ApiProperty({ description: 'The votes were tied and the election was settled by lot' }) decidedByLot: boolean;
}

export class MinutesNoteDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) personId: string | null;
  @ApiProperty() text: string;
  @ApiProperty({ description: 'Raised by every change of the note; send it back as expectedVersion when updating' }) version: number;
}

export class DisqualificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) substitutePersonId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The substitute who serves in the seat for the paragraph' }) substituteName: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

export class ServingMemberDto {
  @ApiProperty({ format: 'uuid', description: 'Who serves (and votes) in the seat at the paragraph' }) personId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) party: string | null;
  @ApiProperty({ format: 'uuid', description: 'The member who holds the seat' }) seatPersonId: string;
  @ApiProperty({ description: 'A substitute serving in the seat' }) substitute: boolean;
}

export class PresentPersonDto {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) party: string | null;
}

export class DistributionRecipientOutDto {
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
}

export class ReportedDecisionDto {
  @ApiProperty({ format: 'uuid', description: 'The delegated decision' }) id: string;
  @ApiProperty({ enum: ['delegated', 'urgent_chair'] }) kind: 'delegated' | 'urgent_chair';
  @ApiProperty({ format: 'date' }) decidedOn: string;
  @ApiProperty({ type: String, nullable: true, description: 'Punkt i delegationsordningen' }) delegationPoint: string | null;
  @ApiProperty() delegateName: string;
  @ApiProperty({ type: String, nullable: true }) delegateTitle: string | null;
  @ApiProperty({ description: 'The decision, or "Beslut i sekretessärende" for a decision in a secret matter' }) decisionText: string;
  @ApiProperty({ type: String, nullable: true }) caseNumber: string | null;
  @ApiProperty({ description: 'A decision in a secret matter, listed without its text' }) masked: boolean;
}

export class ParagraphDto extends TenantResourceDto {
  @ApiProperty({ format: 'uuid' }) minutesId: string;
  @ApiProperty({ description: '§ number: consecutive per organ per calendar year' }) number: number;
  @ApiProperty() position: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) agendaItemId: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true, description: 'The Finnish title, for an organ with Finnish' }) titleFi: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) matterId: string | null;
  @ApiProperty({ type: String, nullable: true }) caseNumber: string | null;
  @ApiProperty({ type: [String] }) proposal: string[];
  @ApiProperty({ example: 'förvaltningens förslag' }) proposalLabel: string;
  @ApiProperty({ type: String, nullable: true }) preparedIn: string | null;
  @ApiProperty({ type: [String] }) decision: string[];
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: [ReportedDecisionDto], nullable: true, description: 'Anmälan av delegationsbeslut: the decisions the paragraph reports; null on other paragraphs' })
  reportedDecisions: ReportedDecisionDto[] | null;
  @ApiProperty({ type: [String] }) decisionBasis: string[];
  @ApiProperty({ type: [DistributionRecipientOutDto] }) distribution: DistributionRecipientOutDto[];
  @ApiProperty({ type: [PropositionResultDto] }) propositions: PropositionResultDto[];
  @ApiProperty() notPublished: boolean;
  @ApiProperty({ enum: PARAGRAPH_STATUSES }) status: ParagraphStatus;
  @ApiProperty({ enum: ['decided', 'referred_back', 'postponed'], nullable: true }) outcome: string | null;
  @ApiProperty() approvedAtMeeting: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lockedAt: Date | null;
  @ApiProperty({ description: "The sha256 of this paragraph's content, for an omedelbar justering" }) currentContentSha256: string;
  @ApiProperty({ description: 'Serving members at this paragraph' }) serving: number;
  @ApiProperty({ description: 'Seats of the organ' }) seats: number;
  @ApiProperty() quorum: boolean;
  @ApiProperty({ type: [ServingMemberDto], description: 'Who serves at this paragraph, seat by seat: those who may move, vote and dissent' }) servingMembers: ServingMemberDto[];
  @ApiProperty({ type: [PresentPersonDto], description: 'Substitutes present who do not serve at this paragraph: who may take the seat of a disqualified member' })
  standbySubstitutes: PresentPersonDto[];
  @ApiProperty({ description: 'Raised by every change of the paragraph itself; send it back as expectedVersion when updating' }) version: number;
  @ApiProperty({ type: [String], description: 'The decision procedure in standard phrasing' }) decisionProcedure: string[];
  @ApiProperty({ type: [MotionDto] }) motions: MotionDto[];
  @ApiProperty({ type: [VoteDto] }) votes: VoteDto[];
  @ApiProperty({ type: [DissentDto] }) dissents: DissentDto[];
  @ApiProperty({ type: [MinutesNoteDto] }) notes: MinutesNoteDto[];
  @ApiProperty({ type: [DisqualificationDto] }) disqualifications: DisqualificationDto[];
  @ApiProperty({ type: [ElectionDto], description: 'Elections by closed ballot' }) elections: ElectionDto[];
  @ApiProperty({ description: 'An extra matter (added after the notice, or raised at the meeting): decided only once taken up' }) extraMatter: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The "Anmälan av extra ärenden" paragraph under which the meeting took this extra matter up' })
  takenUpInParagraphId: string | null;
}
