import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { ConversionError } from './document-converter';
import { assemblePdf, AssembledPdf, countPdfPages, OutlineEntry, PdfMetadata, PdfPart } from './pdf-assembly';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfJsDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** pdf.js as the project loads it under jest (see libs/matters/src/files/text-extraction.ts): its worker from globalThis. */
async function openWithPdfJs(pdf: Buffer): Promise<PdfJsDocument> {
  const scope = globalThis as { pdfjsWorker?: unknown };
  // The worker module has no type declarations, and nothing here needs them.
  scope.pdfjsWorker ??= require('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const pdfjs: PdfJs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
}

async function pageText(document: PdfJsDocument, pageNumber: number): Promise<string> {
  const content = await (await document.getPage(pageNumber)).getTextContent();
  return content.items.map((item) => ('str' in item ? item.str : '')).join('');
}

/** A PDF of `pages` pages, each saying which part and page it is: "tjansteskrivelse-3 sida 2 av 2". */
async function partPdf(name: string, pages: number): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= pages; page++) document.addPage([595, 842]).drawText(`${name} sida ${page} av ${pages}`, { x: 72, y: 770, size: 14, font });
  return Buffer.from(await document.save());
}

const ARBETSUTSKOTT = '3. Bildande av arbetsutskott för social- och utbildningsnämnden för tiden 2023-01-01–2026-12-31';
const NARVARORATT = '6. Närvarorätt vid social- och utbildningsnämndens och utskottens sammanträden';

const METADATA: PdfMetadata = {
  title: 'Kallelse – Social- och utbildningsnämnden – 11 januari 2023 kl. 14:00',
  author: 'Ludvika kommun',
  subject: 'Sammanträdeshandlingar',
  language: 'sv-SE',
  createdAt: new Date('2023-01-04T07:00:00Z'),
};

/** The kallelse (2 pages), item 3's tjänsteskrivelse (2) and bilaga (3), item 6's tjänsteskrivelse (1). */
const OUTLINE: OutlineEntry[] = [
  { title: 'Kallelse', part: 0 },
  {
    title: ARBETSUTSKOTT,
    children: [
      { title: 'Tjänsteskrivelse', part: 1 },
      { title: 'Bilaga 1 Övergripande verksamhetsmål och resultatmått', part: 2 },
    ],
  },
  { title: NARVARORATT, children: [{ title: 'Tjänsteskrivelse', part: 3 }] },
];

async function bundleParts(): Promise<PdfPart[]> {
  return [
    { fileName: 'kallelse.docx', pdf: await partPdf('kallelse', 2) },
    { fileName: 'tjansteskrivelse-3.docx', pdf: await partPdf('tjansteskrivelse-3', 2) },
    { fileName: 'bilaga-3-1.pdf', pdf: await partPdf('bilaga-3-1', 3) },
    { fileName: 'tjansteskrivelse-6.docx', pdf: await partPdf('tjansteskrivelse-6', 1) },
  ];
}

describe('assembling the kallelse bundle', () => {
  let assembled: AssembledPdf;
  let document: PdfJsDocument;
  let directory: string;
  let file: string;

  beforeAll(async () => {
    assembled = await assemblePdf(await bundleParts(), OUTLINE, METADATA);
    document = await openWithPdfJs(assembled.pdf);
    directory = mkdtempSync(join(tmpdir(), 'pdf-assembly-'));
    file = join(directory, 'bundle.pdf');
    writeFileSync(file, assembled.pdf);
  });

  afterAll(async () => {
    await document?.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  it('puts the parts\' pages one after the other and says where each part starts', async () => {
    expect(assembled).toMatchObject({ pageCount: 8, partStartPages: [1, 3, 5, 8], partPageCounts: [2, 2, 3, 1] });
    expect(document.numPages).toBe(8);
    const texts = await Promise.all(Array.from({ length: 8 }, (_, index) => pageText(document, index + 1)));
    expect(texts).toEqual([
      'kallelse sida 1 av 2',
      'kallelse sida 2 av 2',
      'tjansteskrivelse-3 sida 1 av 2',
      'tjansteskrivelse-3 sida 2 av 2',
      'bilaga-3-1 sida 1 av 3',
      'bilaga-3-1 sida 2 av 3',
      'bilaga-3-1 sida 3 av 3',
      'tjansteskrivelse-6 sida 1 av 1',
    ]);
  });

  it('has bookmarks per item with its documents under it, each opening its document\'s first page, an item its first document\'s', async () => {
    const outline = await document.getOutline();
    const read = async (items: typeof outline): Promise<unknown[]> =>
      Promise.all(
        items.map(async (entry) => {
          const dest = entry.dest as unknown[];
          const page = (await document.getPageIndex(dest[0] as Parameters<PdfJsDocument['getPageIndex']>[0])) + 1;
          const children = entry.items.length === 0 ? {} : { count: entry.count, children: await read(entry.items) };
          return { title: entry.title, page, ...children };
        }),
      );
    expect(await read(outline)).toEqual([
      { title: 'Kallelse', page: 1 },
      {
        title: ARBETSUTSKOTT,
        page: 3,
        count: 2,
        children: [
          { title: 'Tjänsteskrivelse', page: 3 },
          { title: 'Bilaga 1 Övergripande verksamhetsmål och resultatmått', page: 5 },
        ],
      },
      { title: NARVARORATT, page: 8, count: 1, children: [{ title: 'Tjänsteskrivelse', page: 8 }] },
    ]);
    expect((outline[1].dest as { name: string }[])[1]).toEqual({ name: 'XYZ' });
  });

  it('opens with the bookmarks shown and labels the pages 1 to 8, as the agenda counts them', async () => {
    expect(await document.getPageMode()).toBe('UseOutlines');
    expect(await document.getPageLabels()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('carries title, author, subject, Nämndrum as creator, the date given and Swedish as its language', async () => {
    const { info } = await document.getMetadata();
    expect(info).toMatchObject({
      Title: METADATA.title,
      Author: 'Ludvika kommun',
      Subject: 'Sammanträdeshandlingar',
      Creator: 'Nämndrum',
      Producer: 'Nämndrum (pdf-lib)',
      CreationDate: 'D:20230104070000Z',
    });
    const reread = await PDFDocument.load(assembled.pdf);
    expect(reread.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('sv-SE');
    expect(reread.catalog.lookup(PDFName.of('ViewerPreferences'))?.toString()).toContain('/DisplayDocTitle true');
  });

  it('reads the same in poppler: eight pages, the title, and each page holding its part', () => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+8$/m);
    expect(info).toMatch(/^Title:\s+Kallelse – Social- och utbildningsnämnden – 11 januari 2023 kl\. 14:00$/m);
    expect(info).toMatch(/^Creator:\s+Nämndrum$/m);
    const page = (number: number) => execFileSync('pdftotext', ['-f', String(number), '-l', String(number), file, '-'], { encoding: 'utf8' }).trim();
    expect(page(1)).toBe('kallelse sida 1 av 2');
    expect(page(3)).toBe('tjansteskrivelse-3 sida 1 av 2');
    expect(page(7)).toBe('bilaga-3-1 sida 3 av 3');
    expect(page(8)).toBe('tjansteskrivelse-6 sida 1 av 1');
  });
});

describe('what the assembly refuses', () => {
  it('names a part that is not a PDF in a ConversionError', async () => {
    const parts = await bundleParts();
    parts[2] = { fileName: 'trasig-bilaga.pdf', pdf: Buffer.from('%PDF-1.7\nthis is no pdf at all') };
    const assembling = assemblePdf(parts, OUTLINE, METADATA);
    await expect(assembling).rejects.toBeInstanceOf(ConversionError);
    await expect(assembling).rejects.toMatchObject({ fileName: 'trasig-bilaga.pdf' });
  });

  it('names an encrypted part in a ConversionError', async () => {
    const encrypted = await PDFDocument.load(await partPdf('hemlig', 1));
    // pdf-lib writes no encryption; a trailer naming an encryption dictionary is what readers go by.
    encrypted.context.trailerInfo.Encrypt = encrypted.context.obj({ Filter: 'Standard', V: 1, R: 2, O: PDFString.of('o'), U: PDFString.of('u'), P: -4 });
    const parts = await bundleParts();
    parts[1] = { fileName: 'krypterad.pdf', pdf: Buffer.from(await encrypted.save()) };
    await expect(assemblePdf(parts, OUTLINE, METADATA)).rejects.toMatchObject({ name: 'ConversionError', fileName: 'krypterad.pdf' });
  });

  it('refuses a part without pages', async () => {
    const empty = Buffer.from(await (await PDFDocument.create()).save({ addDefaultPage: false }));
    await expect(assemblePdf([{ fileName: 'tom.pdf', pdf: empty }], [], METADATA)).rejects.toMatchObject({ name: 'ConversionError', fileName: 'tom.pdf' });
  });

  it('refuses a bookmark that opens no part', async () => {
    const parts = await bundleParts();
    await expect(assemblePdf(parts, [{ title: 'Ärende 9', part: 4 }], METADATA)).rejects.toThrow(RangeError);
    await expect(assemblePdf(parts, [{ title: 'Ärende 9', children: [] }], METADATA)).rejects.toThrow('neither a part nor children');
  });
});

describe('countPdfPages', () => {
  it('counts the pages of a PDF', async () => {
    expect(await countPdfPages(await partPdf('bilaga', 3))).toBe(3);
  });

  it('names the file it cannot read', async () => {
    await expect(countPdfPages(Buffer.from('PK not a pdf'), 'bilaga.docx')).rejects.toMatchObject({ name: 'ConversionError', fileName: 'bilaga.docx' });
  });
});
