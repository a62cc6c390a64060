import type { PDFDocument, PDFRef } from 'pdf-lib';

/** pdf-lib and its fonts, loaded when a PDF is first assembled: most API processes never assemble one and need not carry them. */
function pdfLib(): typeof import('pdf-lib') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('pdf-lib') as typeof import('pdf-lib');
}
import { ConversionError } from './document-converter';

/** A bookmark in the bundle's outline: its title, the part whose first page it opens, and bookmarks under it. */
export interface OutlineEntry {
  title: string;
  /** Index into the parts given to {@link assemblePdf}; an entry without a part opens its first child's page. */
  part?: number;
  children?: OutlineEntry[];
}

export interface AssembledPdf {
  pdf: Buffer;
  pageCount: number;
  /** Each part's first page in the assembled PDF, 1-based, in the order the parts were given. */
  partStartPages: number[];
  /** Each part's page count, in the order the parts were given. */
  partPageCounts: number[];
}

export interface PdfMetadata {
  title: string;
  author: string;
  subject?: string;
  /** BCP 47, e.g. "sv-SE". */
  language: string;
  /** Written as the creation and modification date; the time of assembly when left out. */
  createdAt?: Date;
}

export interface PdfPart {
  /** The document the part was made from, named in a {@link ConversionError} when its PDF cannot be read. */
  fileName: string;
  pdf: Buffer;
}

export const PDF_CREATOR = 'Nämndrum';

/**
 * One PDF of the parts' pages in the order given, with the outline as bookmarks (shown when the file opens), page labels
 * counting 1, 2, … from the first page so that a viewer's page box matches the agenda's page numbers, and the
 * metadata as document information and catalog language. A part that cannot be read (corrupt, encrypted, no pages) is a
 * {@link ConversionError} naming it.
 */
export async function assemblePdf(parts: PdfPart[], outline: OutlineEntry[], metadata: PdfMetadata): Promise<AssembledPdf> {
  const { PDFDocument, PDFName } = pdfLib();
  const bundle = await PDFDocument.create({ updateMetadata: false });
  const partStartPages: number[] = [];
  const partPageCounts: number[] = [];
  for (const part of parts) {
    const source = await loadPart(part);
    const pages = await copyPages(bundle, source, part.fileName);
    partStartPages.push(bundle.getPageCount() + 1);
    partPageCounts.push(pages.length);
    for (const page of pages) bundle.addPage(page);
  }

  const pageRefs = bundle.getPages().map((page) => page.ref);
  const firstPageOfPart = (part: number, title: string): PDFRef => {
    if (!Number.isInteger(part) || part < 0 || part >= parts.length) throw new RangeError(`Outline entry "${title}" refers to part ${part} of ${parts.length}`);
    return pageRefs[partStartPages[part] - 1];
  };
  if (outline.length > 0) {
    bundle.catalog.set(PDFName.of('Outlines'), writeOutline(bundle, outline, firstPageOfPart));
    bundle.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  }
  if (pageRefs.length > 0) {
    bundle.catalog.set(PDFName.of('PageLabels'), bundle.context.obj({ Nums: [0, { S: 'D', St: 1 }] }));
  }
  writeMetadata(bundle, metadata);

  const pdf = Buffer.from(await bundle.save());
  return { pdf, pageCount: pageRefs.length, partStartPages, partPageCounts };
}

/** The page count of a PDF, e.g. of each converted document before the kallelse's page ranges are worked out. */
export async function countPdfPages(pdf: Buffer, fileName = 'PDF'): Promise<number> {
  return (await loadPart({ fileName, pdf })).getPageCount();
}

async function loadPart(part: PdfPart): Promise<PDFDocument> {
  let document: PDFDocument;
  let pageCount: number;
  try {
    // Encrypted parts are refused rather than copied: their pages would come out unreadable.
    document = await pdfLib().PDFDocument.load(part.pdf, { ignoreEncryption: false, updateMetadata: false });
    // pdf-lib reads leniently; a file without a usable page tree fails only when its pages are asked for.
    pageCount = document.getPageCount();
  } catch (error) {
    throw new ConversionError(part.fileName, `PDF cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (pageCount === 0) throw new ConversionError(part.fileName, 'PDF has no pages');
  return document;
}

async function copyPages(bundle: PDFDocument, source: PDFDocument, fileName: string) {
  try {
    return await bundle.copyPages(source, source.getPageIndices());
  } catch (error) {
    throw new ConversionError(fileName, `PDF pages cannot be copied: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Writes the outline tree (PDF 32000-1 §12.3.3): the root and each entry list their first and last child, siblings link
 * to each other, children to their parent. Every entry is open, so a count is the number of entries below it.
 */
function writeOutline(bundle: PDFDocument, entries: OutlineEntry[], firstPageOfPart: (part: number, title: string) => PDFRef): PDFRef {
  const context = bundle.context;
  const rootRef = context.nextRef();

  const target = (entry: OutlineEntry): PDFRef => {
    if (entry.part !== undefined) return firstPageOfPart(entry.part, entry.title);
    const [firstChild] = entry.children ?? [];
    if (firstChild === undefined) throw new RangeError(`Outline entry "${entry.title}" has neither a part nor children`);
    return target(firstChild);
  };

  /** Writes the entries under `parentRef`; returns their refs and how many entries they make with all below them. */
  const writeLevel = (level: OutlineEntry[], parentRef: PDFRef): { refs: PDFRef[]; count: number } => {
    const refs = level.map(() => context.nextRef());
    let count = level.length;
    level.forEach((entry, index) => {
      const children = entry.children ?? [];
      const below = children.length > 0 ? writeLevel(children, refs[index]) : null;
      if (below) count += below.count;
      const dict = context.obj({
        Title: pdfLib().PDFHexString.fromText(entry.title),
        Parent: parentRef,
        Prev: index > 0 ? refs[index - 1] : undefined,
        Next: index < refs.length - 1 ? refs[index + 1] : undefined,
        First: below?.refs[0],
        Last: below?.refs[below.refs.length - 1],
        Count: below?.count,
        // The part's first page from its top, at the reader's zoom.
        Dest: [target(entry), 'XYZ', null, null, null],
      });
      context.assign(refs[index], dict);
    });
    return { refs, count };
  };

  const top = writeLevel(entries, rootRef);
  context.assign(
    rootRef,
    context.obj({ Type: 'Outlines', First: top.refs[0], Last: top.refs[top.refs.length - 1], Count: top.count }),
  );
  return rootRef;
}

function writeMetadata(bundle: PDFDocument, metadata: PdfMetadata): void {
  const createdAt = metadata.createdAt ?? new Date();
  // The title, not the file name, in the viewer's window: "Kallelse – Social- och utbildningsnämnden – …".
  bundle.setTitle(metadata.title, { showInWindowTitleBar: true });
  bundle.setAuthor(metadata.author);
  if (metadata.subject !== undefined) bundle.setSubject(metadata.subject);
  bundle.setCreator(PDF_CREATOR);
  bundle.setProducer(`${PDF_CREATOR} (pdf-lib)`);
  bundle.setCreationDate(createdAt);
  bundle.setModificationDate(createdAt);
  bundle.setLanguage(metadata.language);
}
