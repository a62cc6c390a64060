import {
  AlignmentType,
  BorderStyle,
  Document,
  FileChild,
  Footer,
  Header,
  HeadingLevel,
  IPropertiesOptions,
  ISectionPropertiesOptions,
  LevelFormat,
  LevelSuffix,
  NumberingDefinition,
  Packer,
  Paragraph,
  ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/** A4 with 2.5 cm side margins; the text is 9070 twips (16 cm) wide. */
export const PAGE_PROPERTIES: ISectionPropertiesOptions = {
  page: {
    size: { width: 11906, height: 16838 },
    margin: { top: 1134, bottom: 1134, left: 1418, right: 1418 },
  },
};
export const TEXT_WIDTH_TWIPS = 11906 - 2 * 1418;

/** References of the lists every document defines. */
export const LIST = {
  decimal: 'namndrum-decimal',
  bullet: 'namndrum-bullet',
  attachment: 'namndrum-attachment',
} as const;

export const NUMBERING_CONFIG: NumberingDefinition[] = [
  {
    reference: LIST.decimal,
    levels: [
      { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 567, hanging: 567 } } } },
    ],
  },
  {
    reference: LIST.bullet,
    levels: [
      { level: 0, format: LevelFormat.BULLET, text: '\u2022', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 567, hanging: 284 } } } },
    ],
  },
  {
    // Attachments are numbered "Bilaga 1", "Bilaga 2" …, as the body text refers to them ("enligt bilaga 2").
    reference: LIST.attachment,
    levels: [
      {
        level: 0,
        format: LevelFormat.DECIMAL,
        text: 'Bilaga %1',
        alignment: AlignmentType.START,
        suffix: LevelSuffix.TAB,
        style: { paragraph: { indent: { left: 1134, hanging: 1134 } } },
      },
    ],
  },
];

/** Styles shared by all documents: Swedish as the proofing language, Arial 11 pt, headings that keep with their text. */
export const DOCUMENT_STYLES: NonNullable<IPropertiesOptions['styles']> = {
  default: {
    document: {
      run: { font: 'Arial', size: 22, language: { value: 'sv-SE' } },
      paragraph: { spacing: { after: 120 } },
    },
    heading1: { run: { font: 'Arial', size: 32, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
    heading2: { run: { font: 'Arial', size: 26, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
    heading3: { run: { font: 'Arial', size: 22, bold: true, color: '000000' }, paragraph: { spacing: { before: 200, after: 60 }, keepNext: true } },
  },
};

// docx itself drops the control characters XML does not allow; only Windows and old Mac line ends are left to us.
function normalise(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Text runs for a text whose "\n" are line breaks within one paragraph. */
export function textRuns(text: string, options: { bold?: true } = {}): TextRun[] {
  return normalise(text)
    .split('\n')
    .map((line, index) => new TextRun({ text: line.trimEnd(), break: index === 0 ? undefined : 1, bold: options.bold }));
}

export function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const headingLevel = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 }[level];
  return new Paragraph({ heading: headingLevel, children: textRuns(text.replace(/\n/g, ' ')) });
}

export function plainParagraph(text: string): Paragraph {
  return new Paragraph({ children: textRuns(text) });
}

export function bulletItem(text: string): Paragraph {
  return new Paragraph({ numbering: { reference: LIST.bullet, level: 0 }, children: textRuns(text) });
}

/**
 * An item of a numbered list. Items of one reference and `instance` are one list; a bundle of several documents gives
 * each document its own instance, so that every document's list starts at 1.
 */
export function numberedItem(text: string, reference: typeof LIST.decimal | typeof LIST.attachment, instance?: number): Paragraph {
  return new Paragraph({ numbering: { reference, level: 0, instance }, children: textRuns(text) });
}

export type BodyBlock = { kind: 'paragraph'; text: string } | { kind: 'bullets'; items: string[] };

/**
 * Splits a body text into blocks: blank lines separate paragraphs, a single "\n" stays a line break inside
 * its paragraph, and a paragraph whose every line starts with "- " is a bullet list.
 */
export function parseBodyText(text: string): BodyBlock[] {
  return normalise(text)
    .split(/\n\s*\n/)
    .map((chunk) => chunk.replace(/^\s*\n/, '').trimEnd())
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk): BodyBlock => {
      const lines = chunk.split('\n').map((line) => line.trimEnd());
      return lines.every((line) => line.startsWith('- '))
        ? { kind: 'bullets', items: lines.map((line) => line.slice(2).trim()) }
        : { kind: 'paragraph', text: lines.join('\n') };
    });
}

export function bodyParagraphs(text: string): Paragraph[] {
  return parseBodyText(text).flatMap((block) => (block.kind === 'bullets' ? block.items.map(bulletItem) : [plainParagraph(block.text)]));
}

/** A table cell: a text, whose "\n" are line breaks, or runs already made (a page reference, a note in italics). */
export type CellContent = string | ParagraphChild[];

/**
 * A table whose first row is a header row: marked `tableHeader` so that Word repeats it on each page and screen
 * readers announce it, and set in bold. Short rows are padded with empty cells.
 */
export function dataTable(rows: CellContent[][], options: { borders?: boolean; columnWidths?: number[] } = {}): Table | null {
  const columns = Math.max(0, ...rows.map((row) => row.length));
  if (columns === 0) return null;
  const columnWidths = options.columnWidths ?? Array.from({ length: columns }, () => Math.floor(TEXT_WIDTH_TWIPS / columns));
  const line = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
  return new Table({
    width: { size: columnWidths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths,
    borders: options.borders === false ? TableBorders.NONE : { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: rows.map(
      (row, rowIndex) =>
        new TableRow({
          // Leave the flag out on other rows: `false` is written as w:val="off", which mammoth reads as a header row.
          tableHeader: rowIndex === 0 ? true : undefined,
          cantSplit: true,
          children: Array.from(
            { length: columns },
            (_, column) =>
              new TableCell({
                width: { size: columnWidths[column], type: WidthType.DXA },
                children: [new Paragraph({ spacing: { after: 40 }, children: cellChildren(row[column] ?? '', rowIndex === 0) })],
              }),
          ),
        }),
    ),
  });
}

function cellChildren(content: CellContent, header: boolean): ParagraphChild[] {
  return typeof content === 'string' ? textRuns(content, { bold: header ? true : undefined }) : content;
}

/** "LUDVIKA KOMMUN", as the municipality's logotype reads. */
export function municipalityLine(municipalityName: string): Paragraph {
  return new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text: normalise(municipalityName).toLocaleUpperCase('sv-SE'), bold: true, size: 28 })] });
}

export interface DocumentShellOptions {
  title: string;
  municipalityName: string;
  children: FileChild[];
  header?: Header;
  footer?: Footer;
  /** Core properties beyond title and author: an archival copy's signing record. */
  properties?: { subject: string; keywords: string; description: string };
}

/** A Nämndrum document: the municipality as author, the shared styles, page and list numbering, one section. */
export function buildDocument(options: DocumentShellOptions): Document {
  return new Document({
    title: options.title,
    creator: options.municipalityName,
    lastModifiedBy: options.municipalityName,
    ...options.properties,
    styles: DOCUMENT_STYLES,
    numbering: { config: NUMBERING_CONFIG },
    sections: [
      {
        properties: PAGE_PROPERTIES,
        headers: options.header ? { default: options.header } : undefined,
        footers: options.footer ? { default: options.footer } : undefined,
        children: options.children,
      },
    ],
  });
}

export function packDocument(options: DocumentShellOptions): Promise<Buffer> {
  return Packer.toBuffer(buildDocument(options));
}
