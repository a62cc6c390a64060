import { createHash } from 'node:crypto';

export const OFFICER_REPORT_STATUSES = ['draft', 'submitted', 'returned', 'signed'] as const;
export type OfficerReportStatus = (typeof OFFICER_REPORT_STATUSES)[number];

export const OFFICER_REPORT_STATUS_LABELS: Record<OfficerReportStatus, string> = {
  draft: 'Utkast',
  submitted: 'Inskickad för granskning',
  returned: 'Återsänd för komplettering',
  signed: 'Signerad',
};

export type OfficerReportAction = 'edit' | 'submit' | 'approve' | 'return';

/** draft → submitted → signed, or submitted → returned → (edited) → submitted again. Signed is final. */
const ALLOWED: Record<OfficerReportStatus, OfficerReportAction[]> = {
  draft: ['edit', 'submit'],
  returned: ['edit', 'submit'],
  submitted: ['approve', 'return'],
  signed: [],
};

export function canPerform(status: OfficerReportStatus, action: OfficerReportAction): boolean {
  return ALLOWED[status].includes(action);
}

/** The structured text of a tjänsteskrivelse: what the förvaltningschef signs. */
export interface OfficerReportContent {
  title: string;
  proposedDecision: string[];
  summary: string | null;
  description: string;
  financialConsequences: string | null;
  sections: { heading: string; body: string }[];
  decisionRecipients: string[];
}

/** JSON with object keys sorted at every level, so equal content always gives equal bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Everything a signature covers: the text, whom it is addressed to, who wrote it and which documents are attached. */
export interface SignedReportBody {
  matterId: string;
  caseNumber: string;
  version: number;
  organId: string;
  caseOfficerId: string | null;
  attachmentDocumentIds: string[];
  content: OfficerReportContent;
}

export function reportContentHash(body: SignedReportBody): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}
