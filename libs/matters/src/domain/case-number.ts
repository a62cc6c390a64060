/** A diarienummer: `<registry code> <year>/<sequence>`, optionally with a classification suffix (`KS 2021/263-00`). */
export interface CaseNumber {
  registryCode: string;
  year: number;
  sequence: number;
  suffix: string | null;
}

/** A document's sequence within its matter is a PostgreSQL integer. */
export const MAX_DOCUMENT_SEQUENCE = 2_147_483_647;

export const REGISTRY_CODE = /^[A-ZÅÄÖ][A-ZÅÄÖ0-9-]{0,11}$/;
export const CASE_NUMBER_SUFFIX = /^[A-Za-z0-9.]{1,12}$/;
const CASE_NUMBER = /^([A-ZÅÄÖ][A-ZÅÄÖ0-9-]{0,11}) (\d{4})\/([1-9]\d{0,6})(?:-([A-Za-z0-9.]{1,12}))?$/;

export function formatCaseNumber({ registryCode, year, sequence, suffix }: CaseNumber): string {
  return `${registryCode} ${year}/${sequence}${suffix ? `-${suffix}` : ''}`;
}

/** A document's number: its own sequence after the matter's number, without the classification suffix (`KS 2021/263-3`). */
export function formatDocumentNumber(matter: Omit<CaseNumber, 'suffix'>, documentSequence: number): string {
  return `${matter.registryCode} ${matter.year}/${matter.sequence}-${documentSequence}`;
}

/**
 * Reads a case number as people write it: the code in any case, any run of spaces. Returns null when
 * the text is not a case number. The part after the dash is either a classification suffix or, when it
 * is a plain number, possibly a document's sequence; the caller decides which by looking it up.
 */
export function parseCaseNumber(text: string): CaseNumber | null {
  const normalised = text.trim().replace(/\s+/g, ' ').replace(/^(\S+)/, (code) => code.toUpperCase());
  const match = CASE_NUMBER.exec(normalised);
  if (!match) return null;
  const year = Number(match[2]);
  if (year < 1900 || year > 2999) return null;
  return { registryCode: match[1], year, sequence: Number(match[3]), suffix: match[4] ?? null };
}

/** Whether the suffix fits the registry's classification format (a regular expression), when it has one. */
export function suffixFitsFormat(suffix: string, format: string | null): boolean {
  if (!CASE_NUMBER_SUFFIX.test(suffix)) return false;
  return format === null || new RegExp(`^(?:${format})$`).test(suffix);
}

/** Whether a registry's suffix format is a usable regular expression. */
export function isValidSuffixFormat(format: string): boolean {
  try {
    new RegExp(format);
    return format.length > 0 && format.length <= 100;
  } catch {
    return false;
  }
}
