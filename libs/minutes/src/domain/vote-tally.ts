/**
 * Open votes (öppen omröstning): each serving member votes Ja, Nej or abstains, and on a tie the
 * chair's own ballot decides (utslagsröst) (KL 4 kap. 25 §, 5 kap. 53–57 §§ via 6 kap. 33 §; see
 * docs/casting-vote.md). Elections, held by closed ballot with a tie decided by lot, are in election.ts.
 */
export const BALLOT_CHOICES = ['yes', 'no', 'abstain'] as const;
export type BallotChoice = (typeof BALLOT_CHOICES)[number];

export const BALLOT_CHOICE_LABELS: Record<BallotChoice, string> = { yes: 'Ja', no: 'Nej', abstain: 'Avstår' };

export type CastingVote = 'yes' | 'no' | null;

export interface VoteTally {
  yes: number;
  no: number;
  abstain: number;
  /** As many Ja as Nej, including when everyone abstained (0–0). */
  tie: boolean;
  result: 'yes' | 'no';
}

export class CastingVoteRequiredError extends Error {
  constructor() {
    super('Rösterna är lika: ordföranden måste avgöra med sin utslagsröst');
    this.name = 'CastingVoteRequiredError';
  }
}

export class CastingVoteNotAllowedError extends Error {
  constructor() {
    super('Rösterna är inte lika: ordföranden kan bara lägga en utslagsröst när rösterna är lika');
    this.name = 'CastingVoteNotAllowedError';
  }
}

export class ChairAbstainedOnTieError extends Error {
  constructor() {
    super('Rösterna är lika och ordföranden har inte röstat ja eller nej: utslagsrösten är ordförandens egen röst, så voteringen avgör inte frågan. Voteringen måste tas om');
    this.name = 'ChairAbstainedOnTieError';
  }
}

/**
 * The casting vote on a tie: the chair's own ballot ("ordföranden har utslagsröst", KL 5 kap. 57 §),
 * not a second vote. Without a tie there is none. On a tie where the chair abstained (or did not
 * vote) no ballot decides, and ChairAbstainedOnTieError is thrown: the vote must be taken again.
 */
export function castingVoteFromChair(choices: BallotChoice[], chairChoice: BallotChoice | null): CastingVote {
  const yes = choices.filter((choice) => choice === 'yes').length;
  const no = choices.filter((choice) => choice === 'no').length;
  if (yes !== no) return null;
  if (chairChoice === 'yes' || chairChoice === 'no') return chairChoice;
  throw new ChairAbstainedOnTieError();
}

/**
 * The side that won a vote with `yes` Ja votes and `no` Nej votes. A tie needs the chair's casting
 * vote, and a casting vote without a tie is refused: a result is then never silently overridden.
 */
export function voteResult(yes: number, no: number, castingVote: CastingVote): 'yes' | 'no' {
  for (const [count, what] of [
    [yes, 'Antal ja-röster'],
    [no, 'Antal nej-röster'],
  ] as const) {
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`${what} måste vara ett heltal som är 0 eller större, inte ${count}`);
    }
  }
  if (castingVote !== null && castingVote !== 'yes' && castingVote !== 'no') {
    throw new RangeError(`Utslagsrösten måste vara ja eller nej, inte ”${String(castingVote)}”`);
  }
  if (yes === no) {
    if (castingVote === null) throw new CastingVoteRequiredError();
    return castingVote;
  }
  if (castingVote !== null) throw new CastingVoteNotAllowedError();
  return yes > no ? 'yes' : 'no';
}

/** Count the members' choices and decide the vote. */
export function tallyVote(choices: BallotChoice[], castingVote: CastingVote): VoteTally {
  const counts: Record<BallotChoice, number> = { yes: 0, no: 0, abstain: 0 };
  for (const choice of choices) {
    if (!(BALLOT_CHOICES as readonly string[]).includes(choice)) {
      throw new RangeError(`En röst måste vara ja, nej eller avstår, inte ”${String(choice)}”`);
    }
    counts[choice] += 1;
  }
  const result = voteResult(counts.yes, counts.no, castingVote);
  return { ...counts, tie: counts.yes === counts.no, result };
}

export interface VoteTotals {
  yes: number;
  no: number;
  abstain: number;
}

const totalsText = (totals: VoteTotals) => `${totals.yes} ja, ${totals.no} nej, ${totals.abstain} avstår`;

/**
 * A vote entered by totals: the secretary writes down the totals the chair announced and enters the
 * ballots in bulk (a party group at a time), since the protokoll must still show how each member voted
 * (KL 5 kap. 65–69 §§ via 6 kap. 35 §). The two must agree before the vote is counted; this is the
 * refusal to show when they do not, or null when they do.
 */
export function announcedTotalsMismatch(announced: VoteTotals, choices: BallotChoice[]): string | null {
  const entered: VoteTotals = {
    yes: choices.filter((choice) => choice === 'yes').length,
    no: choices.filter((choice) => choice === 'no').length,
    abstain: choices.filter((choice) => choice === 'abstain').length,
  };
  if (entered.yes === announced.yes && entered.no === announced.no && entered.abstain === announced.abstain) return null;
  return `Ordförandens siffror (${totalsText(announced)}) stämmer inte med rösterna som förts in (${totalsText(entered)}): rätta rösterna eller siffrorna. Voteringen är inte avslutad.`;
}
