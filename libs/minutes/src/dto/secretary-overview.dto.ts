import { ApiProperty } from '@nestjs/swagger';
import { MEETING_STATUSES, MeetingStatus, NOTICE_KINDS, NOTICE_STATUSES, NoticeKind, NoticeStatus } from '@namndrum/meetings';
import { ORGAN_KINDS, OrganKind } from '@namndrum/organisation';
import { MINUTES_KINDS, MinutesKind } from '../entities/minutes.entity';

export class OverviewNoticeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: NOTICE_KINDS }) kind: NoticeKind;
  @ApiProperty({ enum: NOTICE_STATUSES, description: 'scheduled: waiting for dispatchAt; dispatched: sent' }) status: NoticeStatus;
  @ApiProperty({ description: 'When the notice goes (or went) out' }) dispatchAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dispatchedAt: Date | null;
  @ApiProperty({ description: "Skickad för sent: after the organ's deadline" }) sentLate: boolean;
}

export class ComingMeetingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty() place: string;
  @ApiProperty({ enum: MEETING_STATUSES }) status: MeetingStatus;
  @ApiProperty({ description: "When the organ's rules want the notice out: its notice lead time before the meeting" }) noticeDeadline: Date;
  @ApiProperty({ description: 'The notice is not finalized and its deadline has passed' }) noticeOverdue: boolean;
  @ApiProperty({ description: 'The meeting has begun and is not yet marked as held' }) started: boolean;
  @ApiProperty({ type: OverviewNoticeDto, nullable: true, description: 'The notice as it stands (the latest version scheduled or sent), null before it is finalized' })
  notice: OverviewNoticeDto | null;
  @ApiProperty({ description: 'Matter and information items on the agenda' }) itemCount: number;
}

export class MeetingAwaitingMinutesDto {
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty() startsAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null while the minutes are not opened (protokoll att upprätta)' }) minutesId: string | null;
  @ApiProperty({ enum: MINUTES_KINDS, nullable: true }) kind: MinutesKind | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The last day for justering (minutes only)' }) verificationDeadline: string | null;
  @ApiProperty({ description: 'Past the verification deadline and not verified' }) overdue: boolean;
}

export class PostingUpDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) minutesId: string | null;
  @ApiProperty({ example: 'Protokoll' }) documentType: string;
  @ApiProperty({ format: 'date' }) meetingDate: string;
  @ApiProperty({ example: '§§ 1–7' }) paragraphs: string;
  @ApiProperty({ format: 'date' }) postedOn: string;
  @ApiProperty({ format: 'date' }) takenDownOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) lastAppealDay: string | null;
}

export class WaitingMatterDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'SUN 2022/9' }) caseNumber: string;
  @ApiProperty({ description: 'The title, or "Sekretessärende" (or the public title) for a reader without access to a secret matter' }) title: string;
  @ApiProperty({ description: 'The title is masked for this reader' }) masked: boolean;
  @ApiProperty({ description: 'When the tjänsteskrivelse was signed' }) reportSignedAt: Date;
}

export class OrganOverviewDto {
  @ApiProperty({ format: 'uuid' }) organId: string;
  @ApiProperty() name: string;
  @ApiProperty() shortName: string;
  @ApiProperty({ enum: ORGAN_KINDS }) kind: OrganKind;
  @ApiProperty({ type: [ComingMeetingDto], description: 'Meetings not yet held or cancelled, the nearest first (at most five)' }) comingMeetings: ComingMeetingDto[];
  @ApiProperty({ type: [MeetingAwaitingMinutesDto], description: 'Held meetings whose minutes are not opened or not verified, the most pressing first' })
  minutesToDo: MeetingAwaitingMinutesDto[];
  @ApiProperty({ type: [PostingUpDto], description: 'Postings on the notice board now, the first to come down first' }) postingsUp: PostingUpDto[];
  @ApiProperty({ type: [WaitingMatterDto], description: 'Matters with a signed tjänsteskrivelse to the organ, not on the agenda of a meeting not yet through' })
  waitingMatters: WaitingMatterDto[];
}

export class SecretaryOverviewDto {
  @ApiProperty({ format: 'date', description: 'Today in Sweden, against which the deadlines are read' }) today: string;
  @ApiProperty({ type: [OrganOverviewDto], description: 'Each organ the user is secretary for (an admin: every organ), those with something overdue first' })
  organs: OrganOverviewDto[];
}
