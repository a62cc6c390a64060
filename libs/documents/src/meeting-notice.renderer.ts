import { AlignmentType, Document, FileChild, Footer, PageNumber, Packer, Paragraph, ParagraphChild, TextRun } from 'docx';
import { buildDocument, bulletItem, CellContent, dataTable, heading, municipalityLine, packDocument, plainParagraph, TEXT_WIDTH_TWIPS, textRuns } from './docx-helpers';
import { renderOfficerReport } from './officer-report.renderer';
import { finnishMeetingTime, swedishLongDateTime, swedishMeetingTime } from './swedish-dates';
import { renderTextDocument } from './text-document.renderer';
import { DOCUMENT_KIND_TERMS, LABEL_TERMS, Term } from './terms';
import { ContactLine, MeetingNoticeItemView, MeetingNoticeView, NoticeItemDocument, NoticeKind, PageRange } from './view-models';

/** Every text of the kallelse a reader sees, in Swedish and in Finnish for the organs that also use Finnish; the shared terms from ./terms. */
const LABELS = {
  notice: DOCUMENT_KIND_TERMS.notice,
  revised: DOCUMENT_KIND_TERMS.revised,
  supplementary: DOCUMENT_KIND_TERMS.supplementary,
  changes: LABEL_TERMS.changes,
  time: LABEL_TERMS.time,
  groupMeeting: LABEL_TERMS.groupMeeting,
  place: LABEL_TERMS.place,
  number: LABEL_TERMS.number,
  agenda: LABEL_TERMS.matters,
  caseNumber: LABEL_TERMS.caseNumber,
  page: LABEL_TERMS.page,
  closed: LABEL_TERMS.closed,
  documentsLater: LABEL_TERMS.documentsLater,
  // Under the chair's name, in lower case as the seed's kallelse prints it.
  chair: { sv: 'ordförande', fi: 'puheenjohtaja' },
  secretary: { sv: 'Nämndsekreterare', fi: 'Sihteeri' },
  attachment: LABEL_TERMS.attachment,
  separateFile: LABEL_TERMS.separateFile,
} as const satisfies Record<string, Term> & Record<NoticeKind, Term>;

type Label = (key: keyof typeof LABELS) => string;

/** Nr, title, Dnr and Sida fill the text width; the title takes what the others leave. "Nr / Nro" needs 2 cm. */
function agendaColumns(finnish: boolean): number[] {
  const number = finnish ? 1134 : 567;
  return [number, TEXT_WIDTH_TWIPS - number - 1701 - 1701, 1701, 1701];
}

/**
 * The kallelse's own pages: time, place, the agenda and the signatures. The items' documents follow it in the PDF bundle,
 * each converted on its own; the agenda prints the pages they landed on, given in `item.pages`, as plain text, so that
 * every viewer shows the same numbers.
 */
export function buildMeetingNoticeDocument(view: MeetingNoticeView): Document {
  checkItems(view.items);
  const finnish = view.languages.includes('fi');
  const label = labeller(view.languages);

  const children: FileChild[] = [
    municipalityLine(view.municipalityName),
    new Paragraph({ spacing: { after: 240 }, children: textRuns(view.organName) }),
    ...view.addressees.map((addressee) => new Paragraph({ spacing: { after: 0 }, children: textRuns(addressee) })),
    heading(label(view.kind), 1),
    ...changes(view, label),
    labelled(label('time'), [swedishMeetingTime(view.startsAt, view.endsAt), ...(finnish ? [finnishMeetingTime(view.startsAt, view.endsAt)] : [])].join('\n')),
    ...(view.groupMeetingLines.length === 0 ? [] : [labelled(label('groupMeeting'), view.groupMeetingLines.join('\n'))]),
    labelled(label('place'), view.place),
    ...agenda(view.items, label, agendaColumns(finnish), finnish),
    ...signatures(view, label),
  ];

  return buildDocument({
    title: `${LABELS[view.kind].sv} – ${view.organName} – ${swedishLongDateTime(view.startsAt)}`,
    municipalityName: view.municipalityName,
    children,
    // The agenda refers to pages of the bundle, which starts with these; a printed kallelse must show its page numbers.
    footer: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 18 })] })] }),
  });
}

/** Renders the kallelse's own pages as DOCX; see {@link buildMeetingNoticeDocument}. */
export async function renderMeetingNotice(view: MeetingNoticeView): Promise<Buffer> {
  return Packer.toBuffer(buildMeetingNoticeDocument(view));
}

function checkItems(items: MeetingNoticeItemView[]): void {
  if (items.length === 0) throw new RangeError('En kallelse måste ha minst ett ärende');
  const seen = new Set<number>();
  for (const item of items) {
    if (!Number.isInteger(item.number) || item.number < 0) throw new RangeError(`Ogiltigt ärendenummer: ${item.number}`);
    // The bundle's outline and page ranges find an item by its number; two items with one number would share them.
    if (seen.has(item.number)) throw new RangeError(`Ärendenummer ${item.number} förekommer två gånger i kallelsen`);
    seen.add(item.number);
  }
}

/** "Tid: Onsdag 11 januari 2023, kl. 14:00": the label in bold, the value after it, "\n" as line breaks. */
function labelled(labelText: string, value: string): Paragraph {
  const [first, ...rest] = textRuns(value);
  return new Paragraph({ keepLines: true, children: [new TextRun({ text: `${labelText}:`, bold: true }), new TextRun(' '), first, ...rest] });
}

function changes(view: MeetingNoticeView, label: Label): FileChild[] {
  // Only a revised notice says what changed: a first notice has nothing to compare with.
  if (view.kind !== 'revised' || view.changes.length === 0) return [];
  return [heading(label('changes'), 2), ...view.changes.map(bulletItem)];
}

function agenda(items: MeetingNoticeItemView[], label: Label, columnWidths: number[], finnish: boolean): FileChild[] {
  const table = dataTable(
    [
      [label('number'), label('agenda'), label('caseNumber'), label('page')],
      ...items.map((item): CellContent[] => [
        String(item.number),
        itemTitle(item, label, finnish),
        item.caseNumber ?? '',
        pages(item, label),
      ]),
    ],
    { borders: false, columnWidths },
  );
  return table ? [new Paragraph({ spacing: { before: 240 }, children: [] }), table] : [];
}

/** The title, and under it the Finnish title the secretary entered, for an organ with Finnish; "(Ej offentligt)" after a closed item. */
function itemTitle(item: MeetingNoticeItemView, label: Label, finnish: boolean): string {
  const titles = finnish && item.titleFi ? `${item.title}\n${item.titleFi}` : item.title;
  return item.closed ? `${titles} (${label('closed')})` : titles;
}

/** "5 - 6": the pages of the item's documents in the bundle, and the chair's note when documents are to follow. */
function pages(item: MeetingNoticeItemView, label: Label): ParagraphChild[] {
  const range = pageRangeText(item.pages ?? null);
  const printed: ParagraphChild[] = range === '' ? [] : [new TextRun(range)];
  if (!item.documentsLater) return printed;
  return [...printed, new TextRun({ text: label('documentsLater'), italics: true, break: printed.length === 0 ? undefined : 1 })];
}

/** The Sida column's text: "5" for a one-page item, "5 - 6" for more, as Ludvika prints it; "" when the item has no pages. */
export function pageRangeText(pages: PageRange | null): string {
  if (pages === null) return '';
  return pages.first === pages.last ? String(pages.first) : `${pages.first} - ${pages.last}`;
}

function signatures(view: MeetingNoticeView, label: Label): FileChild[] {
  const blocks: Paragraph[] = [];
  if (view.chair !== null) {
    blocks.push(new Paragraph({ keepLines: true, spacing: { before: 480 }, children: [...textRuns(view.chair.name), new TextRun({ text: label('chair'), break: 1 })] }));
  }
  if (view.secretary !== null) blocks.push(secretaryBlock(view.secretary, label));
  return blocks;
}

function secretaryBlock(secretary: ContactLine, label: Label): Paragraph {
  const lines = [
    // A title of the secretary's own is theirs, and has no translation to give.
    secretary.title ?? label('secretary'),
    secretary.email,
    secretary.phone === null ? null : `tfn ${secretary.phone}`,
  ].filter((line): line is string => line !== null && line !== '');
  return new Paragraph({
    keepLines: true,
    spacing: { before: 480 },
    children: [...textRuns(secretary.name, { bold: true }), ...lines.map((line) => new TextRun({ text: line, break: 1 }))],
  });
}

export interface NoticeItemDocumentOptions {
  municipalityName: string;
  /** The organ's languages: with 'fi' the page that names a file gives its labels in Finnish too. */
  languages: ('sv' | 'fi')[];
}

/**
 * One of an item's documents as a DOCX of its own, for the bundle to convert to PDF: a tjänsteskrivelse or a text
 * document as it is rendered alone, a file that is only named as a page saying where it is. A stored file is converted
 * from what is stored, never rendered, so it is refused here.
 */
export async function renderNoticeItemDocument(document: NoticeItemDocument, options: NoticeItemDocumentOptions): Promise<Buffer> {
  switch (document.kind) {
    case 'officer_report':
      return renderOfficerReport(document.report);
    case 'text':
      return renderTextDocument(document.document);
    case 'file': {
      const label = labeller(options.languages);
      const title = `${label('attachment')}: ${document.title}`;
      return packDocument({
        title,
        municipalityName: options.municipalityName,
        children: [heading(title, 1), plainParagraph(`${label('separateFile')}: ${document.fileName}`)],
      });
    }
    case 'stored':
      throw new RangeError(`${document.fileName} är en lagrad fil: den konverteras som den är, inte som en sida i kallelsen`);
  }
}

function labeller(languages: ('sv' | 'fi')[]): Label {
  const finnish = languages.includes('fi');
  return (key) => (finnish ? `${LABELS[key].sv} / ${LABELS[key].fi}` : LABELS[key].sv);
}
