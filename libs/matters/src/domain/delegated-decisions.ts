export const DELEGATED_DECISION_KINDS = ['delegated', 'urgent_chair'] as const;
export type DelegatedDecisionKind = (typeof DELEGATED_DECISION_KINDS)[number];

/** registered: editable; in_minutes: listed in a draft's paragraph, fixed; reported: those minutes are verified. */
export const DELEGATED_DECISION_STATUSES = ['registered', 'in_minutes', 'reported'] as const;
export type DelegatedDecisionStatus = (typeof DELEGATED_DECISION_STATUSES)[number];

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
    .map((decision) => {
      // Only the report's own fields: a decision row carries more (its matter, its registrar) than a reader of the report may see.
      const line: ReportableDecision = {
        id: decision.id,
        kind: decision.kind,
        decisionText: decision.decisionText,
        delegationPoint: decision.delegationPoint,
        decidedOn: decision.decidedOn,
        delegateName: decision.delegateName,
        delegateTitle: decision.delegateTitle,
        caseNumber: decision.caseNumber,
      };
      return readable(decision) ? { ...line, masked: false } : { ...line, decisionText: SECRET_DECISION_TEXT, masked: true };
    });
}
