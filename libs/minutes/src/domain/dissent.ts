import type { BallotChoice } from './vote-tally';

/**
 * Who may reserve against a decision, and when (KL 4 kap. 27 §: "Den som har deltagit i avgörandet
 * av ett ärende får reservera sig mot beslutet"; the reservation is announced before the meeting
 * ends, and the written reasons may follow until justering).
 */
export interface DissentInput {
  /** Serving (ledamot or tjänstgörande ersättare) at the paragraph, and not disqualified. */
  serving: boolean;
  /** The member's ballots in the paragraph's closed votes, in order. */
  ballots: BallotChoice[];
  /** How many closed votes the paragraph had. */
  closedVotes: number;
  announcedAt: Date;
  meetingStartedAt: Date;
  meetingEndedAt: Date;
}

export type DissentRefusal = 'NOT_SERVING' | 'ABSTAINED' | 'BEFORE_MEETING' | 'AFTER_MEETING';

/**
 * Why the reservation is refused, or null when it stands:
 * - NOT_SERVING: not a serving member at the paragraph, or disqualified (jäv): took no part;
 * - ABSTAINED: the paragraph was decided by vote(s) and the member abstained in every one of them,
 *   so took no part in the decision (a member who voted in any of them did take part);
 * - BEFORE_MEETING / AFTER_MEETING: announced outside the meeting's recorded start and end.
 */
export function dissentRefusal(input: DissentInput): DissentRefusal | null {
  if (!input.serving) return 'NOT_SERVING';
  if (input.closedVotes > 0 && input.ballots.length === input.closedVotes && input.ballots.every((choice) => choice === 'abstain')) return 'ABSTAINED';
  if (input.announcedAt.getTime() < input.meetingStartedAt.getTime()) return 'BEFORE_MEETING';
  if (input.announcedAt.getTime() > input.meetingEndedAt.getTime()) return 'AFTER_MEETING';
  return null;
}
