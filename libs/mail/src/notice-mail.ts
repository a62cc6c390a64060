import { createEvent, type EventAttributes } from 'ics';
import { foldCalendarLines, unfoldCalendarLines } from './calendar-lines';
import {
  HTML_FOOT,
  HTML_HEAD,
  compileHtml,
  compileText,
  contactInline,
  contactPerson,
  finnishMeetingTime,
  meetingTimes,
  requireWebUrl,
  subjectLine,
  swedishMeetingTime,
  swedishWeekdayDateTime,
  tidyText,
  wantsFinnish,
  type FinnishSummary,
  type MeetingModel,
  type MeetingTimes,
} from './mail-common';
import { DOCUMENT_KIND_TERMS, LABEL_TERMS, type Term } from '@namndrum/documents';
import type { CalendarPart, ComposedMail, MeetingMailView, NoticeMailKind, NoticeMailView, NoticeReading, SubstituteCallMailView } from './mail-views';

/** The kinds' names as the kallelse DOCX and the public pages give them. */
const SUBJECT_LABELS: Record<NoticeMailKind, Term> = {
  notice: DOCUMENT_KIND_TERMS.notice,
  revised: DOCUMENT_KIND_TERMS.revised,
  supplementary: DOCUMENT_KIND_TERMS.supplementary,
  cancellation: DOCUMENT_KIND_TERMS.cancellation,
};

const FINNISH_INTRO: Record<NoticeMailKind, string> = {
  notice: 'Sinut kutsutaan kokoukseen.',
  revised: 'Kokouskutsua on muutettu. Muutokset on kuvattu yllä ruotsiksi.',
  supplementary: 'Kokouksen esityslistalle on lisätty asioita, jotka on lueteltu yllä.',
  cancellation: 'Kokous on peruttu.',
};

interface AgendaRow {
  number: number;
  title: string;
  caseNumber: string | null;
  notes: string[];
  details: string[];
}

interface NoticeModel extends MeetingModel {
  recipientName: string;
  intro: string;
  reason: string | null;
  changes: string[];
  agenda: { heading: string; items: AgendaRow[] } | null;
  document: { fileName: string; url: string | null } | null;
}

const noticeHtml = compileHtml(`${HTML_HEAD}<p style="margin:0 0 16px;">Hej {{recipientName}}!</p>
<p style="margin:16px 0;">{{intro}}</p>
{{#if reason}}
<p style="margin:16px 0;"><strong>Skäl:</strong> {{reason}}</p>
{{/if}}
{{#if changes.length}}
<p style="margin:16px 0 4px;"><strong>Ändringar:</strong></p>
<ul style="margin:0 0 16px;">
{{#each changes}}
<li>{{this}}</li>
{{/each}}
</ul>
{{/if}}
{{> meetingFacts}}
{{#if agenda}}
<h2 style="font-size:17px;margin:24px 0 8px;">{{agenda.heading}}</h2>
<table style="border-collapse:collapse;margin:0 0 16px;">
<thead>
<tr>
<th scope="col" style="text-align:left;padding:4px 8px 4px 0;border-bottom:1px solid #999999;">Nr</th>
<th scope="col" style="text-align:left;padding:4px 8px;border-bottom:1px solid #999999;">Ärende</th>
<th scope="col" style="text-align:left;padding:4px 0 4px 8px;border-bottom:1px solid #999999;">Dnr</th>
</tr>
</thead>
<tbody>
{{#each agenda.items}}
<tr>
<td style="vertical-align:top;padding:4px 8px 4px 0;">{{number}}</td>
<td style="vertical-align:top;padding:4px 8px;">{{title}}{{#each notes}}<br><em>{{this}}</em>{{/each}}{{#if details.length}}<ul style="margin:4px 0 0;padding-left:18px;">{{#each details}}<li>{{this}}</li>{{/each}}</ul>{{/if}}</td>
<td style="vertical-align:top;padding:4px 0 4px 8px;white-space:nowrap;">{{caseNumber}}</td>
</tr>
{{/each}}
</tbody>
</table>
{{/if}}
<p style="margin:16px 0;"><a href="{{meetingUrl}}">Öppna sammanträdet i Nämndrum</a></p>
{{#if document}}
{{#if document.url}}
<p style="margin:16px 0;">Kallelsen med handlingar (”{{document.fileName}}”) är för stor för att skickas med e-post. <a href="{{document.url}}">Ladda ner kallelsen</a></p>
{{else}}
<p style="margin:16px 0;">Kallelsen med handlingar finns i den bifogade filen ”{{document.fileName}}”.</p>
{{/if}}
{{/if}}
{{> contact}}
{{> finnish}}
{{> closing}}
${HTML_FOOT}`);

const noticeText = compileText(`Hej {{recipientName}}!

{{intro}}
{{#if reason}}

Skäl: {{reason}}
{{/if}}
{{#if changes.length}}

Ändringar:
{{#each changes}}
- {{this}}
{{/each}}
{{/if}}

{{> meetingFacts}}
{{#if agenda}}

{{agenda.heading}}
{{#each agenda.items}}
{{number}}. {{title}}{{#if caseNumber}} (dnr {{caseNumber}}){{/if}}{{#each notes}} – {{this}}{{/each}}
{{#each details}}
   - {{this}}
{{/each}}
{{/each}}
{{/if}}

Öppna sammanträdet i Nämndrum:
{{meetingUrl}}
{{#if document}}

{{#if document.url}}
Kallelsen med handlingar (”{{document.fileName}}”) är för stor för att skickas med e-post. Ladda ner den här:
{{document.url}}
{{else}}
Kallelsen med handlingar finns i den bifogade filen ”{{document.fileName}}”.
{{/if}}
{{/if}}

{{> contact}}
{{> finnish}}

{{> closing}}
`);

function intro(view: NoticeMailView, times: MeetingTimes, reading: NoticeReading): string {
  const forInformation = reading === 'for_information';
  switch (view.kind) {
    case 'notice':
      return forInformation ? `Du får kallelsen till sammanträdet med ${view.organName} för kännedom.` : `Du kallas till sammanträde med ${view.organName}.`;
    case 'revised':
      return `Kallelsen till sammanträdet med ${view.organName} har reviderats.${forInformation ? ' Du får den för kännedom.' : ''}`;
    case 'supplementary':
      return `Ytterligare ärenden har lagts till inför sammanträdet med ${view.organName}.${forInformation ? ' Du får tilläggskallelsen för kännedom.' : ''}`;
    case 'cancellation':
      return `Sammanträdet med ${view.organName} ${swedishWeekdayDateTime(times.start)} är inställt.`;
  }
}

/** A cancellation tells everyone alike; the other kinds say "för kännedom" to those not called to the meeting. */
function readsForInformation(view: NoticeMailView, reading: NoticeReading): boolean {
  return reading === 'for_information' && view.kind !== 'cancellation';
}

function cancellationReason(view: NoticeMailView): string | null {
  const reason = view.kind === 'cancellation' ? (view.cancellationReason?.trim() ?? '') : '';
  return reason === '' ? null : reason;
}

function agenda(view: NoticeMailView): NoticeModel['agenda'] {
  // A cancelled meeting has no agenda to prepare, and listing one would suggest it still takes place.
  if (view.kind === 'cancellation') return null;
  return {
    heading: view.kind === 'supplementary' ? 'Följande ärenden har lagts till:' : 'Ärenden:',
    items: view.items.map((item) => ({
      number: item.number,
      title: item.title,
      caseNumber: item.caseNumber,
      notes: [...(item.documentsLater ? ['Handlingar delges senare'] : []), ...(item.closed ? ['Ej offentligt'] : [])],
      details: item.details ?? [],
    })),
  };
}

function finnishSummary(view: NoticeMailView, times: MeetingTimes, documentUrl: string | null, reading: NoticeReading): FinnishSummary | null {
  if (!wantsFinnish(view)) return null;
  const forInformation = readsForInformation(view, reading);
  const receivedForInformation = `Saat kokouskutsun ${LABEL_TERMS.forInformation.fi}.`;
  const sentences = view.kind === 'notice' && forInformation ? [receivedForInformation] : [FINNISH_INTRO[view.kind]];
  if (forInformation && view.kind !== 'notice') sentences.push(receivedForInformation);
  const reason = cancellationReason(view);
  // The reason is the secretary's Swedish text: given as written.
  if (reason) sentences.push(`${LABEL_TERMS.cancellationReason.fi}: ${reason}`);
  const links = [{ label: 'Linkki kokoukseen', url: view.meetingUrl }];
  if (view.kind !== 'cancellation') {
    if (documentUrl) {
      sentences.push('Kokouskutsu asiakirjoineen on liian suuri sähköpostiin, mutta sen voi ladata alla olevasta linkistä.');
      links.push({ label: 'Lataa kokouskutsu', url: documentUrl });
    } else {
      sentences.push('Kokouskutsu asiakirjoineen on tämän viestin liitteenä.');
    }
  }
  const person = contactPerson(view.secretary);
  return {
    time: finnishMeetingTime(times),
    sentences,
    agenda: finnishAgenda(view),
    links,
    contactLine: person ? `Lisätietoja antaa sihteeri ${contactInline(person)}.` : null,
  };
}

/** The items in the Finnish part: the Finnish title where the secretary entered one, else the Swedish title. */
function finnishAgenda(view: NoticeMailView): FinnishSummary['agenda'] {
  if (view.kind === 'cancellation') return null;
  return {
    heading: view.kind === 'supplementary' ? 'Lisätyt asiat:' : `${LABEL_TERMS.matters.fi}:`,
    items: view.items.map((item) => ({
      number: item.number,
      title: item.titleFi ?? item.title,
      caseNumber: item.caseNumber,
      notes: [...(item.documentsLater ? [LABEL_TERMS.documentsLater.fi] : []), ...(item.closed ? [LABEL_TERMS.closed.fi] : [])],
    })),
  };
}

/** "Kallelse för kännedom" / "Kokouskutsu tiedoksi" for a reader not called to the meeting. */
function subjectLabel(view: NoticeMailView, reading: NoticeReading): Term {
  const label = SUBJECT_LABELS[view.kind];
  if (!readsForInformation(view, reading)) return label;
  return { sv: `${label.sv} ${LABEL_TERMS.forInformation.sv}`, fi: `${label.fi} ${LABEL_TERMS.forInformation.fi}` };
}

/**
 * The notice mail to one recipient: Swedish, with a Finnish summary where the organ's rules ask for one. A member is
 * called to the meeting; a reader `for_information` (substitutes, attendance rights, extra recipients) is told that
 * the notice comes "för kännedom", as Swedish kallelser address "Ersättare för kännedom".
 */
export function composeNoticeMail(view: NoticeMailView, recipientName: string, reading: NoticeReading = 'invited'): ComposedMail {
  const times = meetingTimes(view);
  const meetingUrl = requireWebUrl(view.meetingUrl, 'meetingUrl');
  const documentUrl = view.documentUrl === null ? null : requireWebUrl(view.documentUrl, 'documentUrl');
  const labels = subjectLabel(view, reading);
  const subject = subjectLine(labels.sv, wantsFinnish(view) ? labels.fi : null, view, times.start);
  const person = contactPerson(view.secretary);

  const model: NoticeModel = {
    subject,
    recipientName,
    organName: view.organName,
    municipalityName: view.municipalityName,
    intro: intro(view, times, reading),
    reason: cancellationReason(view),
    changes: view.kind === 'revised' ? view.changes : [],
    time: swedishMeetingTime(times),
    // The group meetings are called off with the meeting.
    groupMeetingLines: view.kind === 'cancellation' ? [] : view.groupMeetingLines,
    place: view.place,
    agenda: agenda(view),
    meetingUrl,
    // A cancellation carries no kallelse document.
    document: view.kind === 'cancellation' ? null : { fileName: view.documentFileName, url: documentUrl },
    contact: person ? { lead: 'Har du frågor om sammanträdet? Kontakta sekreteraren:', person } : null,
    finnish: finnishSummary(view, times, documentUrl, reading),
  };
  return { subject, text: tidyText(noticeText(model)), html: noticeHtml(model) };
}

/** DESCRIPTION: what a member sees on opening the calendar entry, without having to find the mail again. */
function calendarDescription(view: NoticeMailView, reading: NoticeReading): string {
  const lines: string[] = [];
  if (view.kind === 'cancellation') {
    const reason = cancellationReason(view);
    lines.push(reason ? `Sammanträdet är inställt. ${LABEL_TERMS.cancellationReason.sv}: ${reason}` : 'Sammanträdet är inställt.');
  } else {
    if (reading === 'for_information') lines.push(`Du får kallelsen ${LABEL_TERMS.forInformation.sv}.`);
    // The calendar entry replaces the previous version wholesale; for a supplementary notice the view holds only
    // the added items, so the heading says so instead of pretending to be the full agenda.
    lines.push(view.kind === 'supplementary' ? 'Tillagda ärenden:' : 'Ärenden:');
    for (const item of view.items) lines.push(`${item.number}. ${item.title}`);
    for (const groupMeeting of view.groupMeetingLines) lines.push(`Gruppmöte: ${groupMeeting}`);
  }
  lines.push('', `Sammanträdet i Nämndrum: ${view.meetingUrl}`);
  return lines.join('\n');
}

/**
 * RFC 5545 allows no double quote inside a quoted parameter value such as CN, and `ics` escapes it with a
 * backslash, which calendar clients do not understand; a plain apostrophe keeps the name readable.
 */
function parameterSafe(name: string): string {
  return name.replace(/"/g, "'").replace(/[\r\n]+/g, ' ');
}

/**
 * How a reader's calendar shows the entry. `invitation`: METHOD:REQUEST, busy time, the reader named as attendee by
 * `withAttendee` (several clients, Outlook among them, only offer to update the calendar from a REQUEST that names
 * the reader). `information`: METHOD:PUBLISH without attendees, free time (TRANSP:TRANSPARENT and Outlook's
 * X-MICROSOFT-CDO-BUSYSTATUS:FREE) and "För kännedom:" before the organ's name — Outlook, Google Calendar and Apple
 * Calendar show a PUBLISH as an entry to add, with no Accept/Decline, and the summary says why in the calendar grid.
 */
type CalendarEntry = { kind: 'invitation' | 'information' | 'cancellation'; description: string };

function calendarEvent(view: MeetingMailView, entry: CalendarEntry): CalendarPart {
  const times = meetingTimes(view);
  requireWebUrl(view.meetingUrl, 'meetingUrl');
  if (!Number.isInteger(view.calendarSequence) || view.calendarSequence < 0) {
    throw new RangeError(`Ogiltigt SEQUENCE-värde: ${view.calendarSequence} (väntade ett heltal ≥ 0)`);
  }
  const method = ({ invitation: 'REQUEST', information: 'PUBLISH', cancellation: 'CANCEL' } as const)[entry.kind];
  const information = entry.kind === 'information';
  const event: EventAttributes = {
    // ics supports METHOD directly (any value, CANCEL included), so its output needs no post-processing.
    method,
    productId: '-//Nämndrum//Kallelse//SV',
    // One UID per meeting whoever reads it: a substitute's informational entry becomes an invitation when they are
    // called in, and a cancellation reaches every entry.
    uid: `meeting-${view.meetingId}@${view.mailDomain}`,
    sequence: view.calendarSequence,
    // Milliseconds since the epoch are unambiguous; ics then writes them as UTC ("…Z"), so no VTIMEZONE is
    // needed and the reader's client shows the time in its own zone.
    start: times.start.toMillis(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: times.end.toMillis(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: information ? `För kännedom: ${view.organName}` : view.organName,
    location: view.place,
    description: entry.description,
    url: view.meetingUrl,
    status: entry.kind === 'cancellation' ? 'CANCELLED' : 'CONFIRMED',
    transp: information ? 'TRANSPARENT' : 'OPAQUE',
    ...(information ? { busyStatus: 'FREE' as const } : {}),
    organizer: { name: parameterSafe(view.organizer.name), email: view.organizer.email },
  };
  const { error, value } = createEvent(event);
  if (error || !value) throw new Error(`Kunde inte skapa kalenderinbjudan: ${error?.message ?? 'tomt resultat'}`);
  return { method, content: foldCalendarLines(unfoldCalendarLines(value)) };
}

/**
 * The calendar part sent along with the notice (iTIP, RFC 5546), the same for every reader of one kind: built once
 * per notice, then addressed to each invited reader with `withAttendee`.
 * The UID stays the same for every version of the meeting and SEQUENCE rises, so a revised notice or a
 * cancellation updates the entry the reader already has instead of adding a second one. A cancellation is
 * METHOD:CANCEL for every reader.
 */
export function noticeCalendar(view: NoticeMailView, reading: NoticeReading): CalendarPart {
  const kind = view.kind === 'cancellation' ? 'cancellation' : reading === 'for_information' ? 'information' : 'invitation';
  return calendarEvent(view, { kind, description: calendarDescription(view, reading) });
}

export interface CalendarAttendee {
  name: string;
  email: string;
  /** Whether the client should offer to reply; only where the organizer reads the replies. */
  rsvp: boolean;
}

/** An address that cannot end or split the ATTENDEE line (it comes from the register, never from the mail). */
const SAFE_ADDRESS = /^[^\s;:,"<>]+@[^\s;:,"<>]+$/;

/** The invitation addressed to one reader: their ATTENDEE line, added without building the event again. */
export function withAttendee(part: CalendarPart, attendee: CalendarAttendee): CalendarPart {
  if (!SAFE_ADDRESS.test(attendee.email)) throw new RangeError(`Ogiltig e-postadress för kalenderinbjudan: "${attendee.email}"`);
  const line = `ATTENDEE;RSVP=${attendee.rsvp ? 'TRUE' : 'FALSE'};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN="${parameterSafe(attendee.name)}":mailto:${attendee.email}`;
  const unfolded = unfoldCalendarLines(part.content);
  const end = unfolded.lastIndexOf('\r\nEND:VEVENT\r\n');
  if (end < 0) throw new Error('Kalenderdelen saknar END:VEVENT');
  return { method: part.method, content: foldCalendarLines(`${unfolded.slice(0, end)}\r\n${line}${unfolded.slice(end)}`) };
}

/**
 * The calendar part of a call-in: the called substitute gets the meeting's invitation (METHOD:REQUEST, same UID as
 * the entry they have "för kännedom", themselves as attendee), asked to reply where the organizer is the secretary,
 * who must call the next substitute if they cannot come. A released substitute's entry becomes information again.
 */
export function substituteCallCalendar(view: SubstituteCallMailView, substitute: { name: string; email: string }): CalendarPart {
  if (view.kind === 'released') {
    return calendarEvent(view, { kind: 'information', description: [`Inkallelsen att tjänstgöra för ${view.replacesName} är återkallad. Du får kallelsen ${LABEL_TERMS.forInformation.sv}.`, '', `Sammanträdet i Nämndrum: ${view.meetingUrl}`].join('\n') });
  }
  const description = [`Du är inkallad att tjänstgöra som ersättare för ${view.replacesName}.`, ...view.groupMeetingLines.map((line) => `Gruppmöte: ${line}`), '', `Sammanträdet i Nämndrum: ${view.meetingUrl}`].join('\n');
  const organizerReadsReplies = !!view.secretary?.email && view.secretary.email.toLowerCase() === view.organizer.email.toLowerCase();
  return withAttendee(calendarEvent(view, { kind: 'invitation', description }), { ...substitute, rsvp: organizerReadsReplies });
}
