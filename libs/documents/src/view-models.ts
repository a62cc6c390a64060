/**
 * Plain view models the renderers take: everything is already resolved to display text, so rendering
 * needs no database and no other context.
 */

export interface ContactLine {
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
}

/** A tjänsteskrivelse as ../shared/domain/documents.md describes it. */
export interface OfficerReportView {
  municipalityName: string;
  departmentName: string;
  /** ISO date (YYYY-MM-DD) the report is dated; rendered in Swedish ("14 december 2022"). */
  date: string;
  caseNumber: string;
  caseOfficer: ContactLine;
  /** The organ the report is addressed to ("Social- och utbildningsnämnden"). */
  organName: string;
  title: string;
  /** Förvaltningens förslag till beslut: rendered as a numbered list when there is more than one point. */
  proposedDecision: string[];
  summary: string | null;
  description: string;
  financialConsequences: string | null;
  /** Further headed sections, in order, rendered after the description and before the financial consequences. */
  sections: { heading: string; body: string }[];
  /** Bilagor: the titles of the matter's attached documents. */
  attachments: string[];
  decisionRecipients: string[];
  /** The förvaltningschef who signs; null on an unsigned draft. */
  signature: { name: string; title: string; signedAt: string | null } | null;
  /** Set on drafts and reports under review, printed as a watermark-like notice ("UTKAST"). */
  draftNotice: string | null;
}

/** A registered text document without a dedicated layout (e.g. an instruktion from the seed). */
export interface TextDocumentView {
  municipalityName: string;
  title: string;
  /** Blocks in order; a heading has a level 1–3. */
  blocks: ({ kind: 'heading'; level: 1 | 2 | 3; text: string } | { kind: 'paragraph'; text: string } | { kind: 'bullet'; text: string } | { kind: 'table'; rows: string[][] })[];
}
