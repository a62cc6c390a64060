/**
 * Extra matters (extra ärenden): items added after the notice went out, and matters raised at the
 * meeting, are taken up only if the meeting decides so. The decision is made under the standard
 * item "Anmälan av extra ärenden".
 */
export const EXTRA_MATTERS_ITEM_TITLE = 'Anmälan av extra ärenden';

/** Whether a paragraph is the standard item under which extra matters are announced. */
export function isExtraMattersItem(title: string): boolean {
  return title.trim().toLocaleLowerCase('sv') === EXTRA_MATTERS_ITEM_TITLE.toLocaleLowerCase('sv');
}

/**
 * The decision under "Anmälan av extra ärenden", e.g. "Nämnden beslutar att ta upp följande extra
 * ärende: § 14 Yttrande över remiss." When none is taken up: "Inga extra ärenden tas upp."
 */
export function extraMattersDecision(organNoun: string, takenUp: { number: number; title: string }[]): string[] {
  if (takenUp.length === 0) return ['Inga extra ärenden tas upp.'];
  const organ = organNoun.charAt(0).toLocaleUpperCase('sv') + organNoun.slice(1);
  const items = takenUp.map((paragraph) => `§ ${paragraph.number} ${paragraph.title}`);
  const list = items.length > 1 ? `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}` : items[0];
  return [`${organ} beslutar att ta upp ${takenUp.length === 1 ? 'följande extra ärende' : 'följande extra ärenden'}: ${list}.`];
}

/** What the minutes say of an extra matter the meeting did not take up. */
export const NOT_TAKEN_UP_TEXT = 'Ärendet tas inte upp: sammanträdet har inte beslutat att ta upp det extra ärendet.';

interface ExtraMattersParagraph {
  title: string;
  extraMatter: boolean;
  takenUpInParagraphId: string | null;
  status: 'open' | 'decided';
}

/**
 * An extra matter the meeting declined: the decision under "Anmälan av extra ärenden" has been made
 * and does not name it. Its paragraph stays undecided and does not hold up justering.
 */
export function isDeclinedExtraMatter(paragraph: ExtraMattersParagraph, paragraphs: ExtraMattersParagraph[]): boolean {
  if (!paragraph.extraMatter || paragraph.takenUpInParagraphId !== null || paragraph.status === 'decided') return false;
  return paragraphs.some((candidate) => !candidate.extraMatter && isExtraMattersItem(candidate.title) && candidate.status === 'decided');
}
