import { TEXT_WIDTH_TWIPS } from './docx-helpers';
import { bilingual, LABEL_TERMS, labeller, Term } from './terms';

/**
 * Anmälan av delegationsbeslut as the kallelse, its e-mail and the protokoll print it: delegationsbeslut first, then the
 * chair's urgent decisions, each kind under its heading as a table (Datum, Punkt, Delegat, Beslut, Dnr), with the labels
 * in Finnish as well for an organ with Finnish.
 */

export type ReportedDecisionKind = 'delegated' | 'urgent_chair';

/** One decision as the documents show it; a decision in a secret matter arrives `masked`, its text never given. */
export interface ReportedDecisionView {
  kind: ReportedDecisionKind;
  decidedOn: string;
  delegationPoint: string | null;
  delegateName: string;
  delegateTitle: string | null;
  decisionText: string;
  caseNumber: string | null;
  masked: boolean;
}

/** In the kallelse the decisions are to be reported; in the protokoll they have been. */
export type ReportStage = 'notice' | 'minutes';

export interface ReportedDecisionTable {
  heading: string;
  /** The header row first. */
  rows: string[][];
  /** Twips: Datum, Punkt, Delegat, Beslut (the widest), Dnr, so that a date or a word is never split. */
  columnWidths: number[];
}

const COLUMN_WIDTHS = [1550, 850, 2000, TEXT_WIDTH_TWIPS - 1550 - 850 - 2000 - 1500, 1500];

const KIND_ORDER: ReportedDecisionKind[] = ['delegated', 'urgent_chair'];

function kindHeading(kind: ReportedDecisionKind, stage: ReportStage): Term {
  if (kind === 'urgent_chair') return LABEL_TERMS.urgentChairDecisions;
  return stage === 'minutes' ? LABEL_TERMS.reportedDelegatedDecisions : LABEL_TERMS.delegatedDecisions;
}

/** "Anna Berg, enhetschef" */
function delegateText(decision: ReportedDecisionView): string {
  return decision.delegateTitle ? `${decision.delegateName}, ${decision.delegateTitle}` : decision.delegateName;
}

/** What is said of the decision: its text, or for a secret matter only that it is one ("Beslut i sekretessärende / …"). */
function decisionText(decision: ReportedDecisionView, finnish: boolean): string {
  return decision.masked ? bilingual(LABEL_TERMS.secretMatterDecision, finnish) : decision.decisionText;
}

/** One table per kind that has decisions, in the order given (the report's order: by date, then point). */
export function reportedDecisionTables(decisions: ReportedDecisionView[], finnish: boolean, stage: ReportStage): ReportedDecisionTable[] {
  const label = labeller(finnish);
  const header = [label('date'), label('point'), label('delegate'), label('decision'), label('caseNumber')];
  return KIND_ORDER.map((kind) => ({ kind, decisions: decisions.filter((decision) => decision.kind === kind) }))
    .filter((group) => group.decisions.length > 0)
    .map((group) => ({
      heading: bilingual(kindHeading(group.kind, stage), finnish),
      rows: [
        header,
        ...group.decisions.map((decision) => [decision.decidedOn, decision.delegationPoint ?? '', delegateText(decision), decisionText(decision, finnish), decision.caseNumber ?? '']),
      ],
      columnWidths: COLUMN_WIDTHS,
    }));
}

/** "Inga delegationsbeslut eller ordförandebeslut har anmälts sedan föregående sammanträde." */
export function noReportedDecisionsText(finnish: boolean): string {
  return finnish ? `${LABEL_TERMS.noDelegatedDecisions.sv}\n${LABEL_TERMS.noDelegatedDecisions.fi}` : LABEL_TERMS.noDelegatedDecisions.sv;
}

/**
 * The report as lines of the notice e-mail: for an organ without Finnish one line per decision, as it always was
 * ("Punkt 3.2, 2026-01-02, Anna Berg, enhetschef: Beviljad skolskjuts (dnr SUN 2026/4)"); for an organ with Finnish the
 * lines come under their bilingual headings and the labels are given in both languages.
 */
export function reportedDecisionLines(decisions: ReportedDecisionView[], finnish: boolean): string[] {
  const label = labeller(finnish);
  const line = (decision: ReportedDecisionView) => {
    const point = decision.delegationPoint ? `${label('point')} ${decision.delegationPoint}, ` : '';
    const caseNumber = decision.caseNumber ? ` (${label('caseNumber').toLocaleLowerCase('sv-SE')} ${decision.caseNumber})` : '';
    return `${point}${decision.decidedOn}, ${delegateText(decision)}: ${decisionText(decision, finnish)}${caseNumber}`;
  };
  if (!finnish) return decisions.map(line);
  return KIND_ORDER.flatMap((kind) => {
    const ofKind = decisions.filter((decision) => decision.kind === kind);
    return ofKind.length === 0 ? [] : [`${bilingual(kindHeading(kind, 'notice'), true)}:`, ...ofKind.map(line)];
  });
}
