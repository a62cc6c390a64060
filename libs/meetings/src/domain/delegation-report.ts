import type { ReportLine } from '@namndrum/matters';
import { noReportedDecisionsText, reportedDecisionTables } from '@namndrum/documents';
import { OrganKind, organNoun } from '@namndrum/organisation';

/**
 * The standard item that reports delegated and urgent chair decisions (KL 6 kap. 40 §, 7 kap. 8 §):
 * "Anmälan av delegationsbeslut" in the default template, "Delegationsbeslut" or "Anmälan av
 * delegerings­beslut" where an organ names it so.
 */
export function isDelegationReportItem(item: { kind: string; title: string }): boolean {
  return item.kind === 'standard' && /delegations?beslut|delegeringsbeslut/i.test(item.title);
}

/** "Nämnden lägger anmälan till handlingarna.": what the organ decides on the report. */
export function reportReceivedDecision(organKind: OrganKind): string {
  const noun = organNoun(organKind);
  return `${noun.charAt(0).toLocaleUpperCase('sv')}${noun.slice(1)} lägger anmälan till handlingarna.`;
}

/** The report as blocks of a text document in the notice: one table per kind under its heading, or a sentence when there is nothing to report; labels in Finnish as well for an organ with Finnish. */
export function reportDocumentBlocks(lines: ReportLine[], finnish: boolean): ({ kind: 'heading'; level: 2; text: string } | { kind: 'paragraph'; text: string } | { kind: 'table'; rows: string[][]; columnWidths: number[] })[] {
  if (lines.length === 0) return noReportedDecisionsText(finnish).split('\n').map((text) => ({ kind: 'paragraph' as const, text }));
  return reportedDecisionTables(lines, finnish, 'notice').flatMap((table) => [
    { kind: 'heading' as const, level: 2 as const, text: table.heading },
    { kind: 'table' as const, rows: table.rows, columnWidths: table.columnWidths },
  ]);
}
