import { createRequire } from 'node:module';
import * as mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';
import { assertArchiveInflatesWithinBounds } from './archive-reading';

/**
 * pdf.js runs its parser in a "fake worker" in Node and would load it with a dynamic import(), which
 * test runners and bundlers cannot follow; it takes the worker from globalThis when one is there.
 */
function providePdfWorker(): void {
  const scope = globalThis as { pdfjsWorker?: unknown };
  if (scope.pdfjsWorker) return;
  const fromPdfParse = createRequire(require.resolve('pdf-parse'));
  scope.pdfjsWorker = fromPdfParse(fromPdfParse.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'));
}

/** Longest text kept per document: enough for search, well below PostgreSQL's tsvector limit. */
export const MAX_EXTRACTED_CHARACTERS = 200_000;

/**
 * The text of a DOCX or PDF for full-text search; null for other types or when the file has no
 * readable text (a scanned PDF); throws when the file cannot be read. Runs in the text-extraction
 * thread (TextExtractor), where a hostile file meets a memory cap and a time limit.
 */
export async function extractText(content: Buffer, extension: string): Promise<string | null> {
  let text: string | null = null;
  if (extension === 'docx') {
    // mammoth trusts the sizes the archive declares; inflate once with a counter first.
    await assertArchiveInflatesWithinBounds(content);
    text = (await mammoth.extractRawText({ buffer: content })).value;
  } else if (extension === 'pdf') {
    providePdfWorker();
    const parser = new PDFParse({ data: new Uint8Array(content) });
    try {
      text = (await parser.getText({ pageJoiner: '' })).text;
    } finally {
      await parser.destroy();
    }
  }
  const cleaned = text?.replace(/\u0000/g, '').replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
  return cleaned ? cleaned.slice(0, MAX_EXTRACTED_CHARACTERS) : null;
}
