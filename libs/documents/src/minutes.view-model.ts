/**
 * The view models of a protokoll, a protokollsutdrag and minnesanteckningar (../shared/domain/documents.md).
 * Everything is resolved to display text; dates are ISO (YYYY-MM-DD), times HH:MM in Swedish time.
 */

import type { ReportedDecisionView } from './delegation-report';

/** Protokoll of a deciding organ, or minnesanteckningar of a råd or beredning (no justering, anslag or votes). */
export type MinutesKind = 'minutes' | 'notes';

/** A person in the attendance lists: "Håkan Frank (M)" and what qualifies the presence. */
export interface AttendeeLine {
  name: string;
  party: string | null;
  /** The official's title ("Förvaltningschef"); null for elected members. */
  title: string | null;
  /** "tjänstgörande ersättare för Anna Exempelsson (S)", "ej § 5", "§§ 3–7", "tjänstgörande ersättare § 5"; null when present throughout. */
  note: string | null;
}

export interface VoteRowView {
  name: string;
  party: string | null;
  /** "tjänstgörande ersättare" for a substitute who votes in a member's place; null for a member. */
  note: string | null;
  choice: 'yes' | 'no' | 'abstain';
}

/** An omröstning: each serving member's Ja / Nej / Avstår, the totals and the chair's casting vote. */
export interface VoteView {
  /** What a Ja-röst was for ("bifall till förvaltningens förslag"). */
  yesLabel: string;
  noLabel: string;
  rows: VoteRowView[];
  yes: number;
  no: number;
  abstain: number;
  /** On a tie: "Ordföranden Håkan Frank (M) använder sin utslagsröst för Ja"; otherwise null. */
  castingVote: string | null;
  /** "Nämnden har beslutat enligt förvaltningens förslag." */
  result: string;
}

export interface ParagraphView {
  /** The § number: numbers run per organ per calendar year. */
  number: number;
  caseNumber: string | null;
  title: string;
  /** The Finnish title the secretary entered on the agenda item, printed under the title where the organ has Finnish. */
  titleFi?: string | null;
  /** The preparing utskott's paragraph ("Au § 4"), shown beside the number; null if none. */
  preparedIn: string | null;
  /** The decision, as numbered points when more than one. */
  decision: string[];
  /** Yrkanden as sentences ("Erik Testberg (S) yrkar att ..."); empty when the proposal was approved without motions. */
  motions: string[];
  /** Beslutsgång as sentences in order; empty when the decision was simply the proposal. */
  decisionProcedure: string[];
  vote: VoteView | null;
  dissents: { name: string; party: string | null; reasons: string | null }[];
  /** Protokollsanteckningar, entered with the chair's permission. */
  notes: { name: string | null; party: string | null; text: string }[];
  /** Jäv: who left the room for this paragraph, and who served instead. */
  disqualifications: { name: string; party: string | null; substitute: string | null }[];
  /** Beskrivning av ärendet (short). */
  description: string | null;
  /** Anmälan av delegationsbeslut: the decisions reported, printed as a table per kind; absent or null on other paragraphs. */
  reportedDecisions?: ReportedDecisionView[] | null;
  /** Beslutsunderlag: the documents the decision rests on. */
  decisionBasis: string[];
  /** Beslut skickas till. */
  distribution: string[];
  /** "Omedelbart justerad" under the paragraph. */
  approvedAtMeeting: boolean;
}

/** An electronic approval: who, in which role, when, bound to the content's sha256. */
export interface ApprovalView {
  role: 'Ordförande' | 'Justerande' | 'Sekreterare';
  name: string;
  /** ISO instant, rendered as "2023-01-16 kl. 10:12". */
  approvedAt: string;
  /** How the approver signed in, in Swedish ("Ludvika kommuns konto"); absent for approvals recorded before it was kept. */
  authentication?: string | null;
}

/** The ANSLAG/BEVIS box: what was posted on the notice board and when. */
export interface PostingView {
  organName: string;
  meetingDate: string;
  /** "§§ 1–7" */
  paragraphs: string;
  postedOn: string;
  takenDownOn: string;
  /** Last day an appeal may arrive (laglighetsprövning). */
  lastAppealDay: string;
  /** Förvaringsplats för protokollet. */
  storagePlace: string;
  /** Who certifies the posting (the secretary). */
  signedBy: string | null;
}

export interface MinutesView {
  kind: MinutesKind;
  /** The organ's languages: with 'fi' every heading and label is also given in Finnish ("Beslut / Päätös"); Swedish only when absent. */
  languages?: ('sv' | 'fi')[];
  municipalityName: string;
  organName: string;
  meetingDate: string;
  place: string;
  startTime: string;
  endTime: string;
  /** Ajourneringar, HH:MM spans. */
  adjournments: { from: string; to: string }[];
  /** Beslutande: members present and serving substitutes. */
  deciding: AttendeeLine[];
  /** Ej tjänstgörande ersättare. */
  nonServingSubstitutes: AttendeeLine[];
  /** Övriga närvarande: tjänstemän (with title). */
  officials: AttendeeLine[];
  /** Övriga närvarande: others. */
  others: AttendeeLine[];
  /** Utses att justera: names with party. */
  verifiers: string[];
  /** "Social- och utbildningsförvaltningen, 16 januari 2023 kl. 10:00"; null until set. */
  verificationPlaceAndTime: string | null;
  /** "§§ 1–7" ("§ 4" for a single paragraph). */
  paragraphRange: string;
  /** Names under Underskrifter. */
  signatures: { secretary: string | null; chair: string | null; verifiers: string[] };
  /** Electronic approvals, printed under the signatures. Empty before verification. */
  approvals: ApprovalView[];
  /** The sha256 the approvals are bound to; null before verification. */
  contentSha256: string | null;
  /** Null for notes and before the posting dates are known. */
  posting: PostingView | null;
  paragraphs: ParagraphView[];
  /** "UTKAST – ej justerat" on drafts; null on verified minutes. */
  draftNotice: string | null;
  /** Said under the date when the minutes hold personal data (their paragraphs are then not published); absent or null otherwise. */
  personalDataNotice?: string | null;
}

/** A protokollsutdrag: one paragraph with the protocol's header and the Utdragsbestyrkande. */
export interface MinutesExtractView {
  /** As in {@link MinutesView}: Finnish labels as well for an organ with Finnish. */
  languages?: ('sv' | 'fi')[];
  municipalityName: string;
  organName: string;
  meetingDate: string;
  paragraph: ParagraphView;
  /** "Justerat 16 januari 2023 av Håkan Frank och Anna Exempelsson", or for an omedelbart justerad paragraph the same with that date. */
  verification: string;
  posting: PostingView | null;
  /** Utdragsbestyrkande: who certifies that the extract agrees with the original. */
  certifiedBy: string | null;
}
