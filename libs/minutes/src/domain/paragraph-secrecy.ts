import { maskedTitles, MatterReading } from '@namndrum/matters';

/** Said in place of a paragraph's content to a reader who may not read it. */
export const SECRET_PARAGRAPH_NOTE = 'Uppgifterna i paragrafen omfattas av sekretess enligt offentlighets- och sekretesslagen och redovisas inte här.';

/** Said in an e-mailed protokollsutdrag in place of a decision its recipient may not read. */
export const SECRET_DECISION_NOTE = 'Beslutet omfattas av sekretess enligt offentlighets- och sekretesslagen och lämnas ut av nämndens kansli efter sekretessprövning.';

/** The paragraph fields the API returns that may carry the matter's or the meeting's words about it. */
export interface ParagraphContent {
  title: string;
  titleFi?: string | null;
  proposal: string[];
  decision: string[];
  description: string | null;
  decisionBasis: string[];
  distribution: { name: string; email: string | null }[];
  propositions: unknown[];
  decisionProcedure: string[];
  motions: { text: string | null }[];
  votes: unknown[];
  dissents: { reasons: string | null }[];
  notes: { text: string }[];
  disqualifications: { reason: string | null }[];
}

/**
 * A paragraph as a reader without access to its matter may see it: the number, the case number and the
 * masked title (the real title when only the tjänsteskrivelse is secret), who took part, and nothing of
 * the proposal, the motions, the decision, the reasons or the recipients. The record itself is untouched.
 */
export function paragraphAsRead<T extends ParagraphContent>(paragraph: T, reading: MatterReading | undefined): T {
  if (!reading || reading.contentReadable) return paragraph;
  return {
    ...paragraph,
    ...(reading.masked ? maskedTitles(reading) : { title: reading.title }),
    proposal: [],
    decision: [],
    description: SECRET_PARAGRAPH_NOTE,
    decisionBasis: [],
    distribution: [],
    propositions: [],
    decisionProcedure: [],
    motions: paragraph.motions.map((motion) => ({ ...motion, text: null })),
    votes: [],
    dissents: paragraph.dissents.map((dissent) => ({ ...dissent, reasons: null })),
    notes: [],
    disqualifications: paragraph.disqualifications.map((row) => ({ ...row, reason: null })),
  };
}

/** The rendered form of a paragraph (protokoll, protokollsutdrag), masked by the same rule. */
export interface ParagraphViewContent {
  title: string;
  titleFi?: string | null;
  decision: string[];
  motions: string[];
  decisionProcedure: string[];
  vote: unknown;
  dissents: { reasons: string | null }[];
  notes: unknown[];
  description: string | null;
  decisionBasis: string[];
  distribution: string[];
}

export function paragraphViewAsRead<T extends ParagraphViewContent>(view: T, reading: MatterReading | undefined): T {
  if (!reading || reading.contentReadable) return view;
  return {
    ...view,
    ...(reading.masked ? maskedTitles(reading) : { title: reading.title }),
    decision: [],
    motions: [],
    decisionProcedure: [],
    vote: null,
    dissents: view.dissents.map((dissent) => ({ ...dissent, reasons: null })),
    notes: [],
    description: SECRET_PARAGRAPH_NOTE,
    decisionBasis: [],
    distribution: [],
  };
}
