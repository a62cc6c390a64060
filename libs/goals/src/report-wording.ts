/**
 * The words a goal report takes from the framework it reports on: its level names and indicator tiers in the plural
 * for headings, and its years. Ludvika's framework, whose levels are "Verksamhetsmål" and "Vi jobbar för att" and whose
 * indicators are resultatmått, reads as its own documents do.
 */

/** The indicator tier of a framework that names none. */
export const DEFAULT_INDICATOR_TIER = 'Resultatmått';

/** "2021–2025", and a span of one year as that year: "2024". */
export function yearSpan(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}

/**
 * The plural of a level or tier name as a heading uses it: "Indikator" → "Indikatorer", "Strategiskt mål" → "Strategiska
 * mål", "Målområde" → "Målområden", "Inriktning" → "Inriktningar"; a noun whose plural is its singular ("Verksamhetsmål",
 * "Resultatmått", "Delmått", "Perspektiv") and a name the rules do not know stay as they are.
 */
export function swedishPlural(name: string): string {
  const words = name.trim().split(/\s+/);
  if (words.length === 0 || words[0] === '') return name;
  const last = words.length - 1;
  return words
    .map((word, index) => {
      // An adjective before the noun takes the plural -a: "Strategiskt mål", "Långsiktigt mål".
      if (index < last) return /(?:skt|igt)$/i.test(word) ? word.slice(0, -1) + 'a' : word;
      if (/(?:or|ion|et|i)$/i.test(word)) return `${word}er`;
      if (/ing$/i.test(word)) return `${word}ar`;
      if (/(?:område|värde)$/i.test(word)) return `${word}n`;
      return word;
    })
    .join(' ');
}

/** The name inside a sentence: "Strategiska mål" → "strategiska mål"; an abbreviation ("KF-mål") stays as written. */
export function inSentence(name: string): string {
  return /^\p{Lu}\p{Ll}/u.test(name) ? name.charAt(0).toLocaleLowerCase('sv-SE') + name.slice(1) : name;
}

/** A heading over the goals one level down: "Strategiska mål"; a level named as the start of a sentence ("Vi jobbar för att") as Ludvika heads it. */
export function workingForHeading(childLevelName: string): string {
  return /\satt$/i.test(childLevelName.trim()) ? 'Det här jobbar vi särskilt för' : swedishPlural(childLevelName);
}
