import type { ReportLine } from '@namndrum/matters';
import { reportSections } from '@namndrum/matters';
import type { OrganKind } from '@namndrum/organisation';

/**
 * The standard item that reports delegated and urgent chair decisions (KL 6 kap. 40 §, 7 kap. 8 §):
 * "Anmälan av delegationsbeslut" in the default template, "Delegationsbeslut" or "Anmälan av
 * delegerings­beslut" where an organ names it so.
 */
export function isDelegationReportItem(item: { kind: string; title: string }): boolean {
  return item.kind === 'standard' && /delegations?beslut|delegeringsbeslut/i.test(item.title);
}

const ORGAN_AS_SUBJECT: Record<OrganKind, string> = {
  council: 'Kommunfullmäktige',
  board: 'Kommunstyrelsen',
  committee: 'Nämnden',
  subcommittee: 'Utskottet',
  advisory_council: 'Rådet',
  drafting_group: 'Beredningen',
};

/** "Nämnden lägger anmälan till handlingarna.": what the organ decides on the report. */
export function reportReceivedDecision(organKind: OrganKind): string {
  return `${ORGAN_AS_SUBJECT[organKind]} lägger anmälan till handlingarna.`;
}

/** The report as blocks of a text document in the notice: one table per kind, or a sentence when there is nothing to report. */
export function reportDocumentBlocks(lines: ReportLine[]): ({ kind: 'heading'; level: 2; text: string } | { kind: 'paragraph'; text: string } | { kind: 'table'; rows: string[][] })[] {
  if (lines.length === 0) return [{ kind: 'paragraph', text: 'Inga delegationsbeslut eller ordförandebeslut har anmälts sedan föregående sammanträde.' }];
  return reportSections(lines).flatMap((section) => [
    { kind: 'heading' as const, level: 2 as const, text: section.heading },
    {
      kind: 'table' as const,
      rows: [
        ['Punkt', 'Datum', 'Beslutsfattare', 'Beslut', 'Dnr'],
        ...section.lines.map((line) => [
          line.delegationPoint ?? '',
          line.decidedOn,
          line.delegateTitle ? `${line.delegateName}, ${line.delegateTitle}` : line.delegateName,
          line.decisionText,
          line.caseNumber ?? '',
        ]),
      ],
    },
  ]);
}
