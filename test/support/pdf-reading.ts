import * as mammoth from 'mammoth';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs a poppler tool (pdftotext, pdfinfo, pdffonts) on the PDF and returns what it printed. */
export async function poppler(tool: 'pdftotext' | 'pdfinfo' | 'pdffonts' | 'pdftohtml', pdf: Buffer, args: string[] = []): Promise<string> {
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

/** The PDF's bookmarks as poppler reads them (pdftohtml's XML outline), with the page each opens. */
export async function readOutline(pdf: Buffer): Promise<OutlineNode[]> {
  const xml = await poppler('pdftohtml', pdf, ['-xml', '-stdout', '-i', '-q']);
  const start = xml.indexOf('<outline>');
  if (start < 0) return [];
  const tokens = xml.slice(start).matchAll(/<outline>|<\/outline>|<item page="(\d+)">([^<]*)<\/item>/g);
  const root: OutlineNode[] = [];
  const stack: OutlineNode[][] = [];
  let current = root;
  for (const [token, page, title] of tokens) {
    if (token === '<outline>') {
      if (stack.length > 0) current = current.at(-1)!.children;
      stack.push(current);
    } else if (token === '</outline>') {
      stack.pop();
      if (stack.length === 0) break;
      current = stack.at(-1)!;
    } else {
      current.push({ title: unescapeXml(title), page: Number(page), children: [] });
    }
  }
  return root;
}

function unescapeXml(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The kallelse DOCX's agenda as its reader sees it: item number → what the "Sida" column prints. */
export async function agendaPageColumn(docx: Buffer): Promise<Map<number, string>> {
  const { value: html } = await mammoth.convertToHtml({ buffer: docx });
  const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<td>(.*?)<\/td>/g)].map((cell) => squash(cell[1].replace(/<[^>]+>/g, ' '))));
  return new Map(rows.filter((cells) => /^\d+$/.test(cells[0] ?? '')).map((cells) => [Number(cells[0]), cells.at(-1)!.replace(/Handlingar delges senare/, '').trim()]));
}
