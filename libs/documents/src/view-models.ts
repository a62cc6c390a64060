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
  blocks: ({ kind: 'heading'; level: 1 | 2 | 3; text: string } | { kind: 'paragraph'; text: string } | { kind: 'bullet'; text: string } | { kind: 'table'; rows: string[][]; columnWidths?: number[] })[];
}

/** A kallelse, a reviderad kallelse (time, place or agenda changed) or a tilläggskallelse (extra items only). */
export type NoticeKind = 'notice' | 'revised' | 'supplementary';

/** One document of an item in the kallelse bundle; each becomes pages of its own, in order, after the kallelse's own pages. */
export type NoticeItemDocument =
  | { kind: 'officer_report'; report: OfficerReportView }
  | { kind: 'text'; document: TextDocumentView }
  /** Only named, on a page of its own: a secret document ("… – delges separat") or a file the bundle cannot show. */
  | { kind: 'file'; title: string; fileName: string }
  /** A registered file the bundle converts to PDF as it is stored (DOCX, PDF, spreadsheet, image). */
  | { kind: 'stored'; title: string; fileName: string; mediaType: string; sha256: string; documentId: string };

/** Pages of the bundle, 1-based and inclusive: "5" when first and last are one page, "5 - 6" otherwise. */
export interface PageRange {
  first: number;
  last: number;
}

export interface MeetingNoticeItemView {
  /** The item's number on the agenda; unique within the notice. */
  number: number;
  title: string;
  /** The Finnish title the secretary entered, printed under the title for an organ with Finnish; null when none. */
  titleFi?: string | null;
  caseNumber: string | null;
  /** "Handlingar delges senare": the chair left the documents out; printed in the agenda row. */
  documentsLater: boolean;
  /** Closed (not public) item; printed as "(Ej offentligt)" after the title in the agenda. */
  closed: boolean;
  documents: NoticeItemDocument[];
  /** Where the item's documents are in the rendered bundle, printed in the Sida column; null (or left out) when it has none or they are not laid out yet. */
  pages?: PageRange | null;
}

/** A kallelse as ../shared/domain/documents.md describes it: its own pages with the agenda; the items' documents follow in the PDF bundle. */
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

/** How an indicator's values are read: whether a higher value is better, a lower one, or neither. */
export type IndicatorDirection = 'higher_is_better' | 'lower_is_better' | 'none';

/** An indicator's actual value (utfall) for a year. */
export interface IndicatorActualView {
  year: number;
  /** The value for the chart; null when it is missing. */
  value: number | null;
  /** As printed in the table: "12,3", "–", "45%". */
  display: string;
  /** Printed with the footnote "Preliminärt". */
  preliminary: boolean;
  /** A note on the value ("Avser november 2022"), printed as a footnote to it. */
  note: string | null;
  /** Keys of the overview's footnotes that the value refers to. */
  footnotes: string[];
}

/** An indicator's target (målvärde) for a year. */
export interface IndicatorTargetView {
  year: number;
  /** A numeric target, for the chart; null for a target that is not a number ("≥ föreg. år", "implementerat"). */
  value: number | null;
  /** As printed in the table: "≥ 80", "≥ föreg. år", "implementerat". */
  display: string;
  /** Keys of the overview's footnotes that the target refers to. */
  footnotes: string[];
}

/** One indicator (resultatmått) with its actual values and targets per year. */
export interface IndicatorSeriesView {
  name: string;
  /** "%", "kWh/kvadratmeter"; given on the chart's y-axis. */
  unit: string | null;
  /** The decimals its values are given with; the chart labels its points with as many. */
  decimals: number;
  direction: IndicatorDirection;
  actuals: IndicatorActualView[];
  targets: IndicatorTargetView[];
  /** "Källa: Kolada" when the values come from Kolada. */
  source: string | null;
  /** Keys of the overview's footnotes that the indicator as a whole refers to; marked after its name. */
  footnotes?: string[];
  /**
   * An ordinal indicator's scale: the labels of its states, lowest first ("Ej påbörjat" … "Sammanställt"). Its
   * actuals' and targets' `value` is then the state's step on this list (0 for the first), drawn as a step of the chart.
   */
  scaleLabels?: string[] | null;
  /** Its sub-measures, listed under it in the table; drawn in one chart as its series when it has no values of its own. */
  subMeasures?: IndicatorSeriesView[];
  /** The name of the indicator's tier ("Delmått"), printed before a sub-measure's name in the table. */
  tierName?: string | null;
}

/** A verksamhetsmål with what it means, what is worked for in particular, and its indicators. */
export interface GoalOverviewGoalView {
  title: string;
  /** "Det här menar vi med målet": a body text, blank lines between paragraphs. */
  meaning: string | null;
  /** "Det här jobbar vi särskilt för": one bullet each. */
  workingFor: string[];
  indicators: IndicatorSeriesView[];
}

/**
 * "Övergripande verksamhetsmål och resultatmått med målvärden för perioden 2021–2025": per goal its texts and a table of
 * its indicators' actual values and targets per year, optionally with a chart per indicator.
 */
export interface GoalsOverviewView {
  municipalityName: string;
  title: string;
  /** ISO date (YYYY-MM-DD) the document is dated, or null. */
  date: string | null;
  /** Paragraphs before the goals. */
  intro: string[];
  /** The years of the Utfall columns, in order (2018 … 2022). */
  actualYears: number[];
  /** The years of the Målvärde columns, in order (2021 … 2025). */
  targetYears: number[];
  goals: GoalOverviewGoalView[];
  /**
   * The footnotes values, targets and indicators refer to by key. They are numbered 1, 2 … in the order they are first
   * referred to; a footnote nothing refers to is printed under "Noter" at the end.
   */
  footnotes: { key: string; text: string }[];
  /** Whether each indicator is also drawn as a chart below its goal's table. */
  includeCharts: boolean;
  /** "Bilaga 1": printed at the top of every page when given. */
  attachmentLabel?: string | null;
  /**
   * The framework's own words for the headings; left out, Ludvika's: "Det här jobbar vi särskilt för",
   * "Resultatmått och målvärden" and "Resultatmått" over the table's first column.
   */
  headings?: GoalsOverviewHeadings;
}

/** Headings of the overview in the framework's own words (its level names and indicator tiers). */
export interface GoalsOverviewHeadings {
  /** Over the goals one level down that a goal lists ("Strategiska mål"). */
  workingFor: string;
  /** Over a goal's table ("Indikatorer och målvärden"). */
  indicators: string;
  /** The table's first column ("Indikator"). */
  indicatorColumn: string;
}

/** An activity of a plan for målaktiviteter. */
export interface ActivityPlanActivityView {
  /** Its number within its group, as printed in the Nr column. */
  number: number;
  /** Förvaltning/bolag: "SOU och KSF". */
  responsible: string;
  /** Verksamhet: "Förskola och skola". */
  unitOfWork: string | null;
  /** Aktivitet. */
  text: string;
  /** Antal: "10", "50-75". */
  quantity: string | null;
  /** Enhet: "studenter". */
  unit: string | null;
  /** Övrigt/kommentar. */
  comment: string | null;
}

/** The activities of a plan for one of the things worked for (one indicator). */
export interface ActivityPlanGroupView {
  number: number;
  /** "4. Utbildningen i förskolan ska stärkas" */
  heading: string;
  /** Mål: "En av landets bästa skolkommuner". */
  goal: string | null;
  /** Vi jobbar för att: "Utbildningen i förskolan ska stärkas". */
  workingFor: string | null;
  /** Resultatmått: "Andel personal inom förskolan med förskollärarlegitimation". */
  indicator: string | null;
  activities: ActivityPlanActivityView[];
}

/** "Social- och utbildningsförvaltningens plan för målaktiviteter 2023": per group a heading and a table of activities. */
export interface ActivityPlanView {
  municipalityName: string;
  title: string;
  groups: ActivityPlanGroupView[];
  /** ISO date (YYYY-MM-DD) the plan is dated. */
  date?: string | null;
  /** Paragraphs before the groups ("Aktiviteterna ska bidra till att resultatmåtten förbättras …"). */
  intro?: string[];
  /** "Bilaga 2": printed at the top of every page when given. */
  attachmentLabel?: string | null;
  /** The labels of a group's lines in the framework's own words; left out, Ludvika's "Mål", "Vi jobbar för att", "Resultatmått". */
  lineLabels?: { goal: string; workingFor: string; indicator: string };
}

/** A table of counts, e.g. the activities per arbetsgrupp, with the sum in a last row "Sammanlagt". */
export interface ActivitySummaryTableView {
  heading: string;
  /** The header row. */
  columns: string[];
  rows: string[][];
  /** Printed in the last column of a row "Sammanlagt"; no such row when null. */
  total: string | null;
}

/** Summary tables of a group's activities: per arbetsgrupp, per koncernenhet. */
export interface ActivitySummaryView {
  municipalityName: string;
  title: string;
  /** "16 av 17 grupper har lämnat sina förslag" */
  note: string | null;
  tables: ActivitySummaryTableView[];
  /** ISO date (YYYY-MM-DD) the summary is dated. */
  date?: string | null;
  /** "Bilaga 3": printed at the top of every page when given. */
  attachmentLabel?: string | null;
}
