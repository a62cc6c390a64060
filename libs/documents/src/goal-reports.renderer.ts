import {
  AlignmentType,
  BorderStyle,
  Document,
  FileChild,
  Footer,
  Header,
  ImageRun,
  ISectionPropertiesOptions,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { bodyParagraphs, bulletItem, DOCUMENT_STYLES, heading, municipalityLine, NUMBERING_CONFIG, PAGE_PROPERTIES, TEXT_WIDTH_TWIPS } from './docx-helpers';
import { hasChartData, indicatorChartDescription, renderIndicatorChartPng } from './indicator-chart';
import { swedishLongDate } from './swedish-dates';
import {
  ActivityPlanGroupView,
  ActivityPlanView,
  ActivitySummaryTableView,
  ActivitySummaryView,
  GoalOverviewGoalView,
  GoalsOverviewHeadings,
  GoalsOverviewView,
  IndicatorSeriesView,
} from './view-models';

/*
 * The goal reports a matter on goals carries as attachments (../shared/domain/documents.md, "Goal reports as
 * attachments"): the overview of goals and indicators, a department's plan for målaktiviteter and the summary tables.
 */

/** A4 landscape with the margins of the portrait pages: the text is 14002 twips (24.7 cm) wide. */
export const LANDSCAPE_PAGE_PROPERTIES: ISectionPropertiesOptions = {
  page: {
    size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
    margin: { top: 1134, bottom: 1134, left: 1418, right: 1418 },
  },
};
export const LANDSCAPE_TEXT_WIDTH_TWIPS = 16838 - 2 * 1418;

/** Table text in 9 pt, as the wide tables of Ludvika's goal documents are set. */
const TABLE_TEXT_SIZE = 18;
const NOTE_TEXT_SIZE = 18;
const HEADER_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } as const;

/**
 * Charts are shown 6 × 3 inches (15.2 × 7.6 cm), so that two fit on a landscape page, and drawn at twice that, so that
 * they print sharply.
 */
const CHART_DISPLAY = { width: 576, height: 288 } as const;

// ---------------------------------------------------------------------------------------------------------------------
// Övergripande verksamhetsmål och resultatmått med målvärden

/**
 * The overview as a Word document on landscape pages: per goal a Heading 1, what the goal means, what is worked for in
 * particular, and a table of its indicators with the actual values (Utfall) and targets (Målvärde) per year, the
 * footnotes the table refers to below it, and when asked for, a chart of each indicator.
 */
export function buildGoalsOverviewDocument(view: GoalsOverviewView): Document {
  checkYears(view.actualYears, 'Utfall');
  checkYears(view.targetYears, 'Målvärde');
  const footnotes = new FootnoteNumbers(view.footnotes);
  const children: FileChild[] = [
    ...letterhead(view.municipalityName, view.date),
    heading(view.title, 1),
    ...view.intro.flatMap((paragraph) => bodyParagraphs(paragraph)),
    ...view.goals.flatMap((goal) => goalSection(goal, view, footnotes)),
    ...unreferencedNotes(footnotes),
  ];
  return goalDocument({ title: view.title, municipalityName: view.municipalityName, attachmentLabel: view.attachmentLabel, landscape: true, children });
}

/** Renders the overview as DOCX; see {@link buildGoalsOverviewDocument}. Rejects an invalid view (an unknown footnote). */
export async function renderGoalsOverview(view: GoalsOverviewView): Promise<Buffer> {
  return Packer.toBuffer(buildGoalsOverviewDocument(view));
}

/** Ludvika's headings, whose framework's levels are "Verksamhetsmål" and "Vi jobbar för att" and whose indicators are resultatmått. */
export const DEFAULT_OVERVIEW_HEADINGS: GoalsOverviewHeadings = Object.freeze({
  workingFor: 'Det här jobbar vi särskilt för',
  indicators: 'Resultatmått och målvärden',
  indicatorColumn: 'Resultatmått',
});

function goalSection(goal: GoalOverviewGoalView, view: GoalsOverviewView, footnotes: FootnoteNumbers): FileChild[] {
  const headings = view.headings ?? DEFAULT_OVERVIEW_HEADINGS;
  const blocks: FileChild[] = [heading(goal.title, 1)];
  if (goal.meaning !== null && goal.meaning.trim() !== '') blocks.push(heading('Det här menar vi med målet', 2), ...bodyParagraphs(goal.meaning));
  if (goal.workingFor.length > 0) blocks.push(heading(headings.workingFor, 2), ...goal.workingFor.map(bulletItem));
  if (goal.indicators.length === 0) return blocks;

  const referenced = new Set<number>();
  const table = indicatorTable(goal.indicators, view, footnotes, referenced);
  blocks.push(heading(headings.indicators, 2), table);
  // The footnotes of this table below it, as in Ludvika's document; also when an earlier table listed them already.
  const notes = [...referenced].sort((a, b) => a - b).map((number) => footnoteParagraph(number, footnotes.text(number)));
  // A paragraph after each table keeps it from merging with a table that follows.
  blocks.push(...(notes.length > 0 ? notes : [new Paragraph({ children: [] })]));
  if (view.includeCharts) blocks.push(...chartedIndicators(goal.indicators).map((indicator) => chartParagraph(indicator)));
  return blocks;
}

/**
 * The indicators that get a chart, in the table's order: each with something to draw, a parent without values of its own
 * drawn by its sub-measures (which then get no chart of their own), and no chart at all of an indicator without data.
 */
function chartedIndicators(indicators: IndicatorSeriesView[]): IndicatorSeriesView[] {
  return indicators.flatMap((indicator) => {
    const subMeasures = indicator.subMeasures ?? [];
    const ownData = indicator.actuals.some((actual) => actual.value !== null) || indicator.targets.some((target) => target.value !== null);
    if (!ownData && hasChartData(indicator)) return [indicator];
    return [...(hasChartData(indicator) ? [indicator] : []), ...chartedIndicators(subMeasures)];
  });
}

/** The table's rows: each indicator followed by its sub-measures, and theirs, in order. */
function tableRows(indicators: IndicatorSeriesView[], depth = 0): { indicator: IndicatorSeriesView; depth: number }[] {
  return indicators.flatMap((indicator) => [{ indicator, depth }, ...tableRows(indicator.subMeasures ?? [], depth + 1)]);
}

/**
 * Resultatmått | Utfall 2018 … 2022 | Målvärde 2021 … 2025, with "Utfall" and "Målvärde" over their years in a first
 * header row; both header rows repeat on each page. Values are right-aligned, their footnote numbers in superscript.
 */
function indicatorTable(indicators: IndicatorSeriesView[], view: GoalsOverviewView, footnotes: FootnoteNumbers, referenced: Set<number>): Table {
  const { actualYears, targetYears } = view;
  const indicatorColumn = (view.headings ?? DEFAULT_OVERVIEW_HEADINGS).indicatorColumn;
  const rows = tableRows(indicators);
  const yearColumns = actualYears.length + targetYears.length;
  const valueWidth = yearColumns === 0 ? 0 : Math.min(1247, Math.floor((LANDSCAPE_TEXT_WIDTH_TWIPS - 3969) / yearColumns));
  // A column of words ("implementerat", "Sammanställt") is widened to its longest word, so that no word is broken.
  const yearWidths = [
    ...actualYears.map((year) => Math.max(valueWidth, wordWidth([String(year), ...rows.map(({ indicator }) => indicator.actuals.find((actual) => actual.year === year)?.display ?? '')]))),
    ...targetYears.map((year) => Math.max(valueWidth, wordWidth([String(year), ...rows.map(({ indicator }) => indicator.targets.find((target) => target.year === year)?.display ?? '')]))),
  ];
  const nameWidth = Math.max(MIN_NAME_COLUMN_TWIPS, LANDSCAPE_TEXT_WIDTH_TWIPS - yearWidths.reduce((sum, width) => sum + width, 0));
  const columnWidths = [nameWidth, ...yearWidths];

  const header: GridCell[][] =
    yearColumns === 0
      ? [[{ content: indicatorColumn, bold: true }]]
      : [
          [
            { content: indicatorColumn, bold: true, rowSpan: 2 },
            ...(actualYears.length > 0 ? [{ content: 'Utfall', bold: true, align: 'center', columnSpan: actualYears.length } as const] : []),
            ...(targetYears.length > 0 ? [{ content: 'Målvärde', bold: true, align: 'center', columnSpan: targetYears.length } as const] : []),
          ],
          [...actualYears, ...targetYears].map((year): GridCell => ({ content: String(year), bold: true, align: 'right' })),
        ];

  const mark = (numbers: number[]) => {
    numbers.forEach((number) => referenced.add(number));
    return markers(numbers);
  };
  const body = rows.map(({ indicator, depth }): GridCell[] => {
    // A sub-measure is named with its tier ("Delmått: Grundskola"), indented under its parent.
    const tier = depth > 0 && indicator.tierName ? [new TextRun({ text: `${'    '.repeat(depth - 1)}${indicator.tierName}: `, italics: true, size: TABLE_TEXT_SIZE })] : [];
    const nameRuns: ParagraphChild[] = [...tier, ...runs(indicator.name, { size: TABLE_TEXT_SIZE }), ...mark(footnotes.numbers(indicator.footnotes ?? [], [], indicator.name))];
    if (indicator.source !== null && indicator.source.trim() !== '') {
      nameRuns.push(new TextRun({ text: indicator.source.trim(), italics: true, size: 16, break: 1 }));
    }
    const actualCells = actualYears.map((year): GridCell => {
      const value = indicator.actuals.find((actual) => actual.year === year);
      if (value === undefined) return { content: '' };
      const texts = [...(value.preliminary ? ['Preliminärt'] : []), ...(value.note === null || value.note.trim() === '' ? [] : [value.note.trim()])];
      const numbers = footnotes.numbers(value.footnotes, texts, indicator.name);
      return { content: [...runs(value.display, { size: TABLE_TEXT_SIZE }), ...mark(numbers)], align: 'right' };
    });
    const targetCells = targetYears.map((year): GridCell => {
      const value = indicator.targets.find((target) => target.year === year);
      if (value === undefined) return { content: '' };
      return { content: [...runs(value.display, { size: TABLE_TEXT_SIZE }), ...mark(footnotes.numbers(value.footnotes, [], indicator.name))], align: 'right' };
    });
    return [{ content: nameRuns }, ...actualCells, ...targetCells];
  });

  return gridTable({ columnWidths, header, body, size: TABLE_TEXT_SIZE });
}

/** The name column keeps at least 5 cm, however many columns of words the years take. */
const MIN_NAME_COLUMN_TWIPS = 2835;

/**
 * The width a column needs for the longest word of its cells in 9 pt (bold, as its header is): the widest letters of
 * Arial 9 pt bold ("m", "M", "ä") are about 150 twips, an average one about 110; cell margins take 230.
 */
function wordWidth(cells: string[]): number {
  const words = cells.flatMap((cell) => cell.split(/\s+/)).filter((word) => word !== '');
  const widest = Math.max(0, ...words.map((word) => [...word].reduce((sum, letter) => sum + (/[mwMWÅÄÖåäö@%]/.test(letter) ? 150 : 112), 0)));
  return Math.ceil(widest + 230);
}

/** " 1)" after a value, the number in superscript as in Ludvika's tables ("41% ¹⁾"); several as " 1) 3)". */
function markers(numbers: number[]): TextRun[] {
  if (numbers.length === 0) return [];
  return [
    new TextRun({ text: ' ', size: TABLE_TEXT_SIZE }),
    new TextRun({ text: numbers.map((number) => `${number})`).join(' '), superScript: true, size: TABLE_TEXT_SIZE }),
  ];
}

function footnoteParagraph(number: number, text: string): Paragraph {
  return new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text: `${number}) ${text}`, size: NOTE_TEXT_SIZE })] });
}

function chartParagraph(indicator: IndicatorSeriesView): Paragraph {
  const png = renderIndicatorChartPng(indicator, { width: CHART_DISPLAY.width * 2, height: CHART_DISPLAY.height * 2 });
  return new Paragraph({
    keepLines: true,
    spacing: { before: 120, after: 240 },
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: { ...CHART_DISPLAY },
        altText: { name: `Diagram: ${indicator.name}`, title: indicator.name, description: indicatorChartDescription(indicator) },
      }),
    ],
  });
}

/** Footnotes nothing in the overview refers to: general notes, printed at the end under "Noter". */
function unreferencedNotes(footnotes: FootnoteNumbers): FileChild[] {
  const notes = footnotes.unreferenced();
  if (notes.length === 0) return [];
  return [heading('Noter', 2), ...notes.map((text) => new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text, size: NOTE_TEXT_SIZE })] }))];
}

/**
 * Numbers the footnotes 1, 2 … in the order they are first referred to. A note given as text (a value's
 * "Avser november 2022", "Preliminärt") is a footnote too, and one text is one footnote, however often it is referred to.
 */
class FootnoteNumbers {
  private readonly byKey = new Map<string, string>();
  private readonly byText = new Map<string, number>();
  private readonly texts: string[] = [];

  constructor(private readonly footnotes: { key: string; text: string }[]) {
    for (const footnote of footnotes) {
      if (this.byKey.has(footnote.key)) throw new RangeError(`Fotnoten "${footnote.key}" förekommer två gånger`);
      this.byKey.set(footnote.key, footnote.text.trim());
    }
  }

  /** The numbers of the footnotes given by key and as text, in that order, each once. */
  numbers(keys: string[], texts: string[], indicatorName: string): number[] {
    const all = [
      ...texts,
      ...keys.map((key) => {
        const text = this.byKey.get(key);
        if (text === undefined) throw new RangeError(`Resultatmåttet "${indicatorName}" hänvisar till fotnoten "${key}", som inte finns`);
        return text;
      }),
    ];
    return [...new Set(all.map((text) => this.number(text)))];
  }

  text(number: number): string {
    return this.texts[number - 1];
  }

  unreferenced(): string[] {
    return this.footnotes.map((footnote) => footnote.text.trim()).filter((text) => !this.byText.has(identity(text)));
  }

  private number(text: string): number {
    const known = this.byText.get(identity(text));
    if (known !== undefined) return known;
    this.texts.push(text);
    this.byText.set(identity(text), this.texts.length);
    return this.texts.length;
  }
}

const identity = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv-SE');

function checkYears(years: number[], label: string): void {
  if (years.some((year) => !Number.isInteger(year))) throw new RangeError(`Ogiltigt år bland åren för ${label}: ${years.join(', ')}`);
  if (new Set(years).size !== years.length) throw new RangeError(`Ett år förekommer två gånger bland åren för ${label}: ${years.join(', ')}`);
}

// ---------------------------------------------------------------------------------------------------------------------
// <Förvaltning>s plan för målaktiviteter

const PLAN_COLUMN_WIDTHS = [567, 1701, 1984, 4819, 850, 1134, 2947];

/**
 * The plan on landscape pages: per group its heading, the goal, what is worked for and the indicator, then a table of
 * its activities (Nr · Förvaltning/bolag · Verksamhet · Aktivitet · Antal · Enhet · Övrigt/kommentar) whose header rows
 * repeat on each page.
 */
export function buildActivityPlanDocument(view: ActivityPlanView): Document {
  const children: FileChild[] = [
    ...letterhead(view.municipalityName, view.date ?? null),
    heading(view.title, 1),
    ...(view.intro ?? []).flatMap((paragraph) => bodyParagraphs(paragraph)),
    ...view.groups.flatMap((group) => activityGroup(group, view.lineLabels ?? { goal: 'Mål', workingFor: 'Vi jobbar för att', indicator: 'Resultatmått' })),
  ];
  return goalDocument({ title: view.title, municipalityName: view.municipalityName, attachmentLabel: view.attachmentLabel, landscape: true, children });
}

/** Renders the plan as DOCX; see {@link buildActivityPlanDocument}. */
export async function renderActivityPlan(view: ActivityPlanView): Promise<Buffer> {
  return Packer.toBuffer(buildActivityPlanDocument(view));
}

function activityGroup(group: ActivityPlanGroupView, labels: NonNullable<ActivityPlanView['lineLabels']>): FileChild[] {
  const lines = [
    labelledLine(labels.goal, group.goal),
    labelledLine(labels.workingFor, group.workingFor),
    labelledLine(labels.indicator, group.indicator),
  ].filter((line): line is Paragraph => line !== null);
  if (group.activities.length === 0) {
    return [heading(group.heading, 2), ...lines, new Paragraph({ children: [new TextRun({ text: 'Inga aktiviteter.', italics: true })] })];
  }
  const table = gridTable({
    columnWidths: PLAN_COLUMN_WIDTHS,
    size: TABLE_TEXT_SIZE,
    header: [
      [
        { content: 'Nr', bold: true, rowSpan: 2 },
        { content: 'Den som ska göra det', bold: true, columnSpan: 2, align: 'center' },
        { content: 'Det som ska göras', bold: true, columnSpan: 3, align: 'center' },
        { content: 'Övrigt/kommentar', bold: true, rowSpan: 2 },
      ],
      [
        { content: 'Förvaltning/bolag', bold: true },
        { content: 'Verksamhet', bold: true },
        { content: 'Aktivitet', bold: true },
        { content: 'Antal', bold: true, align: 'right' },
        { content: 'Enhet', bold: true },
      ],
    ],
    body: group.activities.map((activity): GridCell[] => [
      { content: String(activity.number) },
      { content: activity.responsible },
      { content: activity.unitOfWork ?? '' },
      { content: activity.text },
      { content: activity.quantity ?? '', align: 'right' },
      { content: activity.unit ?? '' },
      { content: activity.comment ?? '' },
    ]),
  });
  // The lines keep with the table, and a paragraph after it keeps it apart from the next group's.
  return [heading(group.heading, 2), ...lines, table, new Paragraph({ children: [] })];
}

/** "Mål: En av landets bästa skolkommuner", the label in bold and the text in italics as in Ludvika's plans. */
function labelledLine(label: string, value: string | null): Paragraph | null {
  if (value === null || value.trim() === '') return null;
  return new Paragraph({
    keepNext: true,
    spacing: { after: 40 },
    children: [new TextRun({ text: `${label}:`, bold: true }), new TextRun(' '), new TextRun({ text: value.replace(/\s*\n\s*/g, ' '), italics: true })],
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Summary tables

/** The summary on portrait pages: per table a heading and the table, with a last row "Sammanlagt" when it has a total. */
export function buildActivitySummaryDocument(view: ActivitySummaryView): Document {
  const children: FileChild[] = [
    ...letterhead(view.municipalityName, view.date ?? null),
    heading(view.title, 1),
    ...(view.note === null || view.note.trim() === '' ? [] : bodyParagraphs(view.note)),
    ...view.tables.flatMap(summaryTable),
  ];
  return goalDocument({ title: view.title, municipalityName: view.municipalityName, attachmentLabel: view.attachmentLabel, landscape: false, children });
}

/** Renders the summary as DOCX; see {@link buildActivitySummaryDocument}. Rejects a table whose rows are wider than its header. */
export async function renderActivitySummary(view: ActivitySummaryView): Promise<Buffer> {
  return Packer.toBuffer(buildActivitySummaryDocument(view));
}

function summaryTable(table: ActivitySummaryTableView): FileChild[] {
  const columns = table.columns.length;
  if (columns === 0) throw new RangeError(`Tabellen "${table.heading}" har inga kolumner`);
  const wide = table.rows.find((row) => row.length > columns);
  if (wide !== undefined) throw new RangeError(`Tabellen "${table.heading}" har en rad med fler celler än kolumner: ${wide.join(' | ')}`);
  const rows = table.rows.map((row) => Array.from({ length: columns }, (_, column) => row[column] ?? ''));
  // A column of numbers is right-aligned, its header too.
  const isNumber = (cell: string) => /^[-−–]?[\d\s\u00a0]*[,.]?\d*\s*%?$/.test(cell.trim());
  const numeric = Array.from({ length: columns }, (_, column) => rows.every((row) => isNumber(row[column])) && rows.some((row) => /\d/.test(row[column])));
  const align = (column: number): 'left' | 'right' => (numeric[column] ? 'right' : 'left');
  const totalRow = Array.from({ length: columns }, (_, column) => (column === columns - 1 ? (table.total ?? '') : ''));
  const widths = summaryColumnWidths([table.columns, ...rows, totalRow], columns);

  const footer: GridCell[][] =
    table.total === null
      ? []
      : [
          columns === 1
            ? [{ content: `Sammanlagt ${table.total}`, bold: true }]
            : [
                { content: 'Sammanlagt', bold: true, columnSpan: columns - 1 },
                { content: table.total, bold: true, align: align(columns - 1) },
              ],
        ];
  return [
    heading(table.heading, 2),
    gridTable({
      columnWidths: widths,
      header: [table.columns.map((column, index): GridCell => ({ content: column, bold: true, align: align(index) }))],
      body: [...rows.map((row) => row.map((cell, index): GridCell => ({ content: cell, align: align(index) }))), ...footer],
    }),
    new Paragraph({ children: [] }),
  ];
}

/**
 * Widths that fill the text width: each column gets room for its longest word (so that "Nr" and "Förkortning" stay whole)
 * and, as far as the page allows, for its longest text; what is left goes to the column with the longest texts.
 */
function summaryColumnWidths(rows: string[][], columns: number): number[] {
  // About the width of a character of Arial 11 pt in bold (header cells are), and the cell's margins, in twips.
  const character = 140;
  const margins = 230;
  const needs = Array.from({ length: columns }, (_, column) => {
    const cells = rows.map((row) => row[column] ?? '');
    const longestWord = Math.max(0, ...cells.flatMap((cell) => cell.split(/\s+/).map((word) => word.length)));
    const longest = Math.min(60, Math.max(0, ...cells.map((cell) => cell.length)));
    const minimum = Math.max(567, longestWord * character + margins);
    return { minimum, desired: Math.max(minimum, longest * character + margins) };
  });
  const minimum = needs.reduce((sum, need) => sum + need.minimum, 0);
  const desired = needs.reduce((sum, need) => sum + need.desired, 0);
  let widths: number[];
  if (minimum >= TEXT_WIDTH_TWIPS) widths = needs.map((need) => Math.floor((need.minimum * TEXT_WIDTH_TWIPS) / minimum));
  else if (desired > TEXT_WIDTH_TWIPS) {
    const share = (TEXT_WIDTH_TWIPS - minimum) / (desired - minimum);
    widths = needs.map((need) => Math.floor(need.minimum + (need.desired - need.minimum) * share));
  } else widths = needs.map((need) => need.desired);
  const widest = needs.reduce((best, need, index) => (need.desired > needs[best].desired ? index : best), 0);
  widths[widest] += TEXT_WIDTH_TWIPS - widths.reduce((sum, width) => sum + width, 0);
  return widths;
}

// ---------------------------------------------------------------------------------------------------------------------
// Shared

function letterhead(municipalityName: string, date: string | null): Paragraph[] {
  return [
    municipalityLine(municipalityName),
    new Paragraph({ spacing: { after: 240 }, children: date === null ? [] : [new TextRun(swedishLongDate(date))] }),
  ];
}

interface GoalDocumentOptions {
  title: string;
  municipalityName: string;
  attachmentLabel: string | null | undefined;
  landscape: boolean;
  children: FileChild[];
}

/** A goal report: the shared styles and lists, "Bilaga n" at the top of each page when given, "1(3)" at the bottom. */
function goalDocument(options: GoalDocumentOptions): Document {
  const label = options.attachmentLabel?.trim() ?? '';
  return new Document({
    title: options.title,
    creator: options.municipalityName,
    lastModifiedBy: options.municipalityName,
    styles: DOCUMENT_STYLES,
    numbering: { config: NUMBERING_CONFIG },
    sections: [
      {
        properties: options.landscape ? LANDSCAPE_PAGE_PROPERTIES : PAGE_PROPERTIES,
        headers: label === '' ? undefined : { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: label, size: 18 })] })] }) },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT, '(', PageNumber.TOTAL_PAGES, ')'], size: 18 })] })],
          }),
        },
        children: options.children,
      },
    ],
  });
}

interface GridCell {
  /** A text whose "\n" are line breaks, or runs already made. */
  content: string | ParagraphChild[];
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  columnSpan?: number;
  rowSpan?: number;
}

const ALIGNMENT = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/**
 * A table with one or more header rows, all marked `tableHeader` so that Word repeats them on each page and screen
 * readers announce them, shaded and in bold, and body rows that are not split across pages.
 */
function gridTable(options: { columnWidths: number[]; header: GridCell[][]; body: GridCell[][]; size?: number }): Table {
  const { columnWidths } = options;
  const line = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
  // Which columns of the rows below are taken by cells merged down from above, to give each cell its width.
  const takenUntil: number[] = columnWidths.map(() => -1);
  const allRows = [...options.header, ...options.body];
  return new Table({
    width: { size: columnWidths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: allRows.map((row, rowIndex) => {
      const isHeader = rowIndex < options.header.length;
      let column = 0;
      const cells = row.map((cell) => {
        while (column < columnWidths.length && takenUntil[column] >= rowIndex) column++;
        const span = Math.max(1, cell.columnSpan ?? 1);
        const width = columnWidths.slice(column, column + span).reduce((sum, value) => sum + value, 0);
        if ((cell.rowSpan ?? 1) > 1) for (let taken = column; taken < column + span; taken++) takenUntil[taken] = rowIndex + (cell.rowSpan ?? 1) - 1;
        column += span;
        return new TableCell({
          width: { size: width, type: WidthType.DXA },
          columnSpan: span > 1 ? span : undefined,
          rowSpan: (cell.rowSpan ?? 1) > 1 ? cell.rowSpan : undefined,
          shading: isHeader ? HEADER_SHADING : undefined,
          verticalAlign: isHeader ? VerticalAlign.BOTTOM : VerticalAlign.TOP,
          children: [
            new Paragraph({
              alignment: ALIGNMENT[cell.align ?? 'left'],
              spacing: { after: 40 },
              children: typeof cell.content === 'string' ? runs(cell.content, { bold: isHeader || cell.bold, size: options.size }) : cell.content,
            }),
          ],
        });
      });
      return new TableRow({
        // Leave the flag out on other rows: `false` is written as w:val="off", which mammoth reads as a header row.
        tableHeader: isHeader ? true : undefined,
        cantSplit: true,
        children: cells,
      });
    }),
  });
}

/** Text runs for a text whose "\n" are line breaks. */
function runs(text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, index) => new TextRun({ text: line.trimEnd(), break: index === 0 ? undefined : 1, bold: options.bold ? true : undefined, italics: options.italics, size: options.size }));
}
