import { DateTime } from 'luxon';
import {
  HTML_FOOT,
  HTML_HEAD,
  MAIL_TIME_ZONE,
  compileHtml,
  compileText,
  contactInline,
  contactPerson,
  parseInstant,
  requireWebUrl,
  tidyText,
  type ContactBlock,
  type ContactPerson,
} from './mail-common';
import { bilingual, DOCUMENT_KIND_TERMS, LABEL_TERMS } from '@namndrum/documents';
import type { ComposedMail } from './mail-views';

/**
 * What the minutes mails need to know, resolved from the database by the caller (../shared/domain/documents.md):
 * composing stays a pure function of the view, like the notice and substitute mails.
 */
export interface MinutesMailBase {
  municipalityName: string;
  organName: string;
  /** ISO instant of the meeting start */
  meetingStartsAt: string;
  /** The secretary to contact: name, title, email, phone (nullable fields), or null */
  secretary: { name: string; title: string | null; email: string | null; phone: string | null } | null;
  languages: ('sv' | 'fi')[];
}

/** Protokollsutdrag sent to a "beslut skickas till" recipient, with the extract DOCX attached by the caller. */
export interface ExtractMailView extends MinutesMailBase {
  kind: 'extract';
  paragraphNumber: number;
  caseNumber: string | null;
  title: string;
  /** The paragraph's Finnish title, named in the Finnish part for an organ with Finnish. */
  titleFi?: string | null;
  /** ISO date the paragraph was verified (justerat) */
  verifiedOn: string;
  /** the decision points, shown in the body */
  decision: string[];
  /** Posting info shown so the recipient knows the appeal period: postedOn, lastAppealDay ISO dates; null if not posted */
  posting: { postedOn: string; lastAppealDay: string } | null;
  attachmentFileName: string;
}

/** The draft minutes are ready for the chair / a verifier to approve (justera) electronically. */
export interface MinutesReviewMailView extends MinutesMailBase {
  kind: 'review' | 'reminder';
  role: 'chair' | 'verifier';
  /** "§§ 1–7" */
  paragraphRange: string;
  /** ISO date of the legal deadline for verification */
  deadline: string;
  /** web link where the minutes are read and approved */
  approveUrl: string;
  /** the place and time set for verification, display text, or null */
  verificationPlaceAndTime: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date ("2023-01-16"), read as that day in Stockholm; an instant or "16/1" is refused. */
function parseDate(value: string, field: string): DateTime<true> {
  if (!ISO_DATE.test(value)) throw new RangeError(`Ogiltigt datum i ${field}: "${value}" (väntade ÅÅÅÅ-MM-DD)`);
  const date = DateTime.fromISO(value, { zone: MAIL_TIME_ZONE });
  if (!date.isValid) throw new RangeError(`Ogiltigt datum i ${field}: "${value}"`);
  return date;
}

/** "11 januari 2023" */
function swedishDate(date: DateTime): string {
  return date.setLocale('sv').toFormat('d LLLL yyyy');
}

/** "11. tammikuuta 2023" */
function finnishDate(date: DateTime): string {
  return date.setLocale('fi').toFormat('d. MMMM yyyy');
}

/** The meeting is named by its day only: the minutes cover the whole meeting, not its starting time. */
function meetingDate(view: MinutesMailBase): DateTime<true> {
  return parseInstant(view.meetingStartsAt, 'meetingStartsAt');
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('sv-SE') + text.slice(1);
}

/** A subject is one header line: line breaks in an organ name or a title must not reach it. */
function oneLine(subject: string): string {
  return subject.replace(/\s+/g, ' ').trim();
}

function wantsFinnish(view: MinutesMailBase): boolean {
  return view.languages.includes('fi');
}

/** The secretary with their title after the name, so that the reader knows whom they are writing to. */
function secretaryContact(view: MinutesMailBase): ContactPerson | null {
  const person = contactPerson(view.secretary);
  if (!person || !view.secretary?.title) return person;
  return { ...person, name: `${person.name}, ${view.secretary.title}` };
}

interface MinutesFinnish {
  date: string;
  sentences: string[];
  links: { label: string; url: string }[];
  contactLine: string | null;
}

/** Fields both minutes templates read; optional blocks are null rather than missing, as strict mode requires. */
interface MinutesModel {
  subject: string;
  recipientName: string;
  organName: string;
  municipalityName: string;
  contact: ContactBlock | null;
  finnish: MinutesFinnish | null;
}

// The Finnish summary of a kallelse names a time and place; minutes mails name the meeting day only.
const FINNISH_HTML = `{{#if finnish}}
<div lang="fi" style="margin-top:24px;padding-top:8px;border-top:1px solid #cccccc;">
<h2 style="font-size:17px;margin:8px 0;">Suomeksi</h2>
<p style="margin:16px 0;">
<strong>${DOCUMENT_KIND_TERMS.meeting.fi}:</strong> {{organName}}<br>
<strong>${LABEL_TERMS.meetingDate.fi}:</strong> {{finnish.date}}
</p>
{{#each finnish.sentences}}
<p style="margin:16px 0;">{{this}}</p>
{{/each}}
{{#each finnish.links}}
<p style="margin:16px 0;"><a href="{{url}}">{{label}}</a></p>
{{/each}}
{{#if finnish.contactLine}}
<p style="margin:16px 0;">{{finnish.contactLine}}</p>
{{/if}}
</div>
{{/if}}`;

const FINNISH_TEXT = `{{#if finnish}}

Suomeksi

${DOCUMENT_KIND_TERMS.meeting.fi}: {{organName}}
${LABEL_TERMS.meetingDate.fi}: {{finnish.date}}

{{#each finnish.sentences}}
{{this}}
{{/each}}
{{#each finnish.links}}
{{label}}: {{url}}
{{/each}}
{{#if finnish.contactLine}}
{{finnish.contactLine}}
{{/if}}
{{/if}}`;

function finnishContactLine(person: ContactPerson | null): string | null {
  return person ? `Lisätietoja antaa sihteeri ${contactInline(person)}.` : null;
}

// Protokollsutdrag

interface ExtractModel extends MinutesModel {
  intro: string;
  heading: string;
  caseNumber: string | null;
  verifiedOn: string;
  /** One decision is a paragraph; several are the numbered points of the minutes. */
  decision: { single: string | null; points: { number: number; text: string }[] };
  appeal: string[];
  attachmentFileName: string;
}

const extractHtml = compileHtml(`${HTML_HEAD}<p style="margin:0 0 16px;">Hej {{recipientName}}!</p>
<p style="margin:16px 0;">{{intro}}</p>
<h2 style="font-size:17px;margin:24px 0 8px;">{{heading}}</h2>
<p style="margin:8px 0 16px;">
{{#if caseNumber}}
<strong>Dnr:</strong> {{caseNumber}}<br>
{{/if}}
<strong>Justerat:</strong> {{verifiedOn}}
</p>
<p style="margin:16px 0 4px;"><strong>Beslut</strong></p>
{{#if decision.points.length}}
<ol style="margin:4px 0 16px;">
{{#each decision.points}}
<li>{{text}}</li>
{{/each}}
</ol>
{{else}}
<p style="margin:4px 0 16px;">{{decision.single}}</p>
{{/if}}
{{#each appeal}}
<p style="margin:16px 0;">{{this}}</p>
{{/each}}
<p style="margin:16px 0;">Protokollsutdraget finns i den bifogade filen ”{{attachmentFileName}}”.</p>
{{> contact}}
${FINNISH_HTML}
{{> closing}}
${HTML_FOOT}`);

const extractText = compileText(`Hej {{recipientName}}!

{{intro}}

{{heading}}
{{#if caseNumber}}
Dnr: {{caseNumber}}
{{/if}}
Justerat: {{verifiedOn}}

Beslut:
{{#if decision.points.length}}
{{#each decision.points}}
{{number}}. {{text}}
{{/each}}
{{else}}
{{decision.single}}
{{/if}}

{{#each appeal}}
{{this}}
{{/each}}

Protokollsutdraget finns i den bifogade filen ”{{attachmentFileName}}”.

{{> contact}}
${FINNISH_TEXT}

{{> closing}}
`);

function appealSentences(posting: ExtractMailView['posting'], language: 'sv' | 'fi'): string[] {
  if (!posting) {
    // Without a posting the appeal period has not started; a date here would be a guess.
    return language === 'sv'
      ? ['Tiden för att överklaga beslutet börjar löpa när beslutet har tillkännagetts på kommunens digitala anslagstavla.']
      : ['Valitusaika alkaa, kun päätös on julkaistu kunnan sähköisellä ilmoitustaululla.'];
  }
  const postedOn = parseDate(posting.postedOn, 'posting.postedOn');
  const lastAppealDay = parseDate(posting.lastAppealDay, 'posting.lastAppealDay');
  if (lastAppealDay <= postedOn) {
    throw new RangeError(`Sista dag för överklagande (${posting.lastAppealDay}) ligger inte efter anslaget (${posting.postedOn})`);
  }
  return language === 'sv'
    ? [
        `Beslutet har tillkännagetts på kommunens digitala anslagstavla den ${swedishDate(postedOn)}. ` +
          `Den som vill överklaga beslutet genom laglighetsprövning ska göra det senast den ${swedishDate(lastAppealDay)}.`,
      ]
    : [
        `Päätös on julkaistu kunnan sähköisellä ilmoitustaululla ${finnishDate(postedOn)}. ` +
          `Laillisuusvalitus on tehtävä viimeistään ${finnishDate(lastAppealDay)}.`,
      ];
}

/** The protokollsutdrag to one "beslut skickas till" recipient; the caller attaches the extract's DOCX. */
export function composeExtractMail(view: ExtractMailView, recipientName: string): ComposedMail {
  if (!Number.isInteger(view.paragraphNumber) || view.paragraphNumber < 1) {
    throw new RangeError(`Ogiltigt paragrafnummer: ${view.paragraphNumber} (väntade ett heltal ≥ 1)`);
  }
  // An extract without its decision would tell the recipient nothing; the caller has the wrong paragraph.
  if (view.decision.length === 0) throw new RangeError(`§ ${view.paragraphNumber} saknar beslut och kan inte skickas som protokollsutdrag`);
  const meeting = meetingDate(view);
  const verifiedOn = parseDate(view.verifiedOn, 'verifiedOn');
  const finnish = wantsFinnish(view);
  const label = bilingual(DOCUMENT_KIND_TERMS.extract, finnish);
  const subject = oneLine(`${label}: ${view.organName} ${swedishDate(meeting)} § ${view.paragraphNumber} – ${view.title}`);
  const person = secretaryContact(view);

  const model: ExtractModel = {
    subject,
    recipientName,
    organName: view.organName,
    municipalityName: view.municipalityName,
    intro: `Här är ett utdrag ur protokollet från sammanträdet med ${view.organName} den ${swedishDate(meeting)}.`,
    heading: `§ ${view.paragraphNumber} ${view.title}`,
    caseNumber: view.caseNumber,
    verifiedOn: swedishDate(verifiedOn),
    decision:
      view.decision.length === 1
        ? { single: view.decision[0], points: [] }
        : { single: null, points: view.decision.map((text, index) => ({ number: index + 1, text })) },
    appeal: appealSentences(view.posting, 'sv'),
    attachmentFileName: view.attachmentFileName,
    contact: person ? { lead: 'Har du frågor om beslutet? Kontakta sekreteraren:', person } : null,
    finnish: finnish
      ? {
          date: finnishDate(meeting),
          sentences: [
            `Tässä on ote kokouksen pöytäkirjasta (§ ${view.paragraphNumber}${view.titleFi ? ` ${view.titleFi}` : ''}).`,
            `${DOCUMENT_KIND_TERMS.extract.fi} on liitteenä tiedostossa ”${view.attachmentFileName}”.`,
            ...appealSentences(view.posting, 'fi'),
          ],
          links: [],
          contactLine: finnishContactLine(person),
        }
      : null,
  };
  return { subject, text: tidyText(extractText(model)), html: extractHtml(model) };
}

// Protokoll att justera

interface ReviewModel extends MinutesModel {
  sentences: string[];
  verificationPlaceAndTime: string | null;
  approveUrl: string;
}

const reviewHtml = compileHtml(`${HTML_HEAD}<p style="margin:0 0 16px;">Hej {{recipientName}}!</p>
{{#each sentences}}
<p style="margin:16px 0;">{{this}}</p>
{{/each}}
{{#if verificationPlaceAndTime}}
<p style="margin:16px 0;"><strong>Justeringens plats och tid:</strong> {{verificationPlaceAndTime}}</p>
{{/if}}
<p style="margin:16px 0;"><a href="{{approveUrl}}">Läs och justera protokollet</a></p>
{{> contact}}
${FINNISH_HTML}
{{> closing}}
${HTML_FOOT}`);

const reviewText = compileText(`Hej {{recipientName}}!

{{#each sentences}}
{{this}}
{{/each}}
{{#if verificationPlaceAndTime}}

Justeringens plats och tid: {{verificationPlaceAndTime}}
{{/if}}

Läs och justera protokollet:
{{approveUrl}}

{{> contact}}
${FINNISH_TEXT}

{{> closing}}
`);

const ROLE = {
  chair: { sv: 'ordförande', fi: 'puheenjohtajana' },
  verifier: { sv: 'justerare', fi: 'pöytäkirjantarkastajana' },
} as const;

/** Asks the chair or a verifier to approve the draft minutes, or reminds them before the deadline. */
export function composeMinutesReviewMail(view: MinutesReviewMailView, recipientName: string): ComposedMail {
  const meeting = meetingDate(view);
  const deadline = parseDate(view.deadline, 'deadline');
  const approveUrl = requireWebUrl(view.approveUrl, 'approveUrl');
  const finnish = wantsFinnish(view);
  const reminder = view.kind === 'reminder';
  const date = swedishDate(meeting);
  const subject = oneLine(
    reminder
      ? `${finnish ? 'Påminnelse / Muistutus' : 'Påminnelse'}: justera protokollet från ${view.organName} ${date} senast ${swedishDate(deadline)}`
      : `${finnish ? 'Protokoll att justera / Tarkastettava pöytäkirja' : 'Protokoll att justera'}: ${view.organName} ${date}`,
  );
  const minutes = `protokollet från sammanträdet med ${view.organName} den ${date} (${view.paragraphRange})`;
  const person = secretaryContact(view);

  const model: ReviewModel = {
    subject,
    recipientName,
    organName: view.organName,
    municipalityName: view.municipalityName,
    sentences: [
      reminder ? `Påminnelse: du har ännu inte justerat ${minutes}.` : `${capitalise(minutes)} är klart att justeras.`,
      `Du ska justera protokollet som ${ROLE[view.role].sv}.`,
      `Läs och justera protokollet i Nämndrum senast den ${swedishDate(deadline)}.`,
    ],
    verificationPlaceAndTime: view.verificationPlaceAndTime,
    approveUrl,
    contact: person ? { lead: 'Har du frågor om protokollet? Kontakta sekreteraren:', person } : null,
    finnish: finnish
      ? {
          date: finnishDate(meeting),
          sentences: [
            reminder
              ? `Muistutus: kokouksen pöytäkirja (${view.paragraphRange}) odottaa yhä tarkastustasi.`
              : `Kokouksen pöytäkirja (${view.paragraphRange}) on valmis tarkastettavaksi.`,
            `Tarkasta pöytäkirja ${ROLE[view.role].fi} viimeistään ${finnishDate(deadline)}.`,
          ],
          links: [{ label: 'Lue ja tarkasta pöytäkirja', url: approveUrl }],
          contactLine: finnishContactLine(person),
        }
      : null,
  };
  return { subject, text: tidyText(reviewText(model)), html: reviewHtml(model) };
}
