import { createEvent, type EventAttributes } from 'ics';
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
import type { CalendarPart, ComposedMail, NoticeMailKind, NoticeMailView } from './mail-views';

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
  changes: string[];
  agenda: { heading: string; items: AgendaRow[] } | null;
  document: { fileName: string; url: string | null } | null;
}

const noticeHtml = compileHtml(`${HTML_HEAD}<p style="margin:0 0 16px;">Hej {{recipientName}}!</p>
<p style="margin:16px 0;">{{intro}}</p>
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

function intro(view: NoticeMailView, times: MeetingTimes): string {
  switch (view.kind) {
    case 'notice':
      return `Du kallas till sammanträde med ${view.organName}.`;
    case 'revised':
      return `Kallelsen till sammanträdet med ${view.organName} har reviderats.`;
    case 'supplementary':
      return `Ytterligare ärenden har lagts till inför sammanträdet med ${view.organName}.`;
    case 'cancellation':
      return `Sammanträdet med ${view.organName} ${swedishWeekdayDateTime(times.start)} är inställt.`;
  }
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

function finnishSummary(view: NoticeMailView, times: MeetingTimes, documentUrl: string | null): FinnishSummary | null {
  if (!wantsFinnish(view)) return null;
  const sentences = [FINNISH_INTRO[view.kind]];
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

/** The notice mail to one member or substitute: Swedish, with a Finnish summary where the organ's rules ask for one. */
export function composeNoticeMail(view: NoticeMailView, recipientName: string): ComposedMail {
  const times = meetingTimes(view);
  const meetingUrl = requireWebUrl(view.meetingUrl, 'meetingUrl');
  const documentUrl = view.documentUrl === null ? null : requireWebUrl(view.documentUrl, 'documentUrl');
  const labels = SUBJECT_LABELS[view.kind];
  const subject = subjectLine(labels.sv, wantsFinnish(view) ? labels.fi : null, view, times.start);
  const person = contactPerson(view.secretary);

  const model: NoticeModel = {
    subject,
    recipientName,
    organName: view.organName,
    municipalityName: view.municipalityName,
    intro: intro(view, times),
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
    finnish: finnishSummary(view, times, documentUrl),
  };
  return { subject, text: tidyText(noticeText(model)), html: noticeHtml(model) };
}

/** DESCRIPTION: what a member sees on opening the calendar entry, without having to find the mail again. */
function calendarDescription(view: NoticeMailView): string {
  const lines: string[] = [];
  if (view.kind === 'cancellation') {
    lines.push('Sammanträdet är inställt.');
  } else {
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

const MAX_LINE_OCTETS = 75;

/**
 * ics writes CRLF and folds, but it counts characters, while RFC 5545 (3.1) limits a line to 75 octets: a line
 * with "ä" or "–" in it comes out longer than that. Unfold what ics folded (CRLF + tab) and fold again by
 * UTF-8 octets, never inside a character. ics escapes line breaks inside values, so every CRLF + whitespace in
 * its output is one of its own folds.
 */
function foldByOctets(calendar: string): string {
  const lines = calendar.replace(/\r\n[\t ]/g, '').split('\r\n');
  return lines
    .map((line) => {
      const parts: string[] = [];
      let current = '';
      let octets = 0;
      for (const character of line) {
        const size = Buffer.byteLength(character, 'utf8');
        // Continuation lines start with a space, which counts towards their 75 octets.
        const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
        if (octets + size > limit) {
          parts.push(current);
          current = '';
          octets = 0;
        }
        current += character;
        octets += size;
      }
      parts.push(current);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}

/**
 * The calendar invitation sent along with the notice (iTIP, RFC 5546).
 * The UID stays the same for every version of the meeting and SEQUENCE rises, so a revised notice or a
 * cancellation updates the entry the member already has instead of adding a second one.
 * `attendee` is the recipient: several clients (Outlook among them) only offer to update the calendar from a
 * REQUEST that names the reader as attendee. It is optional because one calendar part may go to many readers.
 */
export function noticeCalendar(view: NoticeMailView, attendee?: { name: string; email: string }): CalendarPart {
  const times = meetingTimes(view);
  requireWebUrl(view.meetingUrl, 'meetingUrl');
  if (!Number.isInteger(view.calendarSequence) || view.calendarSequence < 0) {
    throw new RangeError(`Ogiltigt SEQUENCE-värde: ${view.calendarSequence} (väntade ett heltal ≥ 0)`);
  }
  const cancelled = view.kind === 'cancellation';
  const method = cancelled ? 'CANCEL' : 'REQUEST';
  const event: EventAttributes = {
    // ics supports METHOD directly (any value, CANCEL included), so its output needs no post-processing.
    method,
    productId: '-//Nämndrum//Kallelse//SV',
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
    title: view.organName,
    location: view.place,
    description: calendarDescription(view),
    url: view.meetingUrl,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    organizer: { name: parameterSafe(view.organizer.name), email: view.organizer.email },
    ...(attendee
      ? {
          attendees: [
            // RSVP=FALSE: a notice is not an invitation one can decline; absence is reported to the secretary.
            { name: parameterSafe(attendee.name), email: attendee.email, rsvp: false, partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT' },
          ],
        }
      : {}),
  };
  const { error, value } = createEvent(event);
  if (error || !value) throw new Error(`Kunde inte skapa kalenderinbjudan: ${error?.message ?? 'tomt resultat'}`);
  return { method, content: foldByOctets(value) };
}
