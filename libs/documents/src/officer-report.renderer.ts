import { BorderStyle, FileChild, Header, Paragraph, TextRun } from 'docx';
import {
  bodyParagraphs,
  dataTable,
  heading,
  LIST,
  municipalityLine,
  numberedItem,
  packDocument,
  plainParagraph,
  textRuns,
} from './docx-helpers';
import { ArchivalCopyOptions, signingRecordBlock, signingRecordProperties } from './signing-record';
import { swedishLongDate, swedishLongDateTime } from './swedish-dates';
import { ContactLine, OfficerReportView } from './view-models';

/**
 * Renders a tjänsteskrivelse as DOCX, laid out as ../shared/domain/documents.md describes. Async so that an invalid
 * view (a malformed date) rejects the promise rather than throwing. The archival copy of a signed report ends with its
 * signing record, which its metadata carries too.
 */
export async function renderOfficerReport(view: OfficerReportView, options: ArchivalCopyOptions = {}): Promise<Buffer> {
  return packDocument({
    title: view.title,
    municipalityName: view.municipalityName,
    children: [...officerReportContent(view), ...(options.signingRecord ? signingRecordBlock(options.signingRecord) : [])],
    properties: options.signingRecord ? signingRecordProperties(options.signingRecord) : undefined,
    // On a draft every page says so, not only the first.
    header: view.draftNotice === null ? undefined : new Header({ children: [new Paragraph({ children: textRuns(view.draftNotice, { bold: true }) })] }),
  });
}

/** The body of a tjänsteskrivelse, from its letterhead to Beslut skickas till. */
function officerReportContent(view: OfficerReportView): FileChild[] {
  return [
    ...(view.draftNotice === null ? [] : [draftNotice(view.draftNotice)]),
    ...letterhead(view),
    plainParagraph(view.organName),
    heading(view.title, 1),
    ...proposedDecision(view.proposedDecision),
    ...section('Sammanfattning', view.summary),
    // Always there, even when the whole description sits in the further sections below it.
    heading('Beskrivning av ärendet', 2),
    ...bodyParagraphs(view.description),
    // Further sections continue the description, as in Ludvika's reports, before the economics.
    ...view.sections.flatMap((extra) => section(extra.heading, extra.body)),
    ...section('Ekonomiska konsekvenser', view.financialConsequences),
    ...signature(view.signature),
    ...attachments(view.attachments),
    ...recipients(view.decisionRecipients),
  ];
}

function draftNotice(text: string): Paragraph {
  const line = { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 4 };
  return new Paragraph({
    border: { top: line, bottom: line, left: line, right: line },
    spacing: { after: 240 },
    children: textRuns(text, { bold: true }),
  });
}

function letterhead(view: OfficerReportView): FileChild[] {
  const table = dataTable(
    [
      ['Datum', 'Dnr', 'Handläggare'],
      [swedishLongDate(view.date), view.caseNumber, contactLines(view.caseOfficer)],
    ],
    { borders: false, columnWidths: [2268, 2835, 3967] },
  );
  return [
    municipalityLine(view.municipalityName),
    new Paragraph({ spacing: { after: 240 }, children: textRuns(view.departmentName) }),
    ...(table ? [table] : []),
    new Paragraph({ spacing: { after: 240 }, children: [] }),
  ];
}

function contactLines(contact: ContactLine): string {
  return [contact.name, contact.title, contact.phone === null ? null : `Tfn ${contact.phone}`, contact.email].filter((line) => line !== null && line !== '').join('\n');
}

/** Förvaltningens förslag till beslut: a numbered list when there are several points, a plain paragraph for one. */
function proposedDecision(points: string[]): FileChild[] {
  if (points.length === 0) return [];
  const heading2 = heading('Förvaltningens förslag till beslut', 2);
  if (points.length === 1) return [heading2, plainParagraph(points[0])];
  return [heading2, ...points.map((point) => numberedItem(point, LIST.decimal))];
}

function section(title: string, body: string | null): FileChild[] {
  if (body === null || body.trim() === '') return [];
  return [heading(title, 2), ...bodyParagraphs(body)];
}

function signature(signed: OfficerReportView['signature']): FileChild[] {
  if (signed === null) return [new Paragraph({ spacing: { before: 480 }, children: [new TextRun({ text: 'Ej signerad', italics: true })] })];
  const lines = [
    new Paragraph({ spacing: { before: 480, after: 0 }, keepNext: true, children: textRuns(signed.name) }),
    new Paragraph({ keepNext: signed.signedAt !== null, children: textRuns(signed.title) }),
  ];
  if (signed.signedAt !== null) {
    lines.push(new Paragraph({ children: [new TextRun({ text: `Elektroniskt signerad ${swedishLongDateTime(signed.signedAt)}`, size: 18 })] }));
  }
  return lines;
}

function attachments(titles: string[]): FileChild[] {
  if (titles.length === 0) return [];
  return [heading('Bilagor', 2), ...titles.map((title) => numberedItem(title, LIST.attachment))];
}

function recipients(names: string[]): FileChild[] {
  if (names.length === 0) return [];
  return [heading('Beslut skickas till', 2), ...names.map((name) => new Paragraph({ spacing: { after: 0 }, children: textRuns(name) }))];
}
