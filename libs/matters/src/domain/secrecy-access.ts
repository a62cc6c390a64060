/**
 * Who may see a secret matter and its secret documents: the members of the organ handling it, its
 * secretaries, and the department handling it. Everyone else is told it does not exist (404).
 */
export interface SecrecyAccess {
  /** System actions (seeds, jobs) see everything. */
  all: boolean;
  organIds: string[];
  departmentIds: string[];
}

export interface SecrecyScope {
  organId: string | null;
  departmentId: string | null;
}

export function hasSecrecyAccess(access: SecrecyAccess, scope: SecrecyScope): boolean {
  return (
    access.all ||
    (scope.organId !== null && access.organIds.includes(scope.organId)) ||
    (scope.departmentId !== null && access.departmentIds.includes(scope.departmentId))
  );
}

export function canSeeMatter(access: SecrecyAccess, matter: SecrecyScope & { secret: boolean }): boolean {
  return !matter.secret || hasSecrecyAccess(access, matter);
}

export function canSeeDocument(access: SecrecyAccess, matter: SecrecyScope & { secret: boolean }, document: { secret: boolean }): boolean {
  return canSeeMatter(access, matter) && (!document.secret || hasSecrecyAccess(access, matter));
}

/** What a reader without access sees of a secret matter: its case number and this title, or the public title the registrar gave. */
export const MASKED_MATTER_TITLE = 'Sekretessärende';

/** What the rule needs to know of a matter: its scope, its secrecy and whether its tjänsteskrivelse is registered as a secret document. */
export interface SecrecySubject extends SecrecyScope {
  caseNumber: string;
  title: string;
  secret: boolean;
  publicTitle: string | null;
  /** The tjänsteskrivelse's registered document is marked secret: the report is secret though the matter is not. */
  secretReport: boolean;
}

/**
 * How one reader may see one matter, wherever its content is carried (API, DOCX, e-mail, public pages,
 * audit). `contentReadable` false means: show the case number and `title` and nothing else that comes
 * from the matter or its tjänsteskrivelse (description, proposal, report text, document names, decision text).
 */
export interface MatterReading {
  caseNumber: string;
  /** The real title, or the masked one ("Sekretessärende" or the public title) when the matter is secret to this reader. */
  title: string;
  /** The title itself is masked. */
  masked: boolean;
  /** The description, the tjänsteskrivelse, the proposal, the decision text and the documents may be shown. */
  contentReadable: boolean;
  /** The reader has access to the matter's secrets (organ, department, system): secret documents too. */
  entitled: boolean;
}

/**
 * The titles shown in place of a matter's own to a reader it is masked to: the masked title, and no
 * Finnish title (the secretary's translation of the real one).
 */
export function maskedTitles(reading: MatterReading): { title: string; titleFi: null } {
  return { title: reading.title, titleFi: null };
}

/** The masked title of a secret matter: the registrar's public title, else "Sekretessärende". */
export function maskedTitle(matter: { publicTitle: string | null }): string {
  return matter.publicTitle?.trim() || MASKED_MATTER_TITLE;
}

/**
 * The one rule: who may read a secret matter or a secret tjänsteskrivelse reads it; everyone else sees
 * the case number and a neutral title. A secret report in a public matter leaves the title readable
 * and hides the report's content (and what is drawn from it).
 */
export function readMatter(access: SecrecyAccess, matter: SecrecySubject): MatterReading {
  const entitled = hasSecrecyAccess(access, matter);
  if (matter.secret && !entitled) return { caseNumber: matter.caseNumber, title: maskedTitle(matter), masked: true, contentReadable: false, entitled };
  return { caseNumber: matter.caseNumber, title: matter.title, masked: false, contentReadable: entitled || !matter.secretReport, entitled };
}

/** No access to anything secret: the public, recipients outside the organisation, published documents. */
export const PUBLIC_ACCESS: SecrecyAccess = Object.freeze({ all: false, organIds: [], departmentIds: [] }) as SecrecyAccess;

/** A line of a matter's history as the reader may see it: the decision text a verified paragraph copied in is left out when the content is not readable. */
export function matterEventAsRead<T extends { data: Record<string, unknown> }>(event: T, reading: MatterReading | undefined): T {
  if (!reading || reading.contentReadable || !('decision' in event.data)) return event;
  const { decision: _hidden, ...data } = event.data;
  return { ...event, data };
}
