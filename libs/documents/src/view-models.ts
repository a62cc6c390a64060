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

/** A kallelse, a reviderad kallelse (time, place or agenda changed) or a tilläggskallelse (extra items only). */
export type NoticeKind = 'notice' | 'revised' | 'supplementary';

/** One document an item lays into the kallelse bundle. */
export type NoticeItemDocument =
  | { kind: 'officer_report'; report: OfficerReportView }
  | { kind: 'text'; document: TextDocumentView }
  /** A file whose content cannot be laid into the notice (image, spreadsheet, PDF without text): listed by title. */
  | { kind: 'file'; title: string; fileName: string };

export interface MeetingNoticeItemView {
  /** The item's number on the agenda; unique within the notice. */
  number: number;
  title: string;
  caseNumber: string | null;
  /** "Handlingar delges senare": the chair left the documents out; printed in the agenda row. */
  documentsLater: boolean;
  /** Closed (not public) item; printed as "(Ej offentligt)" after the title in the agenda. */
  closed: boolean;
  documents: NoticeItemDocument[];
}

/** A kallelse as ../shared/domain/documents.md describes it: the first page with the agenda, then the items' documents. */
export interface MeetingNoticeView {
  kind: NoticeKind;
  municipalityName: string;
  organName: string;
  /** ['sv'] or ['sv','fi']: with 'fi' every label is also given in Finnish ("Tid / Aika:"). */
  languages: ('sv' | 'fi')[];
  /** ["Social- och utbildningsnämndens ledamöter", "Ersättare för kännedom"] */
  addressees: string[];
  /** ISO instants with Z. */
  startsAt: string;
  endsAt: string | null;
  /** Already formatted, e.g. '13:00–14:00 (KD/M/S i sessionssalen, C/L/MP/V i smtr-rum "Säfsen", SD i smtr-rum "Grangärde")' */
  groupMeetingLines: string[];
  place: string;
  /** For a revised notice: what changed, one Swedish sentence each. Not printed on other kinds. */
  changes: string[];
  items: MeetingNoticeItemView[];
  chair: { name: string } | null;
  secretary: ContactLine | null;
}
