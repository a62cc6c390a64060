import {
  announcedTotalsMismatch,
  BALLOT_CHOICE_LABELS,
  BallotChoice,
  CastingVoteNotAllowedError,
  CastingVoteRequiredError,
  castingVoteFromChair,
  ChairAbstainedOnTieError,
  tallyVote,
  voteResult,
} from './vote-tally';

const ballots = (yes: number, no: number, abstain: number): BallotChoice[] => [
  ...Array<BallotChoice>(yes).fill('yes'),
  ...Array<BallotChoice>(no).fill('no'),
  ...Array<BallotChoice>(abstain).fill('abstain'),
];

describe('tallyVote', () => {
  it('lets the majority of Ja win', () => {
    expect(tallyVote(ballots(7, 4, 2), null)).toEqual({ yes: 7, no: 4, abstain: 2, tie: false, result: 'yes' });
  });

  it('lets the majority of Nej win', () => {
    expect(tallyVote(ballots(3, 8, 0), null)).toEqual({ yes: 3, no: 8, abstain: 0, tie: false, result: 'no' });
  });

  it('counts choices in any order', () => {
    expect(tallyVote(['no', 'abstain', 'yes', 'no', 'abstain'], null)).toEqual({ yes: 1, no: 2, abstain: 2, tie: false, result: 'no' });
  });

  it('wins by a single vote however many abstain', () => {
    expect(tallyVote(ballots(1, 0, 10), null)).toEqual({ yes: 1, no: 0, abstain: 10, tie: false, result: 'yes' });
  });

  it('decides a tie by the chair’s casting vote, either way', () => {
    expect(tallyVote(ballots(5, 5, 1), 'no')).toEqual({ yes: 5, no: 5, abstain: 1, tie: true, result: 'no' });
    expect(tallyVote(ballots(5, 5, 1), 'yes')).toEqual({ yes: 5, no: 5, abstain: 1, tie: true, result: 'yes' });
  });

  it('treats everyone abstaining, and no ballots at all, as a tie', () => {
    expect(tallyVote(ballots(0, 0, 9), 'yes')).toEqual({ yes: 0, no: 0, abstain: 9, tie: true, result: 'yes' });
    expect(tallyVote([], 'no')).toEqual({ yes: 0, no: 0, abstain: 0, tie: true, result: 'no' });
    expect(() => tallyVote(ballots(0, 0, 9), null)).toThrow(CastingVoteRequiredError);
  });

  it('requires the casting vote on a tie, in Swedish', () => {
    expect(() => tallyVote(ballots(4, 4, 0), null)).toThrow(CastingVoteRequiredError);
    expect(() => tallyVote(ballots(4, 4, 0), null)).toThrow('Rösterna är lika: ordföranden måste avgöra med sin utslagsröst');
  });

  it('refuses a casting vote when the votes are not equal, in Swedish', () => {
    expect(() => tallyVote(ballots(5, 4, 0), 'no')).toThrow(CastingVoteNotAllowedError);
    expect(() => tallyVote(ballots(5, 4, 0), 'yes')).toThrow(
      'Rösterna är inte lika: ordföranden kan bara lägga en utslagsröst när rösterna är lika',
    );
  });

  it('refuses an unknown choice', () => {
    expect(() => tallyVote(['yes', 'ja' as BallotChoice], null)).toThrow(new RangeError('En röst måste vara ja, nej eller avstår, inte ”ja”'));
  });

  it('names its errors so that logs show what went wrong', () => {
    expect(new CastingVoteRequiredError().name).toBe('CastingVoteRequiredError');
    expect(new CastingVoteNotAllowedError().name).toBe('CastingVoteNotAllowedError');
  });
});

describe('voteResult', () => {
  it('decides from the counts alone', () => {
    expect(voteResult(6, 5, null)).toBe('yes');
    expect(voteResult(0, 1, null)).toBe('no');
    expect(voteResult(3, 3, 'no')).toBe('no');
  });

  it.each([
    [-1, 2, 'Antal ja-röster måste vara ett heltal som är 0 eller större, inte -1'],
    [2, 1.5, 'Antal nej-röster måste vara ett heltal som är 0 eller större, inte 1.5'],
  ])('refuses the counts %p–%p', (yes, no, message) => {
    expect(() => voteResult(yes, no, null)).toThrow(new RangeError(message));
  });

  it('refuses a casting vote that is neither ja nor nej', () => {
    expect(() => voteResult(2, 2, 'abstain' as 'yes')).toThrow(new RangeError('Utslagsrösten måste vara ja eller nej, inte ”abstain”'));
  });
});

describe('BALLOT_CHOICE_LABELS', () => {
  it('labels the choices the way the minutes show them', () => {
    expect(BALLOT_CHOICE_LABELS).toEqual({ yes: 'Ja', no: 'Nej', abstain: 'Avstår' });
  });
});

describe('castingVoteFromChair', () => {
  it("on a 6–6 tie where the chair voted Ja, the casting vote is Ja: the chair's own ballot decides", () => {
    expect(castingVoteFromChair(ballots(6, 6, 1), 'yes')).toBe('yes');
    expect(tallyVote(ballots(6, 6, 1), castingVoteFromChair(ballots(6, 6, 1), 'yes')).result).toBe('yes');
  });

  it('on a tie where the chair voted Nej, the casting vote is Nej', () => {
    expect(castingVoteFromChair(ballots(4, 4, 0), 'no')).toBe('no');
  });

  it('gives no casting vote without a tie, whatever the chair voted', () => {
    expect(castingVoteFromChair(ballots(7, 6, 0), 'no')).toBeNull();
    expect(castingVoteFromChair(ballots(2, 5, 1), 'abstain')).toBeNull();
  });

  it('on a tie where the chair abstained or did not vote, nothing decides: the vote must be taken again', () => {
    expect(() => castingVoteFromChair(ballots(5, 5, 3), 'abstain')).toThrow(ChairAbstainedOnTieError);
    expect(() => castingVoteFromChair(ballots(0, 0, 9), 'abstain')).toThrow(ChairAbstainedOnTieError);
    expect(() => castingVoteFromChair(ballots(3, 3, 0), null)).toThrow(ChairAbstainedOnTieError);
  });
});

describe('announcedTotalsMismatch', () => {
  it('finds nothing wrong when the totals the chair announced are the ballots entered', () => {
    expect(announcedTotalsMismatch({ yes: 7, no: 4, abstain: 2 }, ballots(7, 4, 2))).toBeNull();
  });

  it('names both counts in Swedish when they differ, so the secretary sees which ballots to correct', () => {
    expect(announcedTotalsMismatch({ yes: 8, no: 3, abstain: 2 }, ballots(7, 4, 2))).toBe(
      'Ordförandens siffror (8 ja, 3 nej, 2 avstår) stämmer inte med rösterna som förts in (7 ja, 4 nej, 2 avstår): rätta rösterna eller siffrorna. Voteringen är inte avslutad.',
    );
  });

  it('finds a difference in the abstentions alone', () => {
    expect(announcedTotalsMismatch({ yes: 7, no: 4, abstain: 1 }, ballots(7, 4, 2))).toContain('(7 ja, 4 nej, 1 avstår)');
  });

  it('finds a difference when more ballots were announced than entered', () => {
    expect(announcedTotalsMismatch({ yes: 7, no: 4, abstain: 3 }, ballots(7, 4, 2))).not.toBeNull();
  });
});
