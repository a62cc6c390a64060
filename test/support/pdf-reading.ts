import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs a poppler tool (pdftotext, pdfinfo, pdffonts) on the PDF and returns what it printed. */
export async function poppler(tool: 'pdftotext' | 'pdfinfo' | 'pdffonts', pdf: Buffer, args: string[] = []): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'namndrum-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run(tool, tool === 'pdftotext' ? [...args, file, '-'] : [...args, file], { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of one page (from 1), with runs of white space made single spaces. */
export async function pageText(pdf: Buffer, page: number): Promise<string> {
  return squash(await poppler('pdftotext', pdf, ['-f', String(page), '-l', String(page)]));
}

export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface OutlineNode {
  title: string;
  /** The page it opens, from 1. */
  page: number;
  children: OutlineNode[];
}

/** The PDF's bookmarks as pdf.js (Firefox's reader) reads them, with the page each opens. */
export async function readOutline(pdf: Buffer): Promise<OutlineNode[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
  try {
    type Raw = { title: string; dest: unknown; items: Raw[] };
    const resolve = async (items: Raw[] | null): Promise<OutlineNode[]> =>
      Promise.all(
        (items ?? []).map(async (item) => {
          const dest = (typeof item.dest === 'string' ? await document.getDestination(item.dest) : item.dest) as [{ num: number; gen: number }, ...unknown[]];
          return { title: item.title, page: (await document.getPageIndex(dest[0])) + 1, children: await resolve(item.items) };
        }),
      );
    return resolve((await document.getOutline()) as Raw[] | null);
  } finally {
    await document.destroy();
  }
}
