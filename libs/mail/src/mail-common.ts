import { DOCUMENT_KIND_TERMS, LABEL_TERMS } from '@namndrum/documents';
import Handlebars from 'handlebars';
import { DateTime } from 'luxon';
import type { MeetingMailView } from './mail-views';

/** The time zone every time in a mail is shown in, whatever zone the server runs in. */
export const MAIL_TIME_ZONE = 'Europe/Stockholm';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO instant as a Luxon DateTime in Stockholm.
 * A timestamp without `Z` or offset is refused: it would silently be read in whatever zone the server runs in.
 */
export function parseInstant(value: string, field: string): DateTime<true> {
  if (!INSTANT.test(value)) throw new RangeError(`Ogiltig tidpunkt i ${field}: "${value}" (väntade ISO 8601 med tidszon)`);
  const instant = DateTime.fromISO(value, { zone: MAIL_TIME_ZONE });
  if (!instant.isValid) throw new RangeError(`Ogiltig tidpunkt i ${field}: "${value}"`);
  return instant;
}

export interface MeetingTimes {
  start: DateTime<true>;
  end: DateTime<true>;
}

export function meetingTimes(view: Pick<MeetingMailView, 'startsAt' | 'endsAt'>): MeetingTimes {
  const start = parseInstant(view.startsAt, 'startsAt');
  const end = parseInstant(view.endsAt, 'endsAt');
  // A calendar event that ends before it starts is rejected or shown wrongly by mail clients.
  if (end <= start) throw new RangeError(`Sammanträdet slutar (${view.endsAt}) innan det börjar (${view.startsAt})`);
  return { start, end };
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('sv-SE') + text.slice(1);
}

/** "11 januari 2023 kl. 14:00", as in the subject line. */
export function swedishDateTime(instant: DateTime): string {
  return instant.setLocale('sv').toFormat("d LLLL yyyy 'kl.' HH:mm");
}

/** "onsdag 11 januari 2023 kl. 14:00", for a sentence. */
export function swedishWeekdayDateTime(instant: DateTime): string {
  return instant.setLocale('sv').toFormat("cccc d LLLL yyyy 'kl.' HH:mm");
}

/**
 * "Onsdag 11 januari 2023, kl. 14:00–17:00", the layout of the Tid line in a kallelse.
 * A meeting running past midnight names both days rather than suggest it ends before it starts.
 */
export function swedishMeetingTime({ start, end }: MeetingTimes): string {
  const day = (instant: DateTime) => instant.setLocale('sv').toFormat('cccc d LLLL yyyy');
  if (start.hasSame(end, 'day')) return `${capitalise(day(start))}, kl. ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}`;
  return `${capitalise(day(start))}, kl. ${start.toFormat('HH:mm')} – ${day(end)}, kl. ${end.toFormat('HH:mm')}`;
}

/** "keskiviikko 11. tammikuuta 2023 klo 14.00–17.00": Finnish writes the time with a full stop. */
export function finnishMeetingTime({ start, end }: MeetingTimes): string {
  const day = (instant: DateTime) => instant.setLocale('fi').toFormat('cccc d. MMMM yyyy');
  if (start.hasSame(end, 'day')) return `${day(start)} klo ${start.toFormat('HH.mm')}–${end.toFormat('HH.mm')}`;
  return `${day(start)} klo ${start.toFormat('HH.mm')} – ${day(end)} klo ${end.toFormat('HH.mm')}`;
}

/**
 * Refuses anything but an absolute http(s) address: HTML escaping keeps a value inside its attribute,
 * but a `javascript:` link would still run when clicked.
 */
export function requireWebUrl(value: string, field: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RangeError(`Ogiltig länk i ${field}: "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RangeError(`Länken i ${field} måste börja med https:// eller http://`);
  return value;
}

/** A subject is one header line: line breaks in an organ name must not reach it. */
export function subjectLine(label: string, finnishLabel: string | null, view: MeetingMailView, start: DateTime): string {
  const prefix = finnishLabel ? `${label} / ${finnishLabel}` : label;
  return `${prefix}: ${view.organName} ${swedishDateTime(start)}`.replace(/\s+/g, ' ').trim();
}

export function wantsFinnish(view: MeetingMailView): boolean {
  return view.languages.includes('fi');
}

export interface ContactPerson {
  name: string;
  email: string | null;
  phone: string | null;
  /** The phone number as a tel: URI, so that a phone can dial it from the mail. */
  phoneUri: string | null;
}

/** "0240-860 00" → "tel:+4624086000"; numbers written with a country code keep it. */
function telUri(phone: string): string | null {
  const digits = phone.replace(/[^\d+]/g, '');
  if (/^\+\d{6,}$/.test(digits)) return `tel:${digits}`;
  if (/^00\d{6,}$/.test(digits)) return `tel:+${digits.slice(2)}`;
  if (/^0\d{5,}$/.test(digits)) return `tel:+46${digits.slice(1)}`;
  return null;
}

export function contactPerson(secretary: MeetingMailView['secretary']): ContactPerson | null {
  if (!secretary) return null;
  return {
    name: secretary.name,
    email: secretary.email,
    phone: secretary.phone,
    phoneUri: secretary.phone ? telUri(secretary.phone) : null,
  };
}

/** "Anna Andersson, anna.andersson@ludvika.se, 0240-860 00": the contact in one line, for the Finnish summary. */
export function contactInline(person: ContactPerson): string {
  return [person.name, person.email, person.phone].filter((part): part is string => !!part).join(', ');
}

/**
 * Templates live in their own Handlebars environment so that helpers or partials registered elsewhere in the
 * process cannot change what a mail says. Strict mode turns a misspelt field into an error instead of a gap.
 */
const html = Handlebars.create();
const text = Handlebars.create();

export function compileHtml(source: string): HandlebarsTemplateDelegate {
  return html.compile(source, { strict: true });
}

/** The text part is not HTML: escaping would turn "Säfsen" in quotes into `&quot;Säfsen&quot;`. */
export function compileText(source: string): HandlebarsTemplateDelegate {
  return text.compile(source, { strict: true, noEscape: true });
}

/** Templates leave blank lines where optional blocks were skipped; a mail shows at most one between paragraphs. */
export function tidyText(rendered: string): string {
  return `${rendered
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

// Shared parts, registered compiled so that the text environment's noEscape applies to them too.

html.registerPartial(
  'meetingFacts',
  compileHtml(`<p style="margin:16px 0;">
<strong>Tid:</strong> {{time}}<br>
{{#each groupMeetingLines}}
<strong>Gruppmöte:</strong> {{this}}<br>
{{/each}}
<strong>Plats:</strong> {{place}}
</p>
`),
);
text.registerPartial(
  'meetingFacts',
  compileText(`Tid: {{time}}
{{#each groupMeetingLines}}
Gruppmöte: {{this}}
{{/each}}
Plats: {{place}}
`),
);

html.registerPartial(
  'contact',
  compileHtml(`{{#if contact}}
<p style="margin:16px 0;">{{contact.lead}}
{{#if contact.person}}
<br>{{contact.person.name}}
{{#if contact.person.email}}
<br>E-post: <a href="mailto:{{contact.person.email}}">{{contact.person.email}}</a>
{{/if}}
{{#if contact.person.phone}}
<br>Telefon: {{#if contact.person.phoneUri}}<a href="{{contact.person.phoneUri}}">{{contact.person.phone}}</a>{{else}}{{contact.person.phone}}{{/if}}
{{/if}}
{{/if}}
</p>
{{/if}}
`),
);
text.registerPartial(
  'contact',
  compileText(`{{#if contact}}
{{contact.lead}}
{{#if contact.person}}
{{contact.person.name}}
{{#if contact.person.email}}
E-post: {{contact.person.email}}
{{/if}}
{{#if contact.person.phone}}
Telefon: {{contact.person.phone}}
{{/if}}
{{/if}}
{{/if}}
`),
);

html.registerPartial(
  'finnish',
  compileHtml(`{{#if finnish}}
<div lang="fi" style="margin-top:24px;padding-top:8px;border-top:1px solid #cccccc;">
<h2 style="font-size:17px;margin:8px 0;">Suomeksi</h2>
<p style="margin:16px 0;">
<strong>${DOCUMENT_KIND_TERMS.meeting.fi}:</strong> {{organName}}<br>
<strong>${LABEL_TERMS.time.fi}:</strong> {{finnish.time}}<br>
<strong>${LABEL_TERMS.place.fi}:</strong> {{place}}
</p>
{{#each finnish.sentences}}
<p style="margin:16px 0;">{{this}}</p>
{{/each}}
{{#if finnish.agenda}}
<p style="margin:16px 0 4px;"><strong>{{finnish.agenda.heading}}</strong></p>
<ol style="margin:0 0 16px;">
{{#each finnish.agenda.items}}
<li value="{{number}}">{{title}}{{#if caseNumber}} (dnro {{caseNumber}}){{/if}}{{#each notes}} – <em>{{this}}</em>{{/each}}</li>
{{/each}}
</ol>
{{/if}}
{{#each finnish.links}}
<p style="margin:16px 0;"><a href="{{url}}">{{label}}</a></p>
{{/each}}
{{#if finnish.contactLine}}
<p style="margin:16px 0;">{{finnish.contactLine}}</p>
{{/if}}
</div>
{{/if}}
`),
);
text.registerPartial(
  'finnish',
  compileText(`{{#if finnish}}

Suomeksi

${DOCUMENT_KIND_TERMS.meeting.fi}: {{organName}}
${LABEL_TERMS.time.fi}: {{finnish.time}}
${LABEL_TERMS.place.fi}: {{place}}

{{#each finnish.sentences}}
{{this}}
{{/each}}
{{#if finnish.agenda}}

{{finnish.agenda.heading}}
{{#each finnish.agenda.items}}
{{number}}. {{title}}{{#if caseNumber}} (dnro {{caseNumber}}){{/if}}{{#each notes}} – {{this}}{{/each}}
{{/each}}

{{/if}}
{{#each finnish.links}}
{{label}}: {{url}}
{{/each}}
{{#if finnish.contactLine}}
{{finnish.contactLine}}
{{/if}}
{{/if}}
`),
);

html.registerPartial(
  'closing',
  compileHtml(`<p style="margin:24px 0 0;">Med vänlig hälsning<br>
{{organName}}<br>
{{municipalityName}}</p>
`),
);
text.registerPartial(
  'closing',
  compileText(`Med vänlig hälsning
{{organName}}
{{municipalityName}}
`),
);

/** Opening and end of every HTML part: inline styles only, since mail clients drop style sheets. */
export const HTML_HEAD = `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{subject}}</title>
</head>
<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;background:#ffffff;">
`;
export const HTML_FOOT = `</body>
</html>
`;

export interface FinnishSummary {
  time: string;
  sentences: string[];
  /** The agenda in the Finnish part of a notice; null in mails that carry none. */
  agenda: { heading: string; items: { number: number; title: string; caseNumber: string | null; notes: string[] }[] } | null;
  links: { label: string; url: string }[];
  contactLine: string | null;
}

export interface ContactBlock {
  lead: string;
  person: ContactPerson | null;
}

/** Fields every mail template reads; optional blocks are null rather than missing, as strict mode requires. */
export interface MeetingModel {
  subject: string;
  organName: string;
  municipalityName: string;
  time: string;
  groupMeetingLines: string[];
  place: string;
  meetingUrl: string;
  contact: ContactBlock | null;
  finnish: FinnishSummary | null;
}
