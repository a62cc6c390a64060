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
import { noReportedDecisionsText, reportedDecisionTables } from './delegation-report';
import { ApprovalView, AttendeeLine, MinutesExtractView, MinutesView, ParagraphView, PostingView, VoteView } from './minutes.view-model';
import { bindParagraphSignsIn, paragraphSign } from './paragraph-sign';
import { ArchivalCopyOptions, signingRecordBlock, signingRecordProperties } from './signing-record';
import { finnishLongDate, swedishLongDate, swedishLongDateTime } from './swedish-dates';
import { DocumentLanguage, labeller, LABEL_TERMS, TermKey, withFinnish } from './terms';

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
 * The labels of one document: Swedish, and "Swedish / Finnish" for an organ with Finnish (lag 2009:724), as the
 * kallelse gives them. `date` gives a date in Swedish, with the Finnish below it for an organ with Finnish.
 */
interface Labels {
  finnish: boolean;
  label(key: TermKey): string;
  date(isoDate: string): string;
}

function labelsFor(languages: DocumentLanguage[] | undefined): Labels {
  const finnish = withFinnish(languages);
  return {
    finnish,
    label: labeller(finnish),
    date: (isoDate) => (finnish ? `${swedishLongDate(isoDate)}\n${finnishLongDate(isoDate)}` : swedishLongDate(isoDate)),
  };
}

/**
 * The protokoll or, for `kind: 'notes'`, the minnesanteckningar as a Word document; see {@link renderMinutes}.
 * Throws a RangeError on a view that would print a wrong protocol: two paragraphs with one number, a time that is
 * not HH:MM, a vote whose totals do not add up from its rows.
 */
export function buildMinutesDocument(given: MinutesView, options: ArchivalCopyOptions = {}): Document {
  checkMinutes(given);
  const view = bindParagraphSignsIn(given);
  const notes = view.kind === 'notes';
  const date = swedishLongDate(view.meetingDate);
  const labels = labelsFor(view.languages);
  return buildDocument({
    title: `${notes ? 'Minnesanteckningar' : 'Sammanträdesprotokoll'} – ${view.organName} – ${date}`,
    municipalityName: view.municipalityName,
    header: pageHeader({
      municipalityName: view.municipalityName,
      documentName: labels.label(notes ? 'notes' : 'meetingMinutes').toLocaleUpperCase('sv-SE'),
      organName: view.organName,
      dateLine: `${labels.label(notes ? 'date' : 'meetingDate')} ${date}`,
      draftNotice: view.draftNotice,
      pageLabel: labels.label('page'),
    }),
    children: [...(notes ? notesContent(view, labels) : minutesContent(view, labels)), ...archivalBlock(options)],
    properties: archivalProperties(options),
  });
}

/** Renders the protokoll or minnesanteckningar as DOCX. Rejects a view {@link buildMinutesDocument} refuses. */
export async function renderMinutes(view: MinutesView, options: ArchivalCopyOptions = {}): Promise<Buffer> {
  return Packer.toBuffer(buildMinutesDocument(view, options));
}

/** A protokollsutdrag: the protocol's header, "Utdrag ur protokoll", the paragraph as the protocol has it, the justering and the Utdragsbestyrkande. */
export function buildMinutesExtractDocument(given: MinutesExtractView, options: ArchivalCopyOptions = {}): Document {
  checkParagraph(given.paragraph);
  const view = bindParagraphSignsIn(given);
  const date = swedishLongDate(view.meetingDate);
  const labels = labelsFor(view.languages);
  const { label } = labels;
  return buildDocument({
    title: `Protokollsutdrag ${paragraphSign(view.paragraph.number)} – ${view.organName} – ${date}`,
    municipalityName: view.municipalityName,
    header: pageHeader({
      municipalityName: view.municipalityName,
      documentName: label('meetingMinutes').toLocaleUpperCase('sv-SE'),
      organName: view.organName,
      dateLine: `${label('meetingDate')} ${date}`,
      draftNotice: null,
      pageLabel: label('page'),
    }),
    children: [
      heading(label('extractHeading'), 1),
      compact(`${view.organName}, sammanträde ${date}${labels.finnish ? ` / kokous ${finnishLongDate(view.meetingDate)}` : ''}`),
      ...paragraphContent(view.paragraph, { pageBreakBefore: false, labels }),
      heading(label('verification'), 2),
      plainParagraph(view.verification),
      ...(view.posting === null ? [] : postingLines(view.posting, labels)),
      heading(label('extractCertification'), 2),
      plainParagraph(label('extractAgrees')),
      signatureLine('', null),
      signedName(view.certifiedBy),
      ...archivalBlock(options),
    ],
    properties: archivalProperties(options),
  });
}

/** The archival copy's signing record, at the very end; the metadata carries it too. */
function archivalBlock(options: ArchivalCopyOptions): FileChild[] {
  return options.signingRecord ? signingRecordBlock(options.signingRecord) : [];
}

function archivalProperties(options: ArchivalCopyOptions) {
  return options.signingRecord ? signingRecordProperties(options.signingRecord) : undefined;
}

/** Renders the protokollsutdrag as DOCX; see {@link buildMinutesExtractDocument}. */
export async function renderMinutesExtract(view: MinutesExtractView, options: ArchivalCopyOptions = {}): Promise<Buffer> {
  return Packer.toBuffer(buildMinutesExtractDocument(view, options));
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

function minutesContent(view: MinutesView, labels: Labels): FileChild[] {
  const { label } = labels;
  const attendanceApart = attendanceLineCount(view) > MAX_ATTENDANCE_LINES_ON_FIRST_PAGE;
  return [
    ...(view.draftNotice === null ? [] : [draftNotice(view.draftNotice)]),
    compact(view.organName, { bold: true }),
    heading(label('meetingMinutes'), 1),
    plainParagraph(labels.date(view.meetingDate)),
    ...(view.personalDataNotice ? [plainParagraph(view.personalDataNotice)] : []),
    heading(label('placeAndTime'), 2),
    plainParagraph(placeAndTime(view)),
    ...(attendanceApart ? attendanceReference(labels) : attendance(view, 'deciding', labels)),
    heading(label('appointedVerifiers'), 2),
    ...lines(view.verifiers),
    heading(label('verificationPlaceAndTime'), 2),
    plainParagraph(view.verificationPlaceAndTime ?? ''),
    ...signatures(view, labels),
    ...approvals(view, labels),
    postingBox(view, labels),
    ...(attendanceApart ? attendancePage(view, labels) : []),
    ...agendaList(view.paragraphs, labels),
    ...view.paragraphs.flatMap((paragraph) => paragraphContent(paragraph, { pageBreakBefore: true, labels })),
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
function attendance(view: MinutesView, decidingLabel: 'deciding' | 'present', { label }: Labels): FileChild[] {
  const groups: [string, AttendeeLine[]][] = [
    [label('nonServingSubstitutes'), view.nonServingSubstitutes],
    [label('officials'), view.officials],
    [label('others'), view.others],
  ];
  const present = groups.filter(([, people]) => people.length > 0);
  return [
    heading(label(decidingLabel), 2),
    ...lines(view.deciding.map(attendeeText)),
    ...(present.length === 0 ? [] : [heading(label('othersPresent'), 2), ...present.flatMap(([group, people]) => [heading(group, 3), ...lines(people.map(attendeeText))])]),
  ];
}

function attendanceReference(labels: Labels): FileChild[] {
  const page = () => new PageReference(ATTENDANCE_BOOKMARK, { hyperlink: true });
  return [
    heading(labels.label('deciding'), 2),
    new Paragraph({
      children: [new TextRun('Se närvarolista, sidan '), page(), ...(labels.finnish ? [new TextRun(' / Katso läsnäololista, sivu '), page()] : [])],
    }),
  ];
}

function attendancePage(view: MinutesView, labels: Labels): FileChild[] {
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new Bookmark({ id: ATTENDANCE_BOOKMARK, children: [new TextRun(labels.label('attendanceList'))] })],
    }),
    ...attendance(view, 'deciding', labels),
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
function signatures(view: MinutesView, { label }: Labels): FileChild[] {
  const verifiers = view.signatures.verifiers.length === 0 ? [null] : view.signatures.verifiers;
  return [
    heading(label('signatures'), 2),
    signatureLine(label('secretary'), `${label('paragraphs')} ${paragraphNumbers(view.paragraphRange)}`),
    signedName(view.signatures.secretary),
    signatureLine(label('chair'), null),
    signedName(view.signatures.chair),
    ...verifiers.flatMap((name) => [signatureLine(label('verifier'), null), signedName(name)]),
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

const APPROVER_ROLE = { Ordförande: 'chair', Justerande: 'verifier', Sekreterare: 'secretary' } as const satisfies Record<ApprovalView['role'], TermKey>;

/** The electronic justering: who approved in which role and when, and the checksum of the content they approved. */
function approvals(view: MinutesView, { label }: Labels): FileChild[] {
  if (view.approvals.length === 0) return [];
  return [
    heading(label('verifiedElectronically'), 3),
    ...view.approvals.map((approval) =>
      compact(`${label(APPROVER_ROLE[approval.role])}: ${approval.name}, ${swedishLongDateTime(approval.approvedAt)}${approval.authentication ? `, inloggad med ${approval.authentication}` : ''}`, { size: 18, keepNext: true }),
    ),
    ...(view.contentSha256 === null
      ? []
      : [
          new Paragraph({
            spacing: { before: 60 },
            keepNext: true,
            children: [new TextRun({ text: `${label('checksum')}: `, size: 18 }), new TextRun({ text: view.contentSha256, size: 16, font: 'Courier New' })],
          }),
        ]),
  ];
}

/**
 * The ANSLAG/BEVIS box. Before the justering the posting dates are not known; the box is printed all the same, with
 * what the protocol itself says and the rest left blank, as on a paper protocol that is posted by hand.
 */
function postingBox(view: MinutesView, { label, date, finnish }: Labels): Table {
  const posting = view.posting;
  const rows: [string, string][] = [
    [label('organ'), posting?.organName ?? view.organName],
    [label('meetingDate'), date(posting?.meetingDate ?? view.meetingDate)],
    [label('paragraphs'), paragraphNumbers(posting?.paragraphs ?? view.paragraphRange)],
    [label('postedOn'), posting === null ? '' : date(posting.postedOn)],
    [label('takenDownOn'), posting === null ? '' : date(posting.takenDownOn)],
    [label('lastAppealDay'), posting === null ? '' : date(posting.lastAppealDay)],
    [label('storagePlace'), posting?.storagePlace ?? ''],
    [label('signature'), posting?.signedBy ?? ''],
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
              cellParagraph(
                [
                  new TextRun({ text: label('postingProof'), bold: true }),
                  new TextRun({ text: LABEL_TERMS.postingProofText.sv, break: 1 }),
                  ...(finnish ? [new TextRun({ text: LABEL_TERMS.postingProofText.fi, break: 1 })] : []),
                ],
                false,
              ),
            ],
          }),
        ],
      }),
      ...rows.map(
        ([rowLabel, value], index) =>
          new TableRow({
            cantSplit: true,
            children: [
              new TableCell({ width: { size: widths[0], type: WidthType.DXA }, children: [cellParagraph([new TextRun(rowLabel)], index === rows.length - 1)] }),
              new TableCell({ width: { size: widths[1], type: WidthType.DXA }, children: [cellParagraph(textRuns(value), index === rows.length - 1)] }),
            ],
          }),
      ),
    ],
  });
}

/** Ärendelista: every paragraph with its title and dnr, from a page of its own after the signature page. */
function agendaList(paragraphs: ParagraphView[], labels: Labels): FileChild[] {
  const { label } = labels;
  const table = dataTable(
    [['§', label('matter'), label('caseNumber')], ...paragraphs.map((paragraph) => [paragraphSign(paragraph.number), titles(paragraph, labels), paragraph.caseNumber ?? ''])],
    { borders: false, columnWidths: [851, TEXT_WIDTH_TWIPS - 851 - 1985, 1985] },
  );
  return [new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: textRuns(label('matterList')) }), ...(table ? [table] : [])];
}

/** The title, and the Finnish title below it where the organ has Finnish and the secretary entered one. */
function titles(paragraph: ParagraphView, labels: Labels): string {
  const title = paragraph.title.replace(/\s*\n\s*/g, ' ');
  return labels.finnish && paragraph.titleFi ? `${title}\n${paragraph.titleFi.replace(/\s*\n\s*/g, ' ')}` : title;
}

// ---------------------------------------------------------------------------------------------------------------------
// A paragraph, as the protokoll and its extracts print it

function paragraphContent(paragraph: ParagraphView, options: { pageBreakBefore: boolean; labels: Labels }): FileChild[] {
  const { label } = options.labels;
  return [
    paragraphHeading(paragraph, options.pageBreakBefore, options.labels),
    ...decision(paragraph, label('decision')),
    ...section(label('motions'), paragraph.motions.map(plainParagraph)),
    ...section(label('decisionProcedure'), paragraph.decisionProcedure.map(plainParagraph)),
    ...(paragraph.vote === null ? [] : voteSection(paragraph.vote, options.labels)),
    ...section(label('dissent'), paragraph.dissents.flatMap(dissent)),
    ...section(label('minutesNote'), paragraph.notes.flatMap(minutesNote)),
    ...section(label('disqualification'), paragraph.disqualifications.map(disqualification)),
    ...section(label('description'), paragraph.description === null ? [] : bodyParagraphs(paragraph.description)),
    ...reportedDecisions(paragraph, options.labels),
    ...section(label('decisionBasis'), paragraph.decisionBasis.map(bulletItem)),
    ...section(label('distribution'), paragraph.distribution.map(bulletItem)),
    ...(paragraph.approvedAtMeeting ? [new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: label('verifiedAtMeeting'), bold: true, italics: true })] })] : []),
  ];
}

/**
 * "§ 4 (Au § 2)  Dnr SUN 2022/2" over the title, in one Heading 1: the way a reader looks a paragraph up, and what a
 * screen reader's list of headings shows.
 */
function paragraphHeading(paragraph: ParagraphView, pageBreakBefore: boolean, labels: Labels, label = '§'): Paragraph {
  const number = `${label === '§' ? paragraphSign(paragraph.number) : `${label} ${paragraph.number}`}${paragraph.preparedIn === null ? '' : ` (${paragraph.preparedIn})`}`;
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    pageBreakBefore: pageBreakBefore ? true : undefined,
    tabStops: [{ type: TabStopType.LEFT, position: 2835 }],
    children: [
      new TextRun(number),
      ...(paragraph.caseNumber === null ? [] : [new TextRun({ children: [new Tab(), `${labels.label('caseNumber')} ${paragraph.caseNumber}`] })]),
      ...titles(paragraph, labels)
        .split('\n')
        .map((title) => new TextRun({ text: title, break: 1 })),
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

/**
 * Anmälan av delegationsbeslut: the decisions reported, a table per kind under its heading ("Anmälda delegationsbeslut",
 * "Ordförandebeslut i brådskande ärenden"), or the sentence that there were none. Nothing on other paragraphs.
 */
function reportedDecisions(paragraph: ParagraphView, { finnish, label }: Labels): FileChild[] {
  if (paragraph.reportedDecisions === undefined || paragraph.reportedDecisions === null) return [];
  if (paragraph.reportedDecisions.length === 0) return section(label('reportedDelegatedDecisions'), noReportedDecisionsText(finnish).split('\n').map(plainParagraph));
  return reportedDecisionTables(paragraph.reportedDecisions, finnish, 'minutes').flatMap((table) => {
    const rendered = dataTable(table.rows, { columnWidths: table.columnWidths });
    return rendered ? [heading(table.heading, 2), rendered] : [];
  });
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
function voteSection(vote: VoteView, labels: Labels): FileChild[] {
  return [
    heading(labels.label('vote'), 2),
    plainParagraph(`Ja-röst för ${vote.yesLabel}, Nej-röst för ${vote.noLabel}.`),
    voteTable(vote, labels),
    ...(vote.castingVote === null || vote.castingVote.trim() === '' ? [] : [new Paragraph({ spacing: { before: 120 }, children: textRuns(vote.castingVote) })]),
    new Paragraph({ spacing: { before: 120 }, children: textRuns(vote.result) }),
  ];
}

const VOTE_COLUMNS = [TEXT_WIDTH_TWIPS - 3 * 1134, 1134, 1134, 1134];

function voteTable(vote: VoteView, { label }: Labels): Table {
  const line = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
  const mark = (chosen: boolean) => (chosen ? 'X' : '');
  const rows: { cells: string[]; header?: true; bold?: true }[] = [
    { cells: [label('member'), label('yes'), label('no'), label('abstain')], header: true, bold: true },
    ...vote.rows.map((row) => ({
      cells: [[personText(row.name, row.party), row.note].filter((part) => part !== null && part.trim() !== '').join(', '), mark(row.choice === 'yes'), mark(row.choice === 'no'), mark(row.choice === 'abstain')],
    })),
    { cells: [label('total'), String(vote.yes), String(vote.no), String(vote.abstain)], bold: true },
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
function notesContent(view: MinutesView, labels: Labels): FileChild[] {
  const { label } = labels;
  return [
    ...(view.draftNotice === null ? [] : [draftNotice(view.draftNotice)]),
    compact(view.organName, { bold: true }),
    heading(label('notes'), 1),
    plainParagraph(labels.date(view.meetingDate)),
    heading(label('placeAndTime'), 2),
    plainParagraph(placeAndTime(view)),
    ...attendance(view, 'present', labels),
    ...view.paragraphs.flatMap((paragraph) => [
      paragraphHeading(paragraph, false, labels, label('point')),
      ...section(label('notesDescription'), paragraph.description === null ? [] : bodyParagraphs(paragraph.description)),
      ...reportedDecisions(paragraph, labels),
      ...section(label('proposals'), paragraph.motions.map(plainParagraph)),
      ...decision(paragraph, label('recommendation')),
      ...section(label('remarks'), paragraph.notes.flatMap(minutesNote)),
      ...section(label('basis'), paragraph.decisionBasis.map(bulletItem)),
    ]),
    heading(label('noteTaker'), 2),
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
  /** "Sida", or "Sida / Sivu" for an organ with Finnish. */
  pageLabel: string;
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
          new TextRun({ children: [new Tab(), `${options.pageLabel} `, PageNumber.CURRENT, '(', PageNumber.TOTAL_PAGES, ')'], size: small }),
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

function postingLines(posting: PostingView, { label, finnish }: Labels): Paragraph[] {
  // One line per date: the Finnish date follows the Swedish on the same line.
  const date = (isoDate: string) => (finnish ? `${swedishLongDate(isoDate)} / ${finnishLongDate(isoDate)}` : swedishLongDate(isoDate));
  return [
    compact(`${label('postedOn')}: ${date(posting.postedOn)}`),
    compact(`${label('takenDownOn')}: ${date(posting.takenDownOn)}`),
    compact(`${label('lastAppealDay')}: ${date(posting.lastAppealDay)}`),
    plainParagraph(`${label('storagePlace')}: ${posting.storagePlace}`),
  ];
}

/** "a", "a och b", "a, b och c". */
function swedishList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}
