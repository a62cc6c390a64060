import { AlignmentType, Bookmark, Document, FileChild, Footer, PageNumber, PageReference, Packer, Paragraph, ParagraphChild, TextRun } from 'docx';
import { buildDocument, bulletItem, CellContent, dataTable, heading, municipalityLine, plainParagraph, TEXT_WIDTH_TWIPS, textRuns } from './docx-helpers';
import { officerReportContent } from './officer-report.renderer';
import { finnishMeetingTime, swedishLongDateTime, swedishMeetingTime } from './swedish-dates';
import { textDocumentContent } from './text-document.renderer';
import { DOCUMENT_KIND_TERMS, LABEL_TERMS, Term } from './terms';
import { ContactLine, MeetingNoticeItemView, MeetingNoticeView, NoticeItemDocument, NoticeKind } from './view-models';

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

/** Bookmark names Word accepts (a letter first, then letters, digits and "_", at most 40 characters). */
const startBookmark = (item: MeetingNoticeItemView) => `arende_${item.number}_start`;
const endBookmark = (item: MeetingNoticeItemView) => `arende_${item.number}_slut`;

/**
 * The kallelse as one DOCX bundle: the first page with time, place, the agenda and the signatures, then each item's
 * documents in agenda order, each from a new page. The agenda gives the pages of each item's documents as PAGEREF
 * fields to bookmarks around them, which Word and LibreOffice fill in as they lay out the pages.
 */
export function buildMeetingNoticeDocument(view: MeetingNoticeView): Document {
  checkItems(view.items);
  const finnish = view.languages.includes('fi');
  const label: Label = (key) => (finnish ? `${LABELS[key].sv} / ${LABELS[key].fi}` : LABELS[key].sv);

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
    ...bundle(view.items, label),
  ];

  return buildDocument({
    title: `${LABELS[view.kind].sv} – ${view.organName} – ${swedishLongDateTime(view.startsAt)}`,
    municipalityName: view.municipalityName,
    children,
    // The agenda refers to pages, so a printed bundle must show its page numbers.
    footer: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 18 })] })] }),
  });
}

/** Renders the kallelse bundle as DOCX; see {@link buildMeetingNoticeDocument}. */
export async function renderMeetingNotice(view: MeetingNoticeView): Promise<Buffer> {
  return Packer.toBuffer(buildMeetingNoticeDocument(view));
}

function checkItems(items: MeetingNoticeItemView[]): void {
  if (items.length === 0) throw new RangeError('En kallelse måste ha minst ett ärende');
  const seen = new Set<number>();
  for (const item of items) {
    if (!Number.isInteger(item.number) || item.number < 0) throw new RangeError(`Ogiltigt ärendenummer: ${item.number}`);
    // The number names the item's bookmarks; two items with one number would point their page ranges at one place.
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

/** "5 - 6": the pages from the item's first document to the end of its last, and the chair's note when documents are to follow. */
function pages(item: MeetingNoticeItemView, label: Label): ParagraphChild[] {
  const range: ParagraphChild[] =
    item.documents.length === 0
      ? []
      : [new PageReference(startBookmark(item), { hyperlink: true }), new TextRun(' - '), new PageReference(endBookmark(item), { hyperlink: true })];
  if (!item.documentsLater) return range;
  return [...range, new TextRun({ text: label('documentsLater'), italics: true, break: range.length === 0 ? undefined : 1 })];
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

/** Each item's documents in agenda order, each from a new page, with the bookmarks the agenda's page ranges point at. */
function bundle(items: MeetingNoticeItemView[], label: Label): FileChild[] {
  let listInstance = 0;
  return items.flatMap((item) =>
    item.documents.flatMap((document, index) => {
      listInstance += 1;
      const content = documentContent(document, listInstance, label);
      const first = index === 0 ? [new Bookmark({ id: startBookmark(item), children: [] })] : [];
      const last = index === item.documents.length - 1 ? [new Bookmark({ id: endBookmark(item), children: [] })] : [];
      return markEnds(content, first, last);
    }),
  );
}

function documentContent(document: NoticeItemDocument, listInstance: number, label: Label): FileChild[] {
  switch (document.kind) {
    case 'officer_report':
      return officerReportContent(document.report, { listInstance });
    case 'text':
      return textDocumentContent(document.document);
    case 'file':
      return [heading(`${label('attachment')}: ${document.title}`, 1), plainParagraph(`${label('separateFile')}: ${document.fileName}`)];
  }
}

/**
 * Starts the document on a new page with `atStart` in its first paragraph, and puts `atEnd` at the end of its last,
 * so that the end bookmark is on the page the document ends on, not on a page an extra paragraph could spill onto.
 */
function markEnds(content: FileChild[], atStart: ParagraphChild[], atEnd: ParagraphChild[]): FileChild[] {
  const children = [...content];
  const head = children[0];
  if (head instanceof Paragraph) children[0] = rebuilt(head, { pageBreakBefore: true, before: atStart });
  else children.unshift(new Paragraph({ pageBreakBefore: true, children: atStart }));
  const lastIndex = children.length - 1;
  const tail = children[lastIndex];
  if (atEnd.length > 0) {
    if (tail instanceof Paragraph) children[lastIndex] = rebuilt(tail, { after: atEnd });
    else children.push(new Paragraph({ children: atEnd }));
  }
  return children;
}

/** The paragraph again with further children, as a Paragraph takes its content only when it is made. */
function rebuilt(paragraph: Paragraph, extra: { pageBreakBefore?: true; before?: ParagraphChild[]; after?: ParagraphChild[] }): Paragraph {
  const { text, children = [], ...properties } = paragraph.options;
  const own: ParagraphChild[] = text === undefined ? [...children] : [new TextRun(text), ...children];
  return new Paragraph({
    ...properties,
    pageBreakBefore: extra.pageBreakBefore ?? properties.pageBreakBefore,
    children: [...(extra.before ?? []), ...own, ...(extra.after ?? [])],
  });
}
