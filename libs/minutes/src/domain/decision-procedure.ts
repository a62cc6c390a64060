import { voteResult } from './vote-tally';

/**
 * The decision procedure (beslutsgång) of a paragraph written the way Swedish minutes phrase it:
 * the motions (yrkanden), the propositions the chair put, any recorded vote (votering), and the
 * decision that follows (KL 5 kap. 53–57 §§, 65 §).
 */

export const MOTION_KINDS = ['approval', 'rejection', 'amendment', 'addition', 'referral_back', 'postponement'] as const;
export type MotionKind = (typeof MOTION_KINDS)[number];

export const MOTION_KIND_LABELS: Record<MotionKind, string> = {
  approval: 'Bifall',
  rejection: 'Avslag',
  amendment: 'Ändringsyrkande',
  addition: 'Tilläggsyrkande',
  referral_back: 'Återremiss',
  postponement: 'Bordläggning',
};

/** The alternative "the proposal as it stands" (förvaltningens or the working committee's). */
export const PROPOSAL_KEY = 'proposal';
/** The other alternative when a referral or postponement is put: the matter is decided today. */
export const DECIDE_TODAY_KEY = 'decide_today';

export interface MotionPhrase {
  /** Unique within the paragraph; not 'proposal' or 'decide_today'. */
  key: string;
  kind: MotionKind;
  /** Name and party, e.g. "Erik Testberg (S)". */
  mover: string;
  /** The amendment or addition (required for those), or the reasons for the other kinds. */
  text: string | null;
  /** Names of members who agree with the motion (instämmer), e.g. "Karin Testsson (SD)". */
  supporters: string[];
}

export interface PropositionVote {
  /** The alternative a Ja vote is for: the one the chair found the organ had chosen by acclamation. */
  yes: string;
  /** The alternative a Nej vote is for. */
  no: string;
  yesCount: number;
  noCount: number;
  abstainCount: number;
  /** The chair's casting vote, given only on a tie. */
  castingVote: 'yes' | 'no' | null;
  chairName: string;
}

export interface PropositionPhrase {
  /** 'proposal', a motion key, or for a referral or postponement 'decide_today' and that motion's key. */
  alternatives: string[];
  /** The alternative the organ decided for. */
  chosen: string;
  vote: PropositionVote | null;
}

export interface ProcedureInput {
  /** The organ in definite form as used in running text, e.g. 'nämnden' (see organNoun). */
  organNoun: string;
  /** E.g. 'förvaltningens förslag' or 'arbetsutskottets förslag'. */
  proposalLabel: string;
  motions: MotionPhrase[];
  /** In the order the chair put them. */
  propositions: PropositionPhrase[];
}

/** A decision procedure that cannot be written down as given: it contradicts itself or refers to nothing. */
export class DecisionProcedureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecisionProcedureError';
  }
}

/** A Swedish list: "A", "A och B", "A, B och C" (no comma before "och"). */
export function swedishList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

/**
 * The genitive of a mover, "Erik Testberg (S)" → "Erik Testbergs (S)": an s is added to the name
 * before the party, except after s, x or z ("Hans (S)", "Max (L)", "Fritz (C)").
 */
export function genitive(mover: string): string {
  const { name, party } = splitMover(mover);
  const possessive = /[sxz]$/i.test(name) ? name : `${name}s`;
  return party ? `${possessive} ${party}` : possessive;
}

/**
 * How an alternative is named in a proposition ("… beslutar enligt <label>"): 'proposal' and an
 * approval motion (which supports the proposal) are the proposal; a rejection is 'avslag'; an
 * amendment or addition is named after its mover ("Erik Testbergs (S) ändringsyrkande"); a referral
 * is 'återremiss', a postponement 'bordläggning', and 'decide_today' is 'avgörande i dag'.
 */
export function alternativeLabel(input: ProcedureInput, key: string): string {
  if (key === PROPOSAL_KEY) return input.proposalLabel;
  if (key === DECIDE_TODAY_KEY) return 'avgörande i dag';
  const motion = findMotion(input, key);
  switch (motion.kind) {
    case 'approval':
      return input.proposalLabel;
    case 'rejection':
      return 'avslag';
    case 'amendment':
      return `${genitive(motion.mover)} ändringsyrkande`;
    case 'addition':
      return `${genitive(motion.mover)} tilläggsyrkande`;
    case 'referral_back':
      return 'återremiss';
    case 'postponement':
      return 'bordläggning';
  }
}

/**
 * One paragraph per motion, in order: the motion ("Anna Exempelsson (S) yrkar bifall till
 * förvaltningens förslag.") followed, when others agree, by "Karin Testsson (SD) och Maria Testsson
 * (S) instämmer i yrkandet." Reasons given with an approval, rejection or referral are added as
 * ", med motiveringen: …".
 */
export function describeMotions(input: ProcedureInput): string[] {
  checkMotions(input.motions);
  return input.motions.map((motion) => {
    const sentence = motionSentence(input, motion);
    const supporters = motion.supporters.map((name) => name.trim()).filter((name) => name.length > 0);
    return supporters.length > 0 ? `${sentence} ${swedishList(supporters)} instämmer i yrkandet.` : sentence;
  });
}

/**
 * The decision procedure as paragraphs, proposition by proposition in the order they were put:
 *
 * - "Ordföranden ställer proposition på A mot B och finner att nämnden beslutar enligt A." (three or
 *   more: "… på förslagen: A, B och C …"; a single alternative: "… på A och finner att nämnden
 *   bifaller det.");
 * - a referral or postponement is put against deciding the matter today: "Ordföranden ställer
 *   proposition på om ärendet ska avgöras i dag eller återremitteras och finner att nämnden beslutar
 *   att ärendet ska avgöras i dag.";
 * - when a vote is recorded, the chair's finding is the Ja alternative (`vote.yes`), then follow
 *   "Votering begärs.", the approved voting order, the result, the casting vote on a tie, and
 *   "Nämnden har därmed beslutat enligt …".
 *
 * Throws DecisionProcedureError when a proposition refers to an unknown alternative, or when its
 * `chosen` contradicts the vote; CastingVoteRequiredError / CastingVoteNotAllowedError when the
 * casting vote does not fit the counts.
 */
export function describeDecisionProcedure(input: ProcedureInput): string[] {
  checkMotions(input.motions);
  return input.propositions.flatMap((proposition, index) => describeProposition(input, proposition, index + 1));
}

export interface DecisionOutcomeInput {
  /** The organ in running text, e.g. 'nämnden' ("Nämnden avslår förslaget."). */
  organNoun: string;
  /** The decision points of the proposal (förslag till beslut), in order. */
  proposal: string[];
  motions: MotionPhrase[];
  /**
   * The alternative chosen in each proposition, in the order the propositions were put: first any
   * referral or postponement ('decide_today' or the motion's key), then the main question
   * ('proposal' or an approval, amendment or rejection key), then each addition that was adopted.
   * An addition the organ turned down is left out.
   */
  chosenKeys: string[];
}

/**
 * The decision points that follow from the propositions' outcomes:
 * - 'proposal' or an approval: the proposal's points;
 * - an amendment: its text, one point per line (list markers such as "1." or "–" removed), in place
 *   of the proposal;
 * - a rejection: "Nämnden avslår förslaget.";
 * - an addition: its lines added after the main decision's points;
 * - a referral: "Ärendet återremitteras." or "Ärendet återremitteras: <reasons>."; a postponement:
 *   "Ärendet bordläggs." Nothing else can then be decided in the matter;
 * - 'decide_today' adds nothing.
 *
 * Throws DecisionProcedureError when the outcome is incomplete (no main decision) or contradictory
 * (two main decisions, an addition to a rejection, a decision after a referral).
 */
export function decisionFromOutcome(input: DecisionOutcomeInput): string[] {
  checkMotions(input.motions);
  const organ = capitalise(requireText(input.organNoun, 'Organets benämning saknas.'));
  let main: string[] | null = null;
  let rejected = false;
  const additions: string[] = [];

  for (const [index, key] of input.chosenKeys.entries()) {
    if (key === DECIDE_TODAY_KEY) continue;
    if (key === PROPOSAL_KEY) {
      main = setMain(main, proposalPoints(input.proposal));
      continue;
    }
    const motion = input.motions.find((candidate) => candidate.key === key);
    if (!motion) throw new DecisionProcedureError(`Okänt förslag i beslutet: ”${key}”.`);
    switch (motion.kind) {
      case 'approval':
        main = setMain(main, proposalPoints(input.proposal));
        break;
      case 'amendment':
        main = setMain(main, lines(requireText(motion.text, `Ändringsyrkandet från ${motion.mover} saknar text.`)));
        break;
      case 'rejection':
        main = setMain(main, [`${organ} avslår förslaget.`]);
        rejected = true;
        break;
      case 'addition':
        if (main === null || rejected) {
          throw new DecisionProcedureError('Ett tilläggsyrkande kan bara bifallas efter att huvudförslaget har bifallits.');
        }
        additions.push(...lines(requireText(motion.text, `Tilläggsyrkandet från ${motion.mover} saknar text.`)));
        break;
      case 'referral_back':
      case 'postponement': {
        if (main !== null || index < input.chosenKeys.length - 1) {
          throw new DecisionProcedureError('Ett ärende som återremitteras eller bordläggs kan inte samtidigt avgöras.');
        }
        if (motion.kind === 'postponement') return ['Ärendet bordläggs.'];
        const reasons = cleanText(motion.text);
        return [reasons ? endSentence(`Ärendet återremitteras: ${reasons}`) : 'Ärendet återremitteras.'];
      }
    }
  }
  if (main === null) {
    throw new DecisionProcedureError('Beslutet saknar ett avgörande i huvudfrågan.');
  }
  return [...main, ...additions];
}

// ---------------------------------------------------------------------------------------------

function describeProposition(input: ProcedureInput, proposition: PropositionPhrase, number: number): string[] {
  const organ = requireText(input.organNoun, 'Organets benämning saknas.');
  const { alternatives, chosen, vote } = proposition;
  if (alternatives.length === 0) {
    throw new DecisionProcedureError(`Proposition ${number} saknar förslag.`);
  }
  if (new Set(alternatives).size !== alternatives.length) {
    throw new DecisionProcedureError(`Proposition ${number} innehåller samma förslag flera gånger.`);
  }
  const label = (key: string) => alternativeLabel(input, key);
  alternatives.forEach(label); // every alternative must be known
  if (!alternatives.includes(chosen)) {
    throw new DecisionProcedureError(`Proposition ${number}: beslutet ”${chosen}” är inte ett av de förslag som ställdes mot varandra.`);
  }
  if (vote) {
    if (alternatives.length < 2) {
      throw new DecisionProcedureError(`Proposition ${number}: en votering kräver två förslag att rösta om.`);
    }
    if (vote.yes === vote.no || !alternatives.includes(vote.yes) || !alternatives.includes(vote.no)) {
      throw new DecisionProcedureError(`Proposition ${number}: ja- och nej-alternativen måste vara två olika förslag i propositionen.`);
    }
  }
  const finding = vote ? vote.yes : chosen;

  const formal = alternatives
    .filter((key) => key !== DECIDE_TODAY_KEY && key !== PROPOSAL_KEY)
    .map((key) => findMotion(input, key))
    .filter((motion) => motion.kind === 'referral_back' || motion.kind === 'postponement');

  let proposed: string;
  let voteLabel: (key: string) => string;
  let decided: (key: string) => string;
  if (formal.length > 0) {
    if (formal.length > 1 || alternatives.length !== 2 || !alternatives.includes(DECIDE_TODAY_KEY)) {
      throw new DecisionProcedureError(
        `Proposition ${number}: ett yrkande om återremiss eller bordläggning ställs bara mot att ärendet ska avgöras i dag.`,
      );
    }
    const verb = formal[0].kind === 'referral_back' ? 'återremitteras' : 'bordläggas';
    const clause = (key: string) => `att ärendet ska ${key === DECIDE_TODAY_KEY ? 'avgöras i dag' : verb}`;
    proposed = `Ordföranden ställer proposition på om ärendet ska avgöras i dag eller ${verb} och finner att ${organ} beslutar ${clause(finding)}.`;
    voteLabel = clause;
    decided = clause;
  } else {
    if (alternatives.includes(DECIDE_TODAY_KEY)) {
      throw new DecisionProcedureError(`Proposition ${number}: ”avgöras i dag” ställs bara mot återremiss eller bordläggning.`);
    }
    const labels = alternatives.map(label);
    if (new Set(labels).size !== labels.length) {
      throw new DecisionProcedureError(`Proposition ${number} ställer samma förslag mot sig självt: ${swedishList(labels)}.`);
    }
    if (alternatives.length === 1) {
      proposed = `Ordföranden ställer proposition på ${labels[0]} och finner att ${organ} bifaller det.`;
    } else {
      const put = labels.length === 2 ? `${labels[0]} mot ${labels[1]}` : `förslagen: ${swedishList(labels)}`;
      proposed = `Ordföranden ställer proposition på ${put} och finner att ${organ} beslutar enligt ${label(finding)}.`;
    }
    voteLabel = label;
    decided = (key) => `enligt ${label(key)}`;
  }

  if (!vote) return [proposed];

  const side = voteResult(vote.yesCount, vote.noCount, vote.castingVote);
  const winner = side === 'yes' ? vote.yes : vote.no;
  if (chosen !== winner) {
    throw new DecisionProcedureError(
      `Proposition ${number}: beslutet anges som ${label(chosen)}, men omröstningen utföll för ${label(winner)}.`,
    );
  }
  if (!Number.isInteger(vote.abstainCount) || vote.abstainCount < 0) {
    throw new RangeError(`Antal som avstår måste vara ett heltal som är 0 eller större, inte ${vote.abstainCount}`);
  }
  const Organ = capitalise(organ);
  const abstaining = vote.abstainCount > 0 ? `, ${vote.abstainCount} avstår` : '';
  const paragraphs = [
    proposed,
    'Votering begärs.',
    `${Organ} godkänner följande beslutsgång: Ja-röst för ${voteLabel(vote.yes)}. Nej-röst för ${voteLabel(vote.no)}.`,
    `Omröstningen utfaller med ${votes(vote.yesCount, 'ja')} mot ${votes(vote.noCount, 'nej')}${abstaining}.`,
  ];
  if (vote.castingVote !== null) {
    const chair = requireText(vote.chairName, `Proposition ${number}: ordförandens namn saknas för utslagsrösten.`);
    paragraphs.push(`Då rösterna är lika avgör ordförandens utslagsröst. Ordföranden ${chair} röstar ${vote.castingVote === 'yes' ? 'ja' : 'nej'}.`);
  }
  paragraphs.push(`${Organ} har därmed beslutat ${decided(winner)}.`);
  return paragraphs;
}

function motionSentence(input: ProcedureInput, motion: MotionPhrase): string {
  const mover = requireText(motion.mover, `Yrkande ”${motion.key}” saknar förslagsställare.`);
  const text = cleanText(motion.text);
  const reasons = text ? `, med motiveringen: ${endSentence(text)}` : '.';
  switch (motion.kind) {
    case 'approval':
      return `${mover} yrkar bifall till ${input.proposalLabel}${reasons}`;
    case 'rejection':
      return `${mover} yrkar avslag på ${input.proposalLabel}${reasons}`;
    case 'amendment':
      return `${mover} yrkar att beslutet ändras enligt följande: ${endSentence(requireText(text, `Ändringsyrkandet från ${mover} saknar text.`))}`;
    case 'addition':
      return `${mover} yrkar tillägg enligt följande: ${endSentence(requireText(text, `Tilläggsyrkandet från ${mover} saknar text.`))}`;
    case 'referral_back':
      return `${mover} yrkar att ärendet återremitteras${reasons}`;
    case 'postponement':
      return text ? `${mover} yrkar att ärendet bordläggs: ${endSentence(text)}` : `${mover} yrkar att ärendet bordläggs.`;
  }
}

function checkMotions(motions: MotionPhrase[]): void {
  const seen = new Set<string>();
  for (const motion of motions) {
    if (motion.key === PROPOSAL_KEY || motion.key === DECIDE_TODAY_KEY) {
      throw new DecisionProcedureError(`”${motion.key}” är reserverat och kan inte användas som nyckel för ett yrkande.`);
    }
    if (seen.has(motion.key)) {
      throw new DecisionProcedureError(`Två yrkanden har samma nyckel: ”${motion.key}”.`);
    }
    if (!(MOTION_KINDS as readonly string[]).includes(motion.kind)) {
      throw new DecisionProcedureError(`Okänd typ av yrkande: ”${String(motion.kind)}”.`);
    }
    seen.add(motion.key);
  }
}

function findMotion(input: ProcedureInput, key: string): MotionPhrase {
  const motion = input.motions.find((candidate) => candidate.key === key);
  if (!motion) throw new DecisionProcedureError(`Okänt förslag i propositionen: ”${key}”.`);
  return motion;
}

function setMain(current: string[] | null, next: string[]): string[] {
  if (current !== null) {
    throw new DecisionProcedureError('Beslutet kan bara ha ett avgörande i huvudfrågan.');
  }
  return next;
}

function proposalPoints(proposal: string[]): string[] {
  const points = proposal.map((point) => point.trim()).filter((point) => point.length > 0);
  if (points.length === 0) throw new DecisionProcedureError('Förslaget till beslut saknar beslutspunkter.');
  return points;
}

/** One point per non-empty line, without list markers ("1.", "2)", "-", "–", "•", "*"). */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^(?:[-–•*]|\d+[.)])\s+/, ''))
    .filter((line) => line.length > 0);
}

function splitMover(mover: string): { name: string; party: string | null } {
  const match = /^(.*?)\s*(\([^()]*\))?$/.exec(mover.trim());
  const name = match?.[1] ?? '';
  if (name.length === 0) throw new DecisionProcedureError(`Förslagsställarens namn saknas: ”${mover}”.`);
  return { name, party: match?.[2] ?? null };
}

function votes(count: number, side: 'ja' | 'nej'): string {
  return `${count} ${side}-${count === 1 ? 'röst' : 'röster'}`;
}

function cleanText(text: string | null): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed.length > 0 ? trimmed : null;
}

function requireText(text: string | null, message: string): string {
  const cleaned = cleanText(text);
  if (cleaned === null) throw new DecisionProcedureError(message);
  return cleaned;
}

/** The text as a finished sentence: a full stop is added unless it already ends in . ! ? or … */
function endSentence(text: string): string {
  return /[.!?…]["'”’»)]*$/.test(text) ? text : `${text}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('sv') + text.slice(1);
}
