import {
  alternativeLabel,
  DecisionOutcomeInput,
  decisionFromOutcome,
  DecisionProcedureError,
  describeDecisionProcedure,
  describeMotions,
  genitive,
  MOTION_KIND_LABELS,
  MotionKind,
  MotionPhrase,
  ProcedureInput,
  PropositionPhrase,
  PropositionVote,
  swedishList,
} from './decision-procedure';
import { CastingVoteNotAllowedError, CastingVoteRequiredError } from './vote-tally';

/** Fails unless `action` throws a DecisionProcedureError with exactly `message`. */
function expectProcedureError(action: () => unknown, message: string): void {
  expect(action).toThrow(DecisionProcedureError);
  expect(action).toThrow(new DecisionProcedureError(message));
}

function motion(key: string, kind: MotionKind, mover: string, text: string | null = null, supporters: string[] = []): MotionPhrase {
  return { key, kind, mover, text, supporters };
}

const approval = motion('m-approve', 'approval', 'Anna Exempelsson (S)');
const rejection = motion('m-reject', 'rejection', 'Karin Testsson (SD)');
const amendment = motion('m-amend', 'amendment', 'Erik Testberg (M)', 'Beslutet ska gälla från den 1 januari 2027.');
const addition = motion('m-add', 'addition', 'Hans Provare (V)', 'Nämnden ska följa upp beslutet i december 2027.');
const referral = motion('m-refer', 'referral_back', 'Lena Prov (C)', 'Underlaget ska kompletteras med en konsekvensanalys.');
const postponement = motion('m-postpone', 'postponement', 'Max Lux (L)');

function input(propositions: PropositionPhrase[] = [], motions: MotionPhrase[] = [approval, rejection, amendment, addition, referral, postponement]): ProcedureInput {
  return { organNoun: 'nämnden', proposalLabel: 'förvaltningens förslag', motions, propositions };
}

function vote(overrides: Partial<PropositionVote>): PropositionVote {
  return { yes: 'proposal', no: 'm-amend', yesCount: 7, noCount: 4, abstainCount: 0, castingVote: null, chairName: 'Anna Exempelsson (S)', ...overrides };
}

describe('swedishList', () => {
  it('joins with "och" and commas, without a comma before "och"', () => {
    expect(swedishList([])).toBe('');
    expect(swedishList(['A'])).toBe('A');
    expect(swedishList(['A', 'B'])).toBe('A och B');
    expect(swedishList(['A', 'B', 'C'])).toBe('A, B och C');
    expect(swedishList(['A', 'B', 'C', 'D'])).toBe('A, B, C och D');
  });
});

describe('genitive', () => {
  it.each([
    ['Erik Testberg (S)', 'Erik Testbergs (S)'],
    ['Anna Exempelsson (S)', 'Anna Exempelssons (S)'],
    ['Hans (S)', 'Hans (S)'],
    ['Max Lux (L)', 'Max Lux (L)'],
    ['Fritz (C)', 'Fritz (C)'],
    ['Elias Ås (V)', 'Elias Ås (V)'],
    ['MARCUS (KD)', 'MARCUS (KD)'],
    ['Erik Testberg', 'Erik Testbergs'],
    ['  Erik Testberg   (S) ', 'Erik Testbergs (S)'],
    ['Lisa Andersson Lind (MP)', 'Lisa Andersson Linds (MP)'],
    ['Karin Testsson (SD)', 'Karin Testssons (SD)'],
  ])('%s → %s', (mover, expected) => {
    expect(genitive(mover)).toBe(expected);
  });

  it('refuses a mover without a name', () => {
    expectProcedureError(() => genitive('(S)'), 'Förslagsställarens namn saknas: ”(S)”.');
    expect(() => genitive('  ')).toThrow(DecisionProcedureError);
  });
});

describe('MOTION_KIND_LABELS', () => {
  it('labels every kind of motion', () => {
    expect(MOTION_KIND_LABELS).toEqual({
      approval: 'Bifall',
      rejection: 'Avslag',
      amendment: 'Ändringsyrkande',
      addition: 'Tilläggsyrkande',
      referral_back: 'Återremiss',
      postponement: 'Bordläggning',
    });
  });
});

describe('alternativeLabel', () => {
  it.each([
    ['proposal', 'förvaltningens förslag'],
    ['m-approve', 'förvaltningens förslag'],
    ['m-reject', 'avslag'],
    ['m-amend', 'Erik Testbergs (M) ändringsyrkande'],
    ['m-add', 'Hans Provares (V) tilläggsyrkande'],
    ['m-refer', 'återremiss'],
    ['m-postpone', 'bordläggning'],
    ['decide_today', 'avgörande i dag'],
  ])('names %s "%s"', (key, label) => {
    expect(alternativeLabel(input(), key)).toBe(label);
  });

  it('uses the proposal label the caller gives', () => {
    expect(alternativeLabel({ ...input(), proposalLabel: 'arbetsutskottets förslag' }, 'm-approve')).toBe('arbetsutskottets förslag');
  });

  it('applies the genitive to the name before the party', () => {
    const motions = [motion('a', 'amendment', 'Anna Exempelsson (S)', 'X'), motion('b', 'addition', 'Hans (S)', 'Y')];
    expect(alternativeLabel(input([], motions), 'a')).toBe('Anna Exempelssons (S) ändringsyrkande');
    expect(alternativeLabel(input([], motions), 'b')).toBe('Hans (S) tilläggsyrkande');
  });

  it('refuses an unknown key', () => {
    expectProcedureError(() => alternativeLabel(input(), 'm-missing'), 'Okänt förslag i propositionen: ”m-missing”.');
  });
});

describe('describeMotions', () => {
  it('phrases each kind of motion, in order', () => {
    expect(describeMotions(input())).toEqual([
      'Anna Exempelsson (S) yrkar bifall till förvaltningens förslag.',
      'Karin Testsson (SD) yrkar avslag på förvaltningens förslag.',
      'Erik Testberg (M) yrkar att beslutet ändras enligt följande: Beslutet ska gälla från den 1 januari 2027.',
      'Hans Provare (V) yrkar tillägg enligt följande: Nämnden ska följa upp beslutet i december 2027.',
      'Lena Prov (C) yrkar att ärendet återremitteras, med motiveringen: Underlaget ska kompletteras med en konsekvensanalys.',
      'Max Lux (L) yrkar att ärendet bordläggs.',
    ]);
  });

  it('ends a text without a full stop with one, and never doubles it', () => {
    const motions = [
      motion('a', 'amendment', 'Erik Testberg (M)', 'Beslutet ska gälla från den 1 januari 2027'),
      motion('b', 'referral_back', 'Lena Prov (C)', 'för komplettering'),
      motion('c', 'postponement', 'Max Lux (L)', 'ärendet behöver beredas i utskottet.'),
      motion('d', 'addition', 'Hans Provare (V)', 'Nämnden ska ”följa upp” beslutet?'),
      motion('e', 'referral_back', 'Lena Prov (C)', '  '),
    ];
    expect(describeMotions(input([], motions))).toEqual([
      'Erik Testberg (M) yrkar att beslutet ändras enligt följande: Beslutet ska gälla från den 1 januari 2027.',
      'Lena Prov (C) yrkar att ärendet återremitteras, med motiveringen: för komplettering.',
      'Max Lux (L) yrkar att ärendet bordläggs: ärendet behöver beredas i utskottet.',
      'Hans Provare (V) yrkar tillägg enligt följande: Nämnden ska ”följa upp” beslutet?',
      'Lena Prov (C) yrkar att ärendet återremitteras.',
    ]);
  });

  it('adds reasons given with an approval or a rejection', () => {
    const motions = [
      motion('a', 'rejection', 'Karin Testsson (SD)', 'kostnaden är inte utredd'),
      motion('b', 'approval', 'Anna Exempelsson (S)', 'förslaget är väl underbyggt.'),
    ];
    expect(describeMotions({ ...input([], motions), proposalLabel: 'arbetsutskottets förslag' })).toEqual([
      'Karin Testsson (SD) yrkar avslag på arbetsutskottets förslag, med motiveringen: kostnaden är inte utredd.',
      'Anna Exempelsson (S) yrkar bifall till arbetsutskottets förslag, med motiveringen: förslaget är väl underbyggt.',
    ]);
  });

  it('names the members who agree with a motion', () => {
    const motions = [
      motion('a', 'approval', 'Anna Exempelsson (S)', null, ['Karin Testsson (SD)']),
      motion('b', 'rejection', 'Erik Testberg (M)', null, ['Karin Testsson (SD)', 'Maria Testsson (S)']),
      motion('c', 'postponement', 'Max Lux (L)', null, ['Lena Prov (C)', ' ', 'Hans Provare (V)', 'Maria Testsson (S)']),
    ];
    expect(describeMotions(input([], motions))).toEqual([
      'Anna Exempelsson (S) yrkar bifall till förvaltningens förslag. Karin Testsson (SD) instämmer i yrkandet.',
      'Erik Testberg (M) yrkar avslag på förvaltningens förslag. Karin Testsson (SD) och Maria Testsson (S) instämmer i yrkandet.',
      'Max Lux (L) yrkar att ärendet bordläggs. Lena Prov (C), Hans Provare (V) och Maria Testsson (S) instämmer i yrkandet.',
    ]);
  });

  it('gives nothing for no motions', () => {
    expect(describeMotions(input([], []))).toEqual([]);
  });

  it('refuses an amendment or addition without text', () => {
    expectProcedureError(() => describeMotions(input([], [motion('a', 'amendment', 'Erik Testberg (M)', ' ')])), 'Ändringsyrkandet från Erik Testberg (M) saknar text.');
    expectProcedureError(() => describeMotions(input([], [motion('a', 'addition', 'Hans Provare (V)')])), 'Tilläggsyrkandet från Hans Provare (V) saknar text.');
  });

  it('refuses a motion without a mover', () => {
    expectProcedureError(() => describeMotions(input([], [motion('a', 'approval', '')])), 'Yrkande ”a” saknar förslagsställare.');
  });

  it('refuses duplicate, reserved and unknown kinds of motion', () => {
    expectProcedureError(() => describeMotions(input([], [approval, { ...rejection, key: 'm-approve' }])), 'Två yrkanden har samma nyckel: ”m-approve”.');
    expectProcedureError(() => describeMotions(input([], [{ ...approval, key: 'proposal' }])), '”proposal” är reserverat och kan inte användas som nyckel för ett yrkande.');
    expect(() => describeMotions(input([], [{ ...approval, key: 'decide_today' }]))).toThrow(DecisionProcedureError);
    expectProcedureError(() => describeMotions(input([], [{ ...approval, kind: 'veto' as MotionKind }])), 'Okänd typ av yrkande: ”veto”.');
  });
});

describe('describeDecisionProcedure', () => {
  it('puts a single alternative by acclamation', () => {
    expect(describeDecisionProcedure(input([{ alternatives: ['proposal'], chosen: 'proposal', vote: null }]))).toEqual([
      'Ordföranden ställer proposition på förvaltningens förslag och finner att nämnden bifaller det.',
    ]);
    expect(describeDecisionProcedure(input([{ alternatives: ['m-add'], chosen: 'm-add', vote: null }]))).toEqual([
      'Ordföranden ställer proposition på Hans Provares (V) tilläggsyrkande och finner att nämnden bifaller det.',
    ]);
  });

  it('puts two alternatives against each other', () => {
    expect(describeDecisionProcedure(input([{ alternatives: ['proposal', 'm-reject'], chosen: 'proposal', vote: null }]))).toEqual([
      'Ordföranden ställer proposition på förvaltningens förslag mot avslag och finner att nämnden beslutar enligt förvaltningens förslag.',
    ]);
    expect(describeDecisionProcedure(input([{ alternatives: ['m-approve', 'm-amend'], chosen: 'm-amend', vote: null }]))).toEqual([
      'Ordföranden ställer proposition på förvaltningens förslag mot Erik Testbergs (M) ändringsyrkande och finner att nämnden beslutar enligt Erik Testbergs (M) ändringsyrkande.',
    ]);
  });

  it('lists three or more alternatives', () => {
    expect(describeDecisionProcedure(input([{ alternatives: ['proposal', 'm-amend', 'm-reject'], chosen: 'm-reject', vote: null }]))).toEqual([
      'Ordföranden ställer proposition på förslagen: förvaltningens förslag, Erik Testbergs (M) ändringsyrkande och avslag och finner att nämnden beslutar enligt avslag.',
    ]);
  });

  it('puts a referral against deciding the matter today', () => {
    expect(describeDecisionProcedure(input([{ alternatives: ['decide_today', 'm-refer'], chosen: 'decide_today', vote: null }]))).toEqual([
      'Ordföranden ställer proposition på om ärendet ska avgöras i dag eller återremitteras och finner att nämnden beslutar att ärendet ska avgöras i dag.',
    ]);
    expect(describeDecisionProcedure(input([{ alternatives: ['m-refer', 'decide_today'], chosen: 'm-refer', vote: null }]))).toEqual([
      'Ordföranden ställer proposition på om ärendet ska avgöras i dag eller återremitteras och finner att nämnden beslutar att ärendet ska återremitteras.',
    ]);
  });

  it('puts a postponement against deciding the matter today', () => {
    expect(describeDecisionProcedure(input([{ alternatives: ['decide_today', 'm-postpone'], chosen: 'm-postpone', vote: null }]))).toEqual([
      'Ordföranden ställer proposition på om ärendet ska avgöras i dag eller bordläggas och finner att nämnden beslutar att ärendet ska bordläggas.',
    ]);
  });

  it('writes a recorded vote with the chair’s finding as the Ja alternative', () => {
    const proposition = { alternatives: ['proposal', 'm-amend'], chosen: 'proposal', vote: vote({ yesCount: 7, noCount: 4, abstainCount: 2 }) };
    expect(describeDecisionProcedure(input([proposition]))).toEqual([
      'Ordföranden ställer proposition på förvaltningens förslag mot Erik Testbergs (M) ändringsyrkande och finner att nämnden beslutar enligt förvaltningens förslag.',
      'Votering begärs.',
      'Nämnden godkänner följande beslutsgång: Ja-röst för förvaltningens förslag. Nej-röst för Erik Testbergs (M) ändringsyrkande.',
      'Omröstningen utfaller med 7 ja-röster mot 4 nej-röster, 2 avstår.',
      'Nämnden har därmed beslutat enligt förvaltningens förslag.',
    ]);
  });

  it('lets a vote overturn the chair’s finding', () => {
    const proposition = { alternatives: ['proposal', 'm-amend'], chosen: 'm-amend', vote: vote({ yesCount: 5, noCount: 6 }) };
    expect(describeDecisionProcedure(input([proposition]))).toEqual([
      'Ordföranden ställer proposition på förvaltningens förslag mot Erik Testbergs (M) ändringsyrkande och finner att nämnden beslutar enligt förvaltningens förslag.',
      'Votering begärs.',
      'Nämnden godkänner följande beslutsgång: Ja-röst för förvaltningens förslag. Nej-röst för Erik Testbergs (M) ändringsyrkande.',
      'Omröstningen utfaller med 5 ja-röster mot 6 nej-röster.',
      'Nämnden har därmed beslutat enligt Erik Testbergs (M) ändringsyrkande.',
    ]);
  });

  it('writes the chair’s casting vote on a tie', () => {
    const proposition = {
      alternatives: ['m-amend', 'proposal'],
      chosen: 'm-amend',
      vote: vote({ yes: 'proposal', no: 'm-amend', yesCount: 5, noCount: 5, abstainCount: 1, castingVote: 'no', chairName: 'Anna Exempelsson (S)' }),
    };
    expect(describeDecisionProcedure(input([proposition]))).toEqual([
      'Ordföranden ställer proposition på Erik Testbergs (M) ändringsyrkande mot förvaltningens förslag och finner att nämnden beslutar enligt förvaltningens förslag.',
      'Votering begärs.',
      'Nämnden godkänner följande beslutsgång: Ja-röst för förvaltningens förslag. Nej-röst för Erik Testbergs (M) ändringsyrkande.',
      'Omröstningen utfaller med 5 ja-röster mot 5 nej-röster, 1 avstår.',
      'Då rösterna är lika avgör ordförandens utslagsröst. Ordföranden Anna Exempelsson (S) röstar nej.',
      'Nämnden har därmed beslutat enligt Erik Testbergs (M) ändringsyrkande.',
    ]);
  });

  it('uses the singular for a single vote', () => {
    const result = (yesCount: number, noCount: number) =>
      describeDecisionProcedure(
        input([{ alternatives: ['proposal', 'm-reject'], chosen: 'm-reject', vote: vote({ no: 'm-reject', yesCount, noCount }) }]),
      )[3];
    expect(result(1, 2)).toBe('Omröstningen utfaller med 1 ja-röst mot 2 nej-röster.');
    expect(result(0, 1)).toBe('Omröstningen utfaller med 0 ja-röster mot 1 nej-röst.');
  });

  it('writes a vote on a referral in the words of the formal question, capitalising the organ', () => {
    const proposition = {
      alternatives: ['decide_today', 'm-refer'],
      chosen: 'm-refer',
      vote: vote({ yes: 'decide_today', no: 'm-refer', yesCount: 20, noCount: 21, abstainCount: 8 }),
    };
    expect(describeDecisionProcedure({ ...input([proposition]), organNoun: 'kommunfullmäktige' })).toEqual([
      'Ordföranden ställer proposition på om ärendet ska avgöras i dag eller återremitteras och finner att kommunfullmäktige beslutar att ärendet ska avgöras i dag.',
      'Votering begärs.',
      'Kommunfullmäktige godkänner följande beslutsgång: Ja-röst för att ärendet ska avgöras i dag. Nej-röst för att ärendet ska återremitteras.',
      'Omröstningen utfaller med 20 ja-röster mot 21 nej-röster, 8 avstår.',
      'Kommunfullmäktige har därmed beslutat att ärendet ska återremitteras.',
    ]);
  });

  it('writes the propositions in the order they were put', () => {
    const propositions: PropositionPhrase[] = [
      { alternatives: ['decide_today', 'm-refer'], chosen: 'decide_today', vote: null },
      { alternatives: ['proposal', 'm-reject'], chosen: 'proposal', vote: null },
      { alternatives: ['m-add'], chosen: 'm-add', vote: null },
    ];
    expect(describeDecisionProcedure({ ...input(propositions), organNoun: 'kommunstyrelsen' })).toEqual([
      'Ordföranden ställer proposition på om ärendet ska avgöras i dag eller återremitteras och finner att kommunstyrelsen beslutar att ärendet ska avgöras i dag.',
      'Ordföranden ställer proposition på förvaltningens förslag mot avslag och finner att kommunstyrelsen beslutar enligt förvaltningens förslag.',
      'Ordföranden ställer proposition på Hans Provares (V) tilläggsyrkande och finner att kommunstyrelsen bifaller det.',
    ]);
  });

  it('gives nothing when no proposition was put', () => {
    expect(describeDecisionProcedure(input([]))).toEqual([]);
  });

  it('refuses a chosen alternative that contradicts the vote', () => {
    const proposition = { alternatives: ['proposal', 'm-amend'], chosen: 'm-amend', vote: vote({ yesCount: 7, noCount: 4 }) };
    expectProcedureError(
      () => describeDecisionProcedure(input([proposition])),
      'Proposition 1: beslutet anges som Erik Testbergs (M) ändringsyrkande, men omröstningen utföll för förvaltningens förslag.',
    );
  });

  it('refuses a tie without a casting vote and a casting vote without a tie', () => {
    const tie = { alternatives: ['proposal', 'm-amend'], chosen: 'proposal', vote: vote({ yesCount: 4, noCount: 4 }) };
    expect(() => describeDecisionProcedure(input([tie]))).toThrow(CastingVoteRequiredError);
    const noTie = { alternatives: ['proposal', 'm-amend'], chosen: 'proposal', vote: vote({ yesCount: 5, noCount: 4, castingVote: 'yes' }) };
    expect(() => describeDecisionProcedure(input([noTie]))).toThrow(CastingVoteNotAllowedError);
  });

  it('refuses a casting vote without the chair’s name', () => {
    const tie = { alternatives: ['proposal', 'm-amend'], chosen: 'proposal', vote: vote({ yesCount: 4, noCount: 4, castingVote: 'yes', chairName: ' ' }) };
    expectProcedureError(() => describeDecisionProcedure(input([tie])), 'Proposition 1: ordförandens namn saknas för utslagsrösten.');
  });

  it('refuses a negative number abstaining', () => {
    const proposition = { alternatives: ['proposal', 'm-amend'], chosen: 'proposal', vote: vote({ abstainCount: -1 }) };
    expect(() => describeDecisionProcedure(input([proposition]))).toThrow(
      new RangeError('Antal som avstår måste vara ett heltal som är 0 eller större, inte -1'),
    );
  });

  it.each<[string, PropositionPhrase, string]>([
    ['no alternatives', { alternatives: [], chosen: 'proposal', vote: null }, 'Proposition 2 saknar förslag.'],
    ['the same alternative twice', { alternatives: ['proposal', 'proposal'], chosen: 'proposal', vote: null }, 'Proposition 2 innehåller samma förslag flera gånger.'],
    ['an unknown alternative', { alternatives: ['proposal', 'm-nope'], chosen: 'proposal', vote: null }, 'Okänt förslag i propositionen: ”m-nope”.'],
    [
      'a decision that was not put',
      { alternatives: ['proposal', 'm-reject'], chosen: 'm-amend', vote: null },
      'Proposition 2: beslutet ”m-amend” är inte ett av de förslag som ställdes mot varandra.',
    ],
    [
      'a vote on a single alternative',
      { alternatives: ['proposal'], chosen: 'proposal', vote: vote({ no: 'proposal' }) },
      'Proposition 2: en votering kräver två förslag att rösta om.',
    ],
    [
      'a vote for an alternative that was not put',
      { alternatives: ['proposal', 'm-reject'], chosen: 'proposal', vote: vote({ no: 'm-amend' }) },
      'Proposition 2: ja- och nej-alternativen måste vara två olika förslag i propositionen.',
    ],
    [
      'a vote with the same alternative on both sides',
      { alternatives: ['proposal', 'm-reject'], chosen: 'proposal', vote: vote({ no: 'proposal' }) },
      'Proposition 2: ja- och nej-alternativen måste vara två olika förslag i propositionen.',
    ],
    [
      'a referral put against a motion',
      { alternatives: ['m-refer', 'proposal'], chosen: 'proposal', vote: null },
      'Proposition 2: ett yrkande om återremiss eller bordläggning ställs bara mot att ärendet ska avgöras i dag.',
    ],
    [
      'a referral put with a third alternative',
      { alternatives: ['m-refer', 'decide_today', 'm-postpone'], chosen: 'decide_today', vote: null },
      'Proposition 2: ett yrkande om återremiss eller bordläggning ställs bara mot att ärendet ska avgöras i dag.',
    ],
    [
      'a referral put alone',
      { alternatives: ['m-refer'], chosen: 'm-refer', vote: null },
      'Proposition 2: ett yrkande om återremiss eller bordläggning ställs bara mot att ärendet ska avgöras i dag.',
    ],
    [
      '"decide today" without a referral',
      { alternatives: ['decide_today', 'proposal'], chosen: 'proposal', vote: null },
      'Proposition 2: ”avgöras i dag” ställs bara mot återremiss eller bordläggning.',
    ],
    [
      'the proposal against an approval of it',
      { alternatives: ['proposal', 'm-approve'], chosen: 'proposal', vote: null },
      'Proposition 2 ställer samma förslag mot sig självt: förvaltningens förslag och förvaltningens förslag.',
    ],
  ])('refuses %s', (_, proposition, message) => {
    const first: PropositionPhrase = { alternatives: ['decide_today', 'm-refer'], chosen: 'decide_today', vote: null };
    expectProcedureError(() => describeDecisionProcedure(input([first, proposition])), message);
  });
});

describe('decisionFromOutcome', () => {
  const proposal = ['Nämnden godkänner förvaltningens förslag till riktlinjer.', 'Riktlinjerna gäller från den 1 juli 2026.'];

  function outcome(chosenKeys: string[], overrides: Partial<DecisionOutcomeInput> = {}): DecisionOutcomeInput {
    return { organNoun: 'nämnden', proposal, motions: [approval, rejection, amendment, addition, referral, postponement], chosenKeys, ...overrides };
  }

  it('decides according to the proposal', () => {
    expect(decisionFromOutcome(outcome(['proposal']))).toEqual(proposal);
  });

  it('treats an approval as the proposal', () => {
    expect(decisionFromOutcome(outcome(['m-approve']))).toEqual(proposal);
  });

  it('replaces the proposal with an amendment, one point per line', () => {
    const text = [
      '1. Nämnden godkänner riktlinjerna.\r',
      '',
      '2) Riktlinjerna gäller från 2027.',
      '– Förvaltningen får i uppdrag att informera.',
      '  • Uppföljning sker årligen.',
    ].join('\n');
    const multiLine = motion('m-multi', 'amendment', 'Erik Testberg (M)', text);
    expect(decisionFromOutcome(outcome(['m-multi'], { motions: [multiLine] }))).toEqual([
      'Nämnden godkänner riktlinjerna.',
      'Riktlinjerna gäller från 2027.',
      'Förvaltningen får i uppdrag att informera.',
      'Uppföljning sker årligen.',
    ]);
    expect(decisionFromOutcome(outcome(['m-amend']))).toEqual(['Beslutet ska gälla från den 1 januari 2027.']);
  });

  it('keeps a line that only starts with a number', () => {
    const amendment2027 = motion('m-year', 'amendment', 'Erik Testberg (M)', '2027 års budget fastställs.');
    expect(decisionFromOutcome(outcome(['m-year'], { motions: [amendment2027] }))).toEqual(['2027 års budget fastställs.']);
  });

  it('rejects the proposal in the organ’s name', () => {
    expect(decisionFromOutcome(outcome(['m-reject']))).toEqual(['Nämnden avslår förslaget.']);
    expect(decisionFromOutcome(outcome(['m-reject'], { organNoun: 'kommunstyrelsen' }))).toEqual(['Kommunstyrelsen avslår förslaget.']);
  });

  it('adds an adopted addition after the main decision', () => {
    expect(decisionFromOutcome(outcome(['decide_today', 'proposal', 'm-add']))).toEqual([...proposal, 'Nämnden ska följa upp beslutet i december 2027.']);
    expect(decisionFromOutcome(outcome(['m-amend', 'm-add']))).toEqual([
      'Beslutet ska gälla från den 1 januari 2027.',
      'Nämnden ska följa upp beslutet i december 2027.',
    ]);
  });

  it('adds several additions in order', () => {
    const second = motion('m-add2', 'addition', 'Lena Prov (C)', 'Pensionärsrådet ska informeras.');
    expect(decisionFromOutcome(outcome(['proposal', 'm-add2', 'm-add'], { motions: [addition, second] }))).toEqual([
      ...proposal,
      'Pensionärsrådet ska informeras.',
      'Nämnden ska följa upp beslutet i december 2027.',
    ]);
  });

  it('refers the matter back, with or without reasons, without doubling the full stop', () => {
    expect(decisionFromOutcome(outcome(['m-refer']))).toEqual(['Ärendet återremitteras: Underlaget ska kompletteras med en konsekvensanalys.']);
    const noPeriod = motion('m-r', 'referral_back', 'Lena Prov (C)', 'för komplettering med en konsekvensanalys');
    expect(decisionFromOutcome(outcome(['m-r'], { motions: [noPeriod] }))).toEqual(['Ärendet återremitteras: för komplettering med en konsekvensanalys.']);
    const noReasons = motion('m-r', 'referral_back', 'Lena Prov (C)', null);
    expect(decisionFromOutcome(outcome(['m-r'], { motions: [noReasons] }))).toEqual(['Ärendet återremitteras.']);
  });

  it('postpones the matter', () => {
    expect(decisionFromOutcome(outcome(['m-postpone']))).toEqual(['Ärendet bordläggs.']);
  });

  it('leaves out empty proposal points and surrounding spaces', () => {
    expect(decisionFromOutcome(outcome(['proposal'], { proposal: ['  Nämnden godkänner rapporten. ', ''] }))).toEqual(['Nämnden godkänner rapporten.']);
  });

  it.each([
    [[], 'Beslutet saknar ett avgörande i huvudfrågan.'],
    [['decide_today'], 'Beslutet saknar ett avgörande i huvudfrågan.'],
    [['proposal', 'm-amend'], 'Beslutet kan bara ha ett avgörande i huvudfrågan.'],
    [['m-approve', 'proposal'], 'Beslutet kan bara ha ett avgörande i huvudfrågan.'],
    [['m-add', 'proposal'], 'Ett tilläggsyrkande kan bara bifallas efter att huvudförslaget har bifallits.'],
    [['m-reject', 'm-add'], 'Ett tilläggsyrkande kan bara bifallas efter att huvudförslaget har bifallits.'],
    [['m-refer', 'proposal'], 'Ett ärende som återremitteras eller bordläggs kan inte samtidigt avgöras.'],
    [['proposal', 'm-postpone'], 'Ett ärende som återremitteras eller bordläggs kan inte samtidigt avgöras.'],
    [['m-nope'], 'Okänt förslag i beslutet: ”m-nope”.'],
  ])('refuses the outcome %j', (chosenKeys, message) => {
    expectProcedureError(() => decisionFromOutcome(outcome(chosenKeys)), message);
  });

  it('refuses a proposal without points and an amendment without text', () => {
    expectProcedureError(() => decisionFromOutcome(outcome(['proposal'], { proposal: [' '] })), 'Förslaget till beslut saknar beslutspunkter.');
    const empty = motion('m-e', 'amendment', 'Erik Testberg (M)', '');
    expectProcedureError(() => decisionFromOutcome(outcome(['m-e'], { motions: [empty] })), 'Ändringsyrkandet från Erik Testberg (M) saknar text.');
  });
});
