import { ApiProperty } from '@nestjs/swagger';
import { MeetingDto } from '@namndrum/meetings';
import { SeatHolderDto, VERIFICATION_KINDS, VerificationKind } from '@namndrum/organisation';
import { PostingDto } from './posting.dto';

export class MinutesPageOrganDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Social- och utbildningsnämnden' }) name: string;
  @ApiProperty({ example: 'SUN' }) shortName: string;
  @ApiProperty({ enum: VERIFICATION_KINDS, description: 'Who verifies the minutes' }) verification: VerificationKind;
  @ApiProperty({ description: 'How many justerare the organ chooses at each meeting' }) verifierCount: number;
}

/** What the secretary's minutes page of a meeting shows beside the minutes themselves, in one answer. */
export class MinutesPageDto {
  @ApiProperty({ type: MeetingDto }) meeting: MeetingDto;
  @ApiProperty({ type: MinutesPageOrganDto }) organ: MinutesPageOrganDto;
  @ApiProperty({ type: [SeatHolderDto], description: 'The members on the meeting date: chair, vice chairs, then by name' }) members: SeatHolderDto[];
  @ApiProperty({ type: [SeatHolderDto], description: 'The substitutes on the meeting date, in call-in order' }) substitutes: SeatHolderDto[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The minutes, once opened' }) minutesId: string | null;
  @ApiProperty({ type: [PostingDto], description: 'The notice-board postings of the minutes' }) postings: PostingDto[];
  @ApiProperty({ example: '/anslagstavla/2085', description: "The municipality's public notice board" }) noticeBoardPath: string;
}
