import * as mammoth from 'mammoth';
import { inflateRawSync } from 'node:zlib';

/** What a spec reads back from a rendered DOCX: mammoth's HTML and plain text, and the raw parts of the package. */
export interface ReadDocx {
  html: string;
  text: string;
  /** mammoth's warnings and errors while converting to HTML (an unknown style, an unreadable part …). */
  messages: string[];
  /** word/document.xml as written. */
  documentXml: string;
  /** Any part of the package by its path ("word/styles.xml"), or null if there is none. */
  part(path: string): string | null;
}

export async function readDocx(buffer: Buffer): Promise<ReadDocx> {
  const [html, text] = await Promise.all([mammoth.convertToHtml({ buffer }), mammoth.extractRawText({ buffer })]);
  const entries = zipEntries(buffer);
  const part = (path: string) => entries.get(path)?.toString('utf8') ?? null;
  const documentXml = part('word/document.xml');
  if (documentXml === null) throw new Error('Paketet saknar word/document.xml');
  return { html: html.value, text: text.value, messages: html.messages.map((message) => `${message.type}: ${message.message}`), documentXml, part };
}

/** A small ZIP reader (stored and deflated entries), so that specs need no archive package of their own. */
export function zipEntries(zip: Buffer): Map<string, Buffer> {
  const endOfDirectory = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endOfDirectory < 0) throw new Error('Inte ett ZIP-arkiv');
  const count = zip.readUInt16LE(endOfDirectory + 10);
  let offset = zip.readUInt32LE(endOfDirectory + 16);
  const entries = new Map<string, Buffer>();
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('Trasig central katalog');
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localHeader = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    entries.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
