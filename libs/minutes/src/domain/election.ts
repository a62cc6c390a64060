/**
 * Elections (val) at a meeting by closed ballot (sluten omröstning, KL 5 kap. 53 §): the vote
 * counters report the ballots counted for each candidate and the blank ones, never who voted for
 * whom. The candidate with the most votes is elected; on a tie the election is settled by lot
 * (lottning, KL 5 kap. 57 §), and the minutes say so.
 */
export interface ElectionCandidate {
  name: string;
  votes: number;
}

export interface ElectionInput {
  candidates: ElectionCandidate[];
  blankVotes: number;
  /** Who may vote: the serving members at the paragraph. Each casts at most one ballot. */
  voters: number;
  /** The candidate the lot fell on; only, and then required, when the most votes are tied. */
  lotWinner: string | null;
}

export interface ElectionOutcome {
  elected: string;
  decidedByLot: boolean;
  /** The candidates who shared the most votes (one name when there was no tie). */
  leaders: string[];
}

/** An election that cannot be recorded as given; `field` names the input at fault. */
export class ElectionError extends Error {
  constructor(
    readonly code: string,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ElectionError';
  }
}

export function electionOutcome(input: ElectionInput): ElectionOutcome {
  if (input.candidates.length === 0) throw new ElectionError('CANDIDATES_MISSING', 'candidates', 'Valet saknar kandidater');
  const seen = new Set<string>();
  input.candidates.forEach((candidate, index) => {
    const key = candidate.name.trim().toLocaleLowerCase('sv');
    if (key.length === 0) throw new ElectionError('CANDIDATE_NAME_MISSING', `candidates[${index}].name`, 'En kandidat saknar namn');
    if (seen.has(key)) throw new ElectionError('CANDIDATE_TWICE', `candidates[${index}].name`, `${candidate.name} förekommer två gånger bland kandidaterna`);
    if (!Number.isInteger(candidate.votes) || candidate.votes < 0) {
      throw new ElectionError('VOTES_INVALID', `candidates[${index}].votes`, 'Antalet röster måste vara ett heltal som är 0 eller större');
    }
    seen.add(key);
  });
  if (!Number.isInteger(input.blankVotes) || input.blankVotes < 0) {
    throw new ElectionError('VOTES_INVALID', 'blankVotes', 'Antalet blanka sedlar måste vara ett heltal som är 0 eller större');
  }
  const cast = input.candidates.reduce((sum, candidate) => sum + candidate.votes, 0) + input.blankVotes;
  if (cast > input.voters) {
    throw new ElectionError('TOO_MANY_BALLOTS', 'candidates', `${cast} sedlar är fler än de ${input.voters} tjänstgörande ledamöterna: var och en lämnar högst en sedel`);
  }
  const most = Math.max(...input.candidates.map((candidate) => candidate.votes));
  if (most === 0) throw new ElectionError('NO_VOTES', 'candidates', 'Ingen kandidat har fått någon röst: ingen är vald');
  const leaders = input.candidates.filter((candidate) => candidate.votes === most).map((candidate) => candidate.name.trim());
  const lotWinner = input.lotWinner?.trim() || null;
  if (leaders.length === 1) {
    if (lotWinner !== null) throw new ElectionError('LOT_NOT_ALLOWED', 'lotWinner', `Rösterna är inte lika: ${leaders[0]} har flest röster, och lottning sker bara vid lika röstetal`);
    return { elected: leaders[0], decidedByLot: false, leaders };
  }
  if (lotWinner === null) {
    throw new ElectionError('LOT_REQUIRED', 'lotWinner', `Rösterna är lika mellan ${leaders.join(' och ')}: valet avgörs genom lottning; ange vem lotten föll på`);
  }
  const winner = leaders.find((name) => name.toLocaleLowerCase('sv') === lotWinner.toLocaleLowerCase('sv'));
  if (!winner) throw new ElectionError('LOT_WINNER_NOT_TIED', 'lotWinner', `Lottningen sker mellan ${leaders.join(' och ')}, inte ${lotWinner}`);
  return { elected: winner, decidedByLot: true, leaders };
}

/**
 * The election as the minutes phrase it, e.g.:
 * "Val av ordförande i arbetsutskottet förrättas med slutna sedlar.",
 * "Sammanräkningen ger Anna Testsson 2 röster och Erik Testsson 2 röster; 1 sedel är blank.",
 * "Då rösterna är lika avgörs valet genom lottning. Lotten faller på Anna Testsson.",
 * "Nämnden har därmed valt Anna Testsson till ordförande i arbetsutskottet."
 */
export function describeElection(input: {
  organNoun: string;
  office: string;
  candidates: ElectionCandidate[];
  blankVotes: number;
  outcome: Pick<ElectionOutcome, 'elected' | 'decidedByLot'>;
}): string[] {
  const counted = input.candidates.map((candidate) => `${candidate.name} ${candidate.votes} ${candidate.votes === 1 ? 'röst' : 'röster'}`);
  const list = counted.length > 1 ? `${counted.slice(0, -1).join(', ')} och ${counted[counted.length - 1]}` : counted[0];
  const blank = input.blankVotes > 0 ? `; ${input.blankVotes} ${input.blankVotes === 1 ? 'sedel är blank' : 'sedlar är blanka'}` : '';
  const organ = input.organNoun.charAt(0).toLocaleUpperCase('sv') + input.organNoun.slice(1);
  return [
    `Val av ${input.office} förrättas med slutna sedlar.`,
    `Sammanräkningen ger ${list}${blank}.`,
    ...(input.outcome.decidedByLot ? [`Då rösterna är lika avgörs valet genom lottning. Lotten faller på ${input.outcome.elected}.`] : []),
    `${organ} har därmed valt ${input.outcome.elected} till ${input.office}.`,
  ];
}

/** The decision of an election: "Nämnden väljer Anna Testsson till ordförande i arbetsutskottet." */
export function electionDecision(organNoun: string, office: string, elected: string): string {
  return `${organNoun.charAt(0).toLocaleUpperCase('sv') + organNoun.slice(1)} väljer ${elected} till ${office}.`;
}
