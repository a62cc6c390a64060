import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  FileChild,
  Header,
  HeadingLevel,
  LeaderType,
  Packer,
  PageNumber,
  PageReference,
  Paragraph,
  ParagraphChild,
  Tab,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import { bodyParagraphs, buildDocument, bulletItem, dataTable, heading, LIST, numberedItem, plainParagraph, TEXT_WIDTH_TWIPS, textRuns } from './docx-helpers';
import { AttendeeLine, MinutesExtractView, MinutesView, ParagraphView, PostingView, VoteView } from './minutes.view-model';
import { swedishLongDate, swedishLongDateTime } from './swedish-dates';

/*
 * The protokoll, the protokollsutdrag and the minnesanteckningar (../shared/domain/documents.md, "Protokoll",
 * "Protokollsutdrag"), laid out as Ludvika's published protocols: a signature page with the ANSLAG/BEVIS box, the
 * Ärendelista, then each paragraph from a page of its own so that an extract of it looks as it does in the protocol.
 */

/** Where the names stand under Underskrifter: beside the role, under the line they sign on. */
const SIGNATURE_INDENT = 1985;
const SIGNATURE_LINE_END = 6237;
/** More attendance lines than this push the lists to a Närvarolista page, as Ludvika does for fullmäktige. */
const MAX_ATTENDANCE_LINES_ON_FIRST_PAGE = 30;
const ATTENDANCE_BOOKMARK = 'narvarolista';
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The protokoll or, for `kind: 'notes'`, the minnesanteckningar as a Word document; see {@link renderMinutes}.
 * Throws a RangeError on a view that would print a wrong protocol: two paragraphs with one number, a time that is
 * not HH:MM, a vote whose totals do not add up from its rows.
 */
export function buildMinutesDocument(view: MinutesView): Document {
  checkMinutes(view);
  const notes = view.kind === 'notes';
  const date = swedishLongDate(view.meetingDate);
  return buildDocument({
    title: `${notes ? 'Minnesanteckningar' : 'Sammanträdesprotokoll'} – ${view.organName} – ${date}`,
    municipalityName: view.municipalityName,
    header: pageHeader({
      municipalityName: view.municipalityName,
      documentName: notes ? 'MINNESANTECKNINGAR' : 'SAMMANTRÄDESPROTOKOLL',
      organName: view.organName,
      dateLine: `${notes ? 'Datum' : 'Sammanträdesdatum'} ${date}`,
      draftNotice: view.draftNotice,
    }),
    children: notes ? notesContent(view, date) : minutesContent(view, date),
  });
}

/** Renders the protokoll or minnesanteckningar as DOCX. Rejects a view {@link buildMinutesDocument} refuses. */
export async function renderMinutes(view: MinutesView): Promise<Buffer> {
  return Packer.toBuffer(buildMinutesDocument(view));
}

/** A protokollsutdrag: the protocol's header, "Utdrag ur protokoll", the paragraph as the protocol has it, the justering and the Utdragsbestyrkande. */
export function buildMinutesExtractDocument(view: MinutesExtractView): Document {
  checkParagraph(view.paragraph);
  const date = swedishLongDate(view.meetingDate);
  return buildDocument({
    title: `Protokollsutdrag § ${view.paragraph.number} – ${view.organName} – ${date}`,
    municipalityName: view.municipalityName,
    header: pageHeader({ municipalityName: view.municipalityName, documentName: 'SAMMANTRÄDESPROTOKOLL', organName: view.organName, dateLine: `Sammanträdesdatum ${date}`, draftNotice: null }),
    children: [
      heading('Utdrag ur protokoll', 1),
      compact(`${view.organName}, sammanträde ${date}`),
      ...paragraphContent(view.paragraph, { pageBreakBefore: false }),
      heading('Justering', 2),
      plainParagraph(view.verification),
      ...(view.posting === null ? [] : postingLines(view.posting)),
      heading('Utdragsbestyrkande', 2),
      plainParagraph('Utdraget överensstämmer med originalet.'),
      signatureLine('', null),
      signedName(view.certifiedBy),
    ],
  });
}

/** Renders the protokollsutdrag as DOCX; see {@link buildMinutesExtractDocument}. */
export async function renderMinutesExtract(view: MinutesExtractView): Promise<Buffer> {
  return Packer.toBuffer(buildMinutesExtractDocument(view));
}

// ---------------------------------------------------------------------------------------------------------------------
// Checks

function checkMinutes(view: MinutesView): void {
  const times: [string, string][] = [
    ['Starttid', view.startTime],
    ['Sluttid', view.endTime],
    ...view.adjournments.flatMap((span): [string, string][] => [
      ['Ajournering', span.from],
      ['Ajournering', span.to],
    ]),
  ];
  for (const [what, time] of times) {
    if (!TIME.test(time)) throw new RangeError(`${what}: ogiltig tid "${time}" (väntade TT:MM)`);
  }
  const seen = new Set<number>();
  for (const paragraph of view.paragraphs) {
    // Two paragraphs with one number would give the protocol and its extracts two different "§ 4".
    if (seen.has(paragraph.number)) throw new RangeError(`§ ${paragraph.number} förekommer två gånger i protokollet`);
    seen.add(paragraph.number);
    checkParagraph(paragraph);
  }
}

function checkParagraph(paragraph: ParagraphView): void {
  if (!Number.isInteger(paragraph.number) || paragraph.number < 1) throw new RangeError(`Ogiltigt paragrafnummer: ${paragraph.number}`);
  const vote = paragraph.vote;
  // A secret ballot has totals and no rows; an open vote's totals must be what its rows say, or the protocol contradicts itself.
  if (vote === null || vote.rows.length === 0) return;
  const counted = { yes: 0, no: 0, abstain: 0 };
  for (const row of vote.rows) counted[row.choice] += 1;
  if (counted.yes !== vote.yes || counted.no !== vote.no || counted.abstain !== vote.abstain) {
    throw new RangeError(
      `Omröstningen i § ${paragraph.number}: summorna ${vote.yes}/${vote.no}/${vote.abstain} stämmer inte med ledamöternas röster ${counted.yes}/${counted.no}/${counted.abstain}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// The protokoll

function minutesContent(view: MinutesView, date: string): FileChild[] {
  const attendanceApart = attendanceLineCount(view) > MAX_ATTENDANCE_LINES_ON_FIRST_PAGE;
  return [
    ...(view.draftNotice === null ? [] : [draftNotice(view.draftNotice)]),
    compact(view.organName, { bold: true }),
    heading('Sammanträdesprotokoll', 1),
    plainParagraph(date),
    ...(view.personalDataNotice ? [plainParagraph(view.personalDataNotice)] : []),
    heading('Plats och tid', 2),
    plainParagraph(placeAndTime(view)),
    ...(attendanceApart ? attendanceReference() : attendance(view, 'Beslutande')),
    heading('Utses att justera', 2),
    ...lines(view.verifiers),
    heading('Justeringens plats och tid', 2),
    plainParagraph(view.verificationPlaceAndTime ?? ''),
    ...signatures(view),
    ...approvals(view),
    postingBox(view),
    ...(attendanceApart ? attendancePage(view) : []),
    ...agendaList(view.paragraphs),
    ...view.paragraphs.flatMap((paragraph) => paragraphContent(paragraph, { pageBreakBefore: true })),
  ];
}

function placeAndTime(view: MinutesView): string {
  const spans = view.adjournments.map((span) => `${span.from}–${span.to}`);
  const adjourned = spans.length === 0 ? '' : `, ${spans.length === 1 ? 'ajournering' : 'ajourneringar'} kl. ${swedishList(spans)}`;
  return `${view.place}\nkl. ${view.startTime}–${view.endTime}${adjourned}`;
}

function attendanceLineCount(view: MinutesView): number {
  return view.deciding.length + view.nonServingSubstitutes.length + view.officials.length + view.others.length;
}

/** Beslutande (Närvarande in minnesanteckningar) and Övriga närvarande, the groups of the latter only when there is someone in them. */
function attendance(view: MinutesView, decidingLabel: string): FileChild[] {
  const groups: [string, AttendeeLine[]][] = [
    ['Ej tjänstgörande ersättare', view.nonServingSubstitutes],
    ['Tjänstemän', view.officials],
    ['Övriga', view.others],
  ];
  const present = groups.filter(([, people]) => people.length > 0);
  return [
    heading(decidingLabel, 2),
    ...lines(view.deciding.map(attendeeText)),
    ...(present.length === 0 ? [] : [heading('Övriga närvarande', 2), ...present.flatMap(([label, people]) => [heading(label, 3), ...lines(people.map(attendeeText))])]),
  ];
}

function attendanceReference(): FileChild[] {
  return [
    heading('Beslutande', 2),
    new Paragraph({ children: [new TextRun('Se närvarolista, sidan '), new PageReference(ATTENDANCE_BOOKMARK, { hyperlink: true })] }),
  ];
}

function attendancePage(view: MinutesView): FileChild[] {
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new Bookmark({ id: ATTENDANCE_BOOKMARK, children: [new TextRun('Närvarolista')] })],
    }),
    ...attendance(view, 'Beslutande'),
  ];
}

/** "Håkan Frank (M), ordförande", "Jonas Fors, Förvaltningschef, § 7". */
function attendeeText(attendee: AttendeeLine): string {
  return [personText(attendee.name, attendee.party), attendee.title, attendee.note].filter((part) => part !== null && part.trim() !== '').join(', ');
}

function personText(name: string, party: string | null): string {
  return party === null || party.trim() === '' ? name : `${name} (${party})`;
}

/** Underskrifter: a line to sign on for the secretary, beside the paragraphs signed for, the chair and each verifier, their names below. */
function signatures(view: MinutesView): FileChild[] {
  const verifiers = view.signatures.verifiers.length === 0 ? [null] : view.signatures.verifiers;
  return [
    heading('Underskrifter', 2),
    signatureLine('Sekreterare', `Paragrafer ${paragraphNumbers(view.paragraphRange)}`),
    signedName(view.signatures.secretary),
    signatureLine('Ordförande', null),
    signedName(view.signatures.chair),
    ...verifiers.flatMap((name) => [signatureLine('Justerande', null), signedName(name)]),
  ];
}

/** "§§ 1–7" as Ludvika writes it after "Paragrafer": "1–7". */
function paragraphNumbers(range: string): string {
  return range.replace(/^§+\s*/, '');
}

function signatureLine(role: string, aside: string | null): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: 480, after: 0 },
    tabStops: [
      { type: TabStopType.LEFT, position: SIGNATURE_INDENT },
      // The leader draws the line to sign on; a screen reader passes over it instead of reading underscores.
      { type: TabStopType.LEFT, position: SIGNATURE_LINE_END, leader: LeaderType.UNDERSCORE },
      { type: TabStopType.LEFT, position: SIGNATURE_LINE_END + 284 },
    ],
    children: [
      new TextRun({ text: role, bold: true }),
      new TextRun({ children: [new Tab(), new Tab()] }),
      ...(aside === null ? [] : [new TextRun({ children: [new Tab(), aside] })]),
    ],
  });
}

function signedName(name: string | null): Paragraph {
  // Kept with what follows, down to the ANSLAG/BEVIS box, so that everything signed is on one page.
  return compact(name ?? '', { indent: { left: SIGNATURE_INDENT }, keepNext: true });
}

/** The electronic justering: who approved in which role and when, and the checksum of the content they approved. */
function approvals(view: MinutesView): FileChild[] {
  if (view.approvals.length === 0) return [];
  return [
    heading('Elektroniskt justerat', 3),
    ...view.approvals.map((approval) => compact(`${approval.role}: ${approval.name}, ${swedishLongDateTime(approval.approvedAt)}`, { size: 18, keepNext: true })),
    ...(view.contentSha256 === null
      ? []
      : [
          new Paragraph({
            spacing: { before: 60 },
            keepNext: true,
            children: [new TextRun({ text: 'Kontrollsumma (SHA-256): ', size: 18 }), new TextRun({ text: view.contentSha256, size: 16, font: 'Courier New' })],
          }),
        ]),
  ];
}

/**
 * The ANSLAG/BEVIS box. Before the justering the posting dates are not known; the box is printed all the same, with
 * what the protocol itself says and the rest left blank, as on a paper protocol that is posted by hand.
 */
function postingBox(view: MinutesView): Table {
  const posting = view.posting;
  const rows: [string, string][] = [
    ['Organ', posting?.organName ?? view.organName],
    ['Sammanträdesdatum', swedishLongDate(posting?.meetingDate ?? view.meetingDate)],
    ['Paragrafer', paragraphNumbers(posting?.paragraphs ?? view.paragraphRange)],
    ['Datum då anslaget sätts upp', posting === null ? '' : swedishLongDate(posting.postedOn)],
    ['Datum då anslaget tas ned', posting === null ? '' : swedishLongDate(posting.takenDownOn)],
    ['Sista dag för överklagande', posting === null ? '' : swedishLongDate(posting.lastAppealDay)],
    ['Förvaringsplats för protokollet', posting?.storagePlace ?? ''],
    ['Underskrift', posting?.signedBy ?? ''],
  ];
  const frame = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
  const widths = [3402, TEXT_WIDTH_TWIPS - 3402];
  const cellParagraph = (children: ParagraphChild[], last: boolean) => new Paragraph({ keepNext: !last, spacing: { before: 40, after: 40 }, children });
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    borders: { ...TableBorders.NONE, top: frame, bottom: frame, left: frame, right: frame },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: [
          new TableCell({
            columnSpan: 2,
            width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
            children: [
              cellParagraph([new TextRun({ text: 'ANSLAG/BEVIS', bold: true }), new TextRun({ text: 'Protokollet är justerat. Justeringen har tillkännagivits genom anslag.', break: 1 })], false),
            ],
          }),
        ],
      }),
      ...rows.map(
        ([label, value], index) =>
          new TableRow({
            cantSplit: true,
            children: [
              new TableCell({ width: { size: widths[0], type: WidthType.DXA }, children: [cellParagraph([new TextRun(label)], index === rows.length - 1)] }),
              new TableCell({ width: { size: widths[1], type: WidthType.DXA }, children: [cellParagraph(textRuns(value), index === rows.length - 1)] }),
            ],
          }),
      ),
    ],
  });
}

/** Ärendelista: every paragraph with its title and dnr, from a page of its own after the signature page. */
function agendaList(paragraphs: ParagraphView[]): FileChild[] {
  const table = dataTable(
    [['§', 'Ärende', 'Dnr'], ...paragraphs.map((paragraph) => [`§ ${paragraph.number}`, paragraph.title, paragraph.caseNumber ?? ''])],
    { borders: false, columnWidths: [851, TEXT_WIDTH_TWIPS - 851 - 1985, 1985] },
  );
  return [new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: textRuns('Ärendelista') }), ...(table ? [table] : [])];
}

// ---------------------------------------------------------------------------------------------------------------------
// A paragraph, as the protokoll and its extracts print it

function paragraphContent(paragraph: ParagraphView, options: { pageBreakBefore: boolean }): FileChild[] {
  return [
    paragraphHeading(paragraph, options.pageBreakBefore),
    ...decision(paragraph, 'Beslut'),
    ...section('Yrkanden', paragraph.motions.map(plainParagraph)),
    ...section('Beslutsgång', paragraph.decisionProcedure.map(plainParagraph)),
    ...(paragraph.vote === null ? [] : voteSection(paragraph.vote)),
    ...section('Reservation', paragraph.dissents.flatMap(dissent)),
    ...section('Protokollsanteckning', paragraph.notes.flatMap(minutesNote)),
    ...section('Jäv', paragraph.disqualifications.map(disqualification)),
    ...section('Beskrivning av ärendet', paragraph.description === null ? [] : bodyParagraphs(paragraph.description)),
    ...section('Beslutsunderlag', paragraph.decisionBasis.map(bulletItem)),
    ...section('Beslut skickas till', paragraph.distribution.map(bulletItem)),
    ...(paragraph.approvedAtMeeting ? [new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: 'Omedelbart justerad', bold: true, italics: true })] })] : []),
  ];
}

/**
 * "§ 4 (Au § 2)  Dnr SUN 2022/2" over the title, in one Heading 1: the way a reader looks a paragraph up, and what a
 * screen reader's list of headings shows.
 */
function paragraphHeading(paragraph: ParagraphView, pageBreakBefore: boolean, label = '§'): Paragraph {
  const number = `${label} ${paragraph.number}${paragraph.preparedIn === null ? '' : ` (${paragraph.preparedIn})`}`;
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    pageBreakBefore: pageBreakBefore ? true : undefined,
    tabStops: [{ type: TabStopType.LEFT, position: 2835 }],
    children: [
      new TextRun(number),
      ...(paragraph.caseNumber === null ? [] : [new TextRun({ children: [new Tab(), `Dnr ${paragraph.caseNumber}`] })]),
      new TextRun({ text: paragraph.title.replace(/\s*\n\s*/g, ' '), break: 1 }),
    ],
  });
}

/** The decision: numbered points when there are several, each paragraph's list from 1. */
function decision(paragraph: ParagraphView, label: string): FileChild[] {
  const points = paragraph.decision.filter((point) => point.trim() !== '');
  if (points.length <= 1) return section(label, points.map(plainParagraph));
  // The paragraph number as the list's instance: each paragraph's points count from 1, in the protocol and in an extract.
  return section(label, points.map((point) => numberedItem(point, LIST.decimal, paragraph.number)));
}

/** A subsection under its Heading 2, or nothing when it has no content: an empty "Jäv" would suggest there was one. */
function section(title: string, content: FileChild[]): FileChild[] {
  return content.length === 0 ? [] : [heading(title, 2), ...content];
}

function dissent(entry: ParagraphView['dissents'][number]): Paragraph[] {
  const reasons = entry.reasons?.trim() ?? '';
  return [
    plainParagraph(`${personText(entry.name, entry.party)} reserverar sig mot beslutet.`),
    ...(reasons === '' ? [] : [plainParagraph(`Skriftlig reservation: ${reasons}`)]),
  ];
}

function minutesNote(note: ParagraphView['notes'][number]): FileChild[] {
  const who = note.name === null ? note.party : personText(note.name, note.party);
  return [...(who === null || who.trim() === '' ? [] : [plainParagraph(`${who} lämnar följande protokollsanteckning:`)]), ...bodyParagraphs(note.text)];
}

function disqualification(entry: ParagraphView['disqualifications'][number]): Paragraph {
  // "i ledamotens ställe": the protocol does not state the member's gender.
  const served = entry.substitute === null || entry.substitute.trim() === '' ? '' : ` ${entry.substitute} tjänstgör i ledamotens ställe.`;
  return plainParagraph(`${personText(entry.name, entry.party)} anmäler jäv och deltar inte i handläggningen.${served}`);
}

/** Omröstning: what Ja and Nej stood for, each member's vote with an X, the totals, the casting vote and the result. */
function voteSection(vote: VoteView): FileChild[] {
  return [
    heading('Omröstning', 2),
    plainParagraph(`Ja-röst för ${vote.yesLabel}, Nej-röst för ${vote.noLabel}.`),
    voteTable(vote),
    ...(vote.castingVote === null || vote.castingVote.trim() === '' ? [] : [new Paragraph({ spacing: { before: 120 }, children: textRuns(vote.castingVote) })]),
    new Paragraph({ spacing: { before: 120 }, children: textRuns(vote.result) }),
  ];
}

const VOTE_COLUMNS = [TEXT_WIDTH_TWIPS - 3 * 1134, 1134, 1134, 1134];

function voteTable(vote: VoteView): Table {
  const line = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
  const mark = (chosen: boolean) => (chosen ? 'X' : '');
  const rows: { cells: string[]; header?: true; bold?: true }[] = [
    { cells: ['Ledamot', 'Ja', 'Nej', 'Avstår'], header: true, bold: true },
    ...vote.rows.map((row) => ({
      cells: [[personText(row.name, row.party), row.note].filter((part) => part !== null && part.trim() !== '').join(', '), mark(row.choice === 'yes'), mark(row.choice === 'no'), mark(row.choice === 'abstain')],
    })),
    { cells: ['Summa', String(vote.yes), String(vote.no), String(vote.abstain)], bold: true },
  ];
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: VOTE_COLUMNS,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: rows.map(
      (row) =>
        new TableRow({
          // Repeated on each page of a long vote, and announced by screen readers as the columns' headers.
          tableHeader: row.header,
          cantSplit: true,
          children: row.cells.map(
            (text, column) =>
              new TableCell({
                width: { size: VOTE_COLUMNS[column], type: WidthType.DXA },
                children: [
                  new Paragraph({
                    spacing: { after: 0 },
                    alignment: column === 0 ? undefined : AlignmentType.CENTER,
                    children: [new TextRun({ text, bold: row.bold })],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Minnesanteckningar

/**
 * Minnesanteckningar of a råd or beredning: who was there and, per point, what was raised and what the group
 * recommends. A råd decides nothing, so there is no justering, anslag, vote, reservation or jäv to print.
 */
function notesContent(view: MinutesView, date: string): FileChild[] {
  return [
    ...(view.draftNotice === null ? [] : [draftNotice(view.draftNotice)]),
    compact(view.organName, { bold: true }),
    heading('Minnesanteckningar', 1),
    plainParagraph(date),
    heading('Plats och tid', 2),
    plainParagraph(placeAndTime(view)),
    ...attendance(view, 'Närvarande'),
    ...view.paragraphs.flatMap((paragraph) => [
      paragraphHeading(paragraph, false, 'Punkt'),
      ...section('Beskrivning', paragraph.description === null ? [] : bodyParagraphs(paragraph.description)),
      ...section('Förslag', paragraph.motions.map(plainParagraph)),
      ...decision(paragraph, 'Gruppens rekommendation'),
      ...section('Noteringar', paragraph.notes.flatMap(minutesNote)),
      ...section('Underlag', paragraph.decisionBasis.map(bulletItem)),
    ]),
    heading('Vid anteckningarna', 2),
    new Paragraph({ spacing: { before: 480 }, children: textRuns(view.signatures.secretary ?? '') }),
  ];
}

// ---------------------------------------------------------------------------------------------------------------------
// Shared pieces

interface PageHeaderOptions {
  municipalityName: string;
  documentName: string;
  organName: string;
  dateLine: string;
  draftNotice: string | null;
}

/**
 * On every page, as on Ludvika's protocols: the municipality and "Sida 3(12)", the kind of document, the organ and the
 * meeting date, so that a page copied on its own still says where it comes from. A draft says so on every page.
 */
function pageHeader(options: PageHeaderOptions): Header {
  const right = [{ type: TabStopType.RIGHT, position: TEXT_WIDTH_TWIPS }];
  const small = 18;
  return new Header({
    children: [
      new Paragraph({
        spacing: { after: 0 },
        tabStops: right,
        children: [
          new TextRun({ text: options.municipalityName.toLocaleUpperCase('sv-SE'), bold: true, size: small }),
          new TextRun({ children: [new Tab(), 'Sida ', PageNumber.CURRENT, '(', PageNumber.TOTAL_PAGES, ')'], size: small }),
        ],
      }),
      new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text: options.documentName, bold: true, size: small })] }),
      new Paragraph({
        spacing: { after: 120 },
        tabStops: right,
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '808080', space: 4 } },
        children: [new TextRun({ text: options.organName, size: small }), new TextRun({ children: [new Tab(), options.dateLine], size: small })],
      }),
      ...(options.draftNotice === null ? [] : [new Paragraph({ children: [new TextRun({ text: options.draftNotice, bold: true, color: 'C00000', size: small })] })]),
    ],
  });
}

function draftNotice(text: string): Paragraph {
  const line = { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 4 };
  return new Paragraph({ border: { top: line, bottom: line, left: line, right: line }, spacing: { after: 240 }, children: textRuns(text, { bold: true }) });
}

/** A paragraph set close to the next, as the lines of a list of names; "\n" are line breaks. */
function compact(text: string, options: { bold?: true; size?: number; indent?: { left: number }; keepNext?: true } = {}): Paragraph {
  return new Paragraph({ spacing: { after: 0 }, indent: options.indent, keepNext: options.keepNext, children: sizedRuns(text, options) });
}

function sizedRuns(text: string, options: { bold?: true; size?: number }): TextRun[] {
  if (options.size === undefined) return textRuns(text, { bold: options.bold });
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, index) => new TextRun({ text: line.trimEnd(), bold: options.bold, size: options.size, break: index === 0 ? undefined : 1 }));
}

function lines(texts: string[]): Paragraph[] {
  const last = texts.length - 1;
  return texts.map((text, index) => (index === last ? new Paragraph({ children: textRuns(text) }) : compact(text)));
}

function postingLines(posting: PostingView): Paragraph[] {
  return [
    compact(`Datum då anslaget sätts upp: ${swedishLongDate(posting.postedOn)}`),
    compact(`Datum då anslaget tas ned: ${swedishLongDate(posting.takenDownOn)}`),
    compact(`Sista dag för överklagande: ${swedishLongDate(posting.lastAppealDay)}`),
    plainParagraph(`Förvaringsplats för protokollet: ${posting.storagePlace}`),
  ];
}

/** "a", "a och b", "a, b och c". */
function swedishList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}
