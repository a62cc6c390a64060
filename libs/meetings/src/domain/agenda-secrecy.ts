import { MatterReading } from '@namndrum/matters';

/** The parts of an agenda item drawn from its matter and tjänsteskrivelse. */
export interface AgendaItemContent {
  matterId: string | null;
  title: string;
  caseNumber: string | null;
  proposal: string[];
}

/**
 * An agenda item as this reader may see it: a matter secret to them shows its case number and the
 * masked title, a secret tjänsteskrivelse no proposal. Items without a matter are shown as they are.
 */
export function agendaItemAsRead<T extends AgendaItemContent>(item: T, reading: MatterReading | undefined): T {
  if (!item.matterId || !reading) return item;
  return { ...item, title: reading.masked ? reading.title : item.title, proposal: reading.contentReadable ? item.proposal : [] };
}
