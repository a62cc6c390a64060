/**
 * "Val av justerande": the standard first item, under which the meeting chooses who verifies the
 * minutes with the chair. Its decision follows from the verifiers chosen on the minutes.
 */
export const VERIFIERS_ITEM_TITLE = 'Val av justerande';

/** Whether a paragraph is the standard item under which the verifiers are chosen. */
export function isVerifiersItem(title: string): boolean {
  return title.trim().toLocaleLowerCase('sv') === VERIFIERS_ITEM_TITLE.toLocaleLowerCase('sv');
}

/**
 * The decision under "Val av justerande", e.g. "Nämnden beslutar att utse Anna Exempelsson att jämte
 * ordföranden justera protokollet." No decision while no verifier is chosen.
 */
export function verifiersDecision(organNoun: string, verifierNames: string[]): string[] {
  if (verifierNames.length === 0) return [];
  const organ = organNoun.charAt(0).toLocaleUpperCase('sv') + organNoun.slice(1);
  const names = verifierNames.length > 1 ? `${verifierNames.slice(0, -1).join(', ')} och ${verifierNames[verifierNames.length - 1]}` : verifierNames[0];
  return [`${organ} beslutar att utse ${names} att jämte ordföranden justera protokollet.`];
}
