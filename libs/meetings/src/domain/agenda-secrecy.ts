import { maskedTitles, MatterReading } from '@namndrum/matters';

/** The parts of an agenda item drawn from its matter and tjänsteskrivelse. */
export interface AgendaItemContent {
  matterId: string | null;
  title: string;
  caseNumber: string | null;
  proposal: string[];
  titleFi?: string | null;
}

/**
 * An agenda item as this reader may see it: a matter secret to them shows its case number and the
 * masked title (and no Finnish title), a secret tjänsteskrivelse no proposal. Items without a matter are shown as they are.
 */
export function agendaItemAsRead<T extends AgendaItemContent>(item: T, reading: MatterReading | undefined): T {
  if (!item.matterId || !reading) return item;
  return { ...item, ...(reading.masked ? maskedTitles(reading) : {}), proposal: reading.contentReadable ? item.proposal : [] };
}

/** Named in a notice in place of the documents of a matter the recipient may not read. */
export const SECRET_DOCUMENTS_NOTE = 'Handlingarna i ärendet omfattas av sekretess och delges ledamöterna separat';

/**
 * A notice item as a reader or recipient without access gets it: the masked title, and in place of the
 * tjänsteskrivelse and its bilagor a line saying they are given to the members separately.
 */
export function noticeItemAsRead<T extends { title: string; titleFi?: string | null; caseNumber: string | null; documents: unknown[] }>(item: T, reading: MatterReading | undefined): T {
  if (!reading || reading.contentReadable) return item;
  return { ...item, ...maskedTitles(reading), documents: item.documents.length > 0 ? [{ kind: 'file', title: SECRET_DOCUMENTS_NOTE, fileName: item.caseNumber ?? '' }] : [] };
}
