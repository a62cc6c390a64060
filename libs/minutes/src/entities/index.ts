import { MinutesApproval } from './minutes-approval.entity';
import { MinutesAttendee } from './minutes-attendee.entity';
import { Minutes } from './minutes.entity';
import { Paragraph } from './paragraph.entity';
import { Posting } from './posting.entity';
import { Ballot, Disqualification, Dissent, Election, MinutesNote, Motion, Vote } from './proceedings.entity';

export * from './minutes.entity';
export * from './minutes-attendee.entity';
export * from './paragraph.entity';
export * from './proceedings.entity';
export * from './minutes-approval.entity';
export * from './posting.entity';

export const MINUTES_ENTITIES = [Minutes, MinutesAttendee, Paragraph, Motion, Vote, Ballot, Dissent, MinutesNote, Disqualification, MinutesApproval, Posting, Election];
