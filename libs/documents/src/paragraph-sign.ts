/**
 * The space between "§" and its number in the Word documents (protokoll, protokollsutdrag): U+00A0, a no-break
 * space, so that a printed or archived page never ends a line in a lone "§" with its number on the next
 * (Språkrådet's advice for "§ 4", as for "kl. 14"). What is read on a screen and searched — e-mails (text and HTML),
 * web pages, API fields, stored texts, messages — keeps an ordinary space, so that "§ 4" typed into a mail client's
 * or browser's search finds it.
 */
export const PARAGRAPH_SIGN_SPACE = '\u00a0';

/** "§ 4" with a no-break space, for a paragraph number a renderer writes itself. */
export function paragraphSign(number: number | string): string {
  return `§${PARAGRAPH_SIGN_SPACE}${number}`;
}

const SIGN_BEFORE_NUMBER = /(§§?)[ \t]+(?=\d)/g;

/** Binds every "§ 4" and "§§ 1–7" in a text (a decision, a note, "Au § 2") to its number. */
export function bindParagraphSigns(text: string): string {
  return text.replace(SIGN_BEFORE_NUMBER, `$1${PARAGRAPH_SIGN_SPACE}`);
}

/** A view model with every string in it passed through {@link bindParagraphSigns}; the view itself is left as it was. */
export function bindParagraphSignsIn<T>(value: T): T {
  if (typeof value === 'string') return bindParagraphSigns(value) as T;
  if (Array.isArray(value)) return value.map((item) => bindParagraphSignsIn(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, bindParagraphSignsIn(item)])) as T;
  }
  return value;
}
