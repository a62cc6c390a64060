import { describeElection, electionDecision, ElectionError, electionOutcome } from './election';

const candidates = (...pairs: [string, number][]) => pairs.map(([name, votes]) => ({ name, votes }));
const code = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof ElectionError ? [error.code, error.field] : error;
  }
  return null;
};

describe('electionOutcome', () => {
  it('elects the candidate with the most counted ballots', () => {
    expect(electionOutcome({ candidates: candidates(['Anna Testsson', 3], ['Erik Testsson', 2]), blankVotes: 0, voters: 5, lotWinner: null })).toEqual({
      elected: 'Anna Testsson',
      decidedByLot: false,
      leaders: ['Anna Testsson'],
    });
  });

  it('settles a tie by lot, and records it', () => {
    expect(electionOutcome({ candidates: candidates(['Anna Testsson', 2], ['Erik Testsson', 2]), blankVotes: 1, voters: 5, lotWinner: 'erik testsson' })).toEqual({
      elected: 'Erik Testsson',
      decidedByLot: true,
      leaders: ['Anna Testsson', 'Erik Testsson'],
    });
  });

  it('requires the lot on a tie, only among the tied, and refuses it without a tie', () => {
    const tie = { candidates: candidates(['Anna Testsson', 2], ['Erik Testsson', 2], ['Karin Testsson', 1]), blankVotes: 0, voters: 5 };
    expect(code(() => electionOutcome({ ...tie, lotWinner: null }))).toEqual(['LOT_REQUIRED', 'lotWinner']);
    expect(code(() => electionOutcome({ ...tie, lotWinner: 'Karin Testsson' }))).toEqual(['LOT_WINNER_NOT_TIED', 'lotWinner']);
    expect(code(() => electionOutcome({ candidates: candidates(['Anna Testsson', 3], ['Erik Testsson', 2]), blankVotes: 0, voters: 5, lotWinner: 'Erik Testsson' }))).toEqual([
      'LOT_NOT_ALLOWED',
      'lotWinner',
    ]);
  });

  it('refuses more ballots than serving members, duplicate candidates and an election nobody won', () => {
    expect(code(() => electionOutcome({ candidates: candidates(['Anna Testsson', 3], ['Erik Testsson', 2]), blankVotes: 1, voters: 5, lotWinner: null }))).toEqual(['TOO_MANY_BALLOTS', 'candidates']);
    expect(code(() => electionOutcome({ candidates: candidates(['Anna Testsson', 1], [' anna testsson', 1]), blankVotes: 0, voters: 5, lotWinner: null }))).toEqual([
      'CANDIDATE_TWICE',
      'candidates[1].name',
    ]);
    expect(code(() => electionOutcome({ candidates: candidates(['Anna Testsson', 0]), blankVotes: 4, voters: 5, lotWinner: null }))).toEqual(['NO_VOTES', 'candidates']);
    expect(code(() => electionOutcome({ candidates: [], blankVotes: 0, voters: 5, lotWinner: null }))).toEqual(['CANDIDATES_MISSING', 'candidates']);
    expect(code(() => electionOutcome({ candidates: candidates(['Anna Testsson', -1]), blankVotes: 0, voters: 5, lotWinner: null }))).toEqual(['VOTES_INVALID', 'candidates[0].votes']);
  });
});

describe('describeElection', () => {
  it('phrases a closed ballot settled by lot without naming who voted for whom', () => {
    const input = { candidates: candidates(['Anna Testsson', 2], ['Erik Testsson', 2]), blankVotes: 1, voters: 5, lotWinner: 'Anna Testsson' };
    expect(describeElection({ organNoun: 'nämnden', office: 'ordförande i arbetsutskottet', candidates: input.candidates, blankVotes: 1, outcome: electionOutcome(input) })).toEqual([
      'Val av ordförande i arbetsutskottet förrättas med slutna sedlar.',
      'Sammanräkningen ger Anna Testsson 2 röster och Erik Testsson 2 röster; 1 sedel är blank.',
      'Då rösterna är lika avgörs valet genom lottning. Lotten faller på Anna Testsson.',
      'Nämnden har därmed valt Anna Testsson till ordförande i arbetsutskottet.',
    ]);
  });

  it('phrases a plain majority without a lot', () => {
    const input = { candidates: candidates(['Anna Testsson', 4], ['Erik Testsson', 1]), blankVotes: 0, voters: 5, lotWinner: null };
    const text = describeElection({ organNoun: 'kommunfullmäktige', office: 'ordförande', candidates: input.candidates, blankVotes: 0, outcome: electionOutcome(input) });
    expect(text).toEqual([
      'Val av ordförande förrättas med slutna sedlar.',
      'Sammanräkningen ger Anna Testsson 4 röster och Erik Testsson 1 röst.',
      'Kommunfullmäktige har därmed valt Anna Testsson till ordförande.',
    ]);
    expect(electionDecision('nämnden', 'ordförande', 'Anna Testsson')).toBe('Nämnden väljer Anna Testsson till ordförande.');
  });
});
