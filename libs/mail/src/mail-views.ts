/**
 * What the mail composers need to know about a meeting, already resolved from the database by the caller,
 * so that composing a mail is a pure function of its view and can be tested without Nest or PostgreSQL.
 */

export type NoticeMailKind = 'notice' | 'revised' | 'supplementary' | 'cancellation';

export interface MeetingMailView {
  municipalityName: string;
  organName: string; // "Social- och utbildningsnämnden"
  meetingId: string; // uuid, for the calendar UID
  startsAt: string; // ISO instant with Z
  endsAt: string; // ISO instant with Z
  place: string;
  groupMeetingLines: string[]; // already formatted, e.g. '13:00–14:00 (KD/M/S i sessionssalen, C/L/MP/V i smtr-rum "Säfsen", SD i smtr-rum "Grangärde")'
  meetingUrl: string; // link to the meeting in the app
  languages: ('sv' | 'fi')[];
  secretary: { name: string; email: string | null; phone: string | null } | null;
  /** iCalendar: SEQUENCE of this version; raised on every change of the meeting. */
  calendarSequence: number;
  /** Domain for UID and Message-ID, e.g. the host of PUBLIC_BASE_URL ("namndrum.ludvika.se"). */
  mailDomain: string;
  organizer: { name: string; email: string };
}

export interface NoticeMailView extends MeetingMailView {
  kind: NoticeMailKind;
  /** `titleFi`: the Finnish title the secretary entered, shown in the Finnish part for an organ with Finnish. `details`: lines listed under the item (the decisions "Anmälan av delegationsbeslut" reports). */
  items: { number: number; title: string; titleFi?: string | null; caseNumber: string | null; documentsLater: boolean; closed: boolean; details?: string[] }[];
  /** Revised: Swedish sentences naming what changed. */
  changes: string[];
  /** Set when the DOCX is too large to attach: where to download it. */
  documentUrl: string | null;
  documentFileName: string; // "Kallelse SUN 2023-01-11.docx"
  /** Cancellation: why the meeting is called off, as the secretary wrote it. */
  cancellationReason: string | null;
}

/**
 * How a recipient reads a notice: members (and a substitute called in to serve) are called to the meeting;
 * substitutes, officials with attendance rights and extra recipients receive it "för kännedom", for information.
 */
export type NoticeReading = 'invited' | 'for_information';

export interface SubstituteCallMailView extends MeetingMailView {
  kind: 'called' | 'released';
  substituteName: string;
  replacesName: string; // the absent member
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

export interface CalendarPart {
  method: 'REQUEST' | 'PUBLISH' | 'CANCEL';
  content: string;
}
