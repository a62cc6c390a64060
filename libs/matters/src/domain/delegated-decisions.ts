export const DELEGATED_DECISION_KINDS = ['delegated', 'urgent_chair'] as const;
export type DelegatedDecisionKind = (typeof DELEGATED_DECISION_KINDS)[number];

/** registered: editable; in_minutes: listed in a draft's paragraph, fixed; reported: those minutes are verified. */
export const DELEGATED_DECISION_STATUSES = ['registered', 'in_minutes', 'reported'] as const;
export type DelegatedDecisionStatus = (typeof DELEGATED_DECISION_STATUSES)[number];

/** The heading each kind is reported under. */
export const DELEGATED_DECISION_HEADINGS: Record<DelegatedDecisionKind, string> = {
  delegated: 'Delegationsbeslut',
  urgent_chair: 'Ordförandebeslut i brådskande ärenden (KL 6 kap. 39 §)',
};

/** What is shown of a decision in a secret matter to those who may not read the matter, and in every notice and minutes. */
export const SECRET_DECISION_TEXT = 'Beslut i sekretessärende';

export function delegatedDecisionStatus(decision: { reportedInParagraphId: string | null; reportedAt: Date | null }): DelegatedDecisionStatus {
  if (decision.reportedAt !== null) return 'reported';
  return decision.reportedInParagraphId !== null ? 'in_minutes' : 'registered';
}

/**
 * Which decisions a meeting reports. KL 6 kap. 40 § asks that every delegated decision be reported;
 * the list is fixed when the notice is finalized: the decisions taken on or before that day (never after
 * the meeting day) and registered before that moment, that no minutes have taken up yet. Those of
 * earlier periods that were registered too late for their meeting are therefore reported now, not lost;
 * those registered after the notice wait for the next meeting.
 */
export interface ReportCutoff {
  decidedOnOrBefore: string;
  registeredAtOrBefore: Date;
}

export function reportCutoff(meetingDate: string, noticeFinalizedAt: Date | null, now: Date, swedishDateOf: (at: Date) => string): ReportCutoff {
  const at = noticeFinalizedAt ?? now;
  const day = swedishDateOf(at);
  return { decidedOnOrBefore: day < meetingDate ? day : meetingDate, registeredAtOrBefore: at };
}

export interface ReportableDecision {
  id: string;
  kind: DelegatedDecisionKind;
  decisionText: string;
  delegationPoint: string | null;
  decidedOn: string;
  delegateName: string;
  delegateTitle: string | null;
  caseNumber: string | null;
}

/** One line of the report as a reader sees it: a decision in a secret matter the reader may not read keeps only its number, date, point and delegate. */
export interface ReportLine extends ReportableDecision {
  masked: boolean;
}

/** Ordered as the report prints them: delegated decisions first, then urgent chair decisions, each by date and point. */
export function reportLines(decisions: ReportableDecision[], readable: (decision: ReportableDecision) => boolean): ReportLine[] {
  const order = (kind: DelegatedDecisionKind) => DELEGATED_DECISION_KINDS.indexOf(kind);
  return [...decisions]
    .sort(
      (a, b) =>
        order(a.kind) - order(b.kind) ||
        a.decidedOn.localeCompare(b.decidedOn) ||
        (a.delegationPoint ?? '').localeCompare(b.delegationPoint ?? '', 'sv', { numeric: true }) ||
        a.id.localeCompare(b.id),
    )
    .map((decision) => (readable(decision) ? { ...decision, masked: false } : { ...decision, decisionText: SECRET_DECISION_TEXT, masked: true }));
}

/** "3.2 · 2026-01-10 · Anna Berg, enhetschef · Beslut om … (SUN 2026/4)" */
export function reportLineText(line: ReportLine): string {
  const delegate = line.delegateTitle ? `${line.delegateName}, ${line.delegateTitle}` : line.delegateName;
  const point = line.delegationPoint ? `Punkt ${line.delegationPoint}, ` : '';
  const caseNumber = line.caseNumber ? ` (dnr ${line.caseNumber})` : '';
  return `${point}${line.decidedOn}, ${delegate}: ${line.decisionText}${caseNumber}`;
}

/** The lines under their headings, only the kinds that have any. */
export function reportSections(lines: ReportLine[]): { heading: string; lines: ReportLine[] }[] {
  return DELEGATED_DECISION_KINDS.map((kind) => ({ heading: DELEGATED_DECISION_HEADINGS[kind], lines: lines.filter((line) => line.kind === kind) })).filter(
    (section) => section.lines.length > 0,
  );
}

/** The report as the body text of a paragraph of the minutes: headings and a bullet per decision ("- "). */
export function reportBodyText(lines: ReportLine[]): string {
  if (lines.length === 0) return 'Inga delegationsbeslut eller ordförandebeslut har anmälts sedan föregående sammanträde.';
  return reportSections(lines)
    .map((section) => `${section.heading}:\n\n${section.lines.map((line) => `- ${reportLineText(line)}`).join('\n')}`)
    .join('\n\n');
}
