import { Document, Packer, Paragraph } from 'docx';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { DOCX_MEDIA_TYPE } from '../media-types';
import { SourceDocument } from '../pdf/document-converter';

/** Small documents of each kind the PDF engine converts, and poppler's view of the PDFs it returns. */

export async function docxDocument(fileName: string, text: string): Promise<SourceDocument> {
  const content = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));
  return { fileName, mediaType: DOCX_MEDIA_TYPE, content };
}

/** A workbook of one sheet: each row's cells as strings (inline) or numbers. */
export function xlsxDocument(fileName: string, rows: (string | number)[][]): SourceDocument {
  const cells = (row: (string | number)[], rowNumber: number) =>
    row
      .map((value, column) => {
        const reference = `${String.fromCharCode(65 + column)}${rowNumber}`;
        return typeof value === 'number' ? `<c r="${reference}"><v>${value}</v></c>` : `<c r="${reference}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
      })
      .join('');
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.map((row, at) => `<row r="${at + 1}">${cells(row, at + 1)}</row>`).join('')}</sheetData></worksheet>`;
  const content = zip([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'],
    ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'],
    ['xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Budget" sheetId="1" r:id="rId1"/></sheets></workbook>'],
    ['xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'],
    ['xl/worksheets/sheet1.xml', sheet],
  ]);
  return { fileName, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content };
}

/** An OpenDocument text of one paragraph. */
export function odtDocument(fileName: string, text: string): SourceDocument {
  const content = zip([
    ['mimetype', 'application/vnd.oasis.opendocument.text'],
    ['META-INF/manifest.xml', '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'],
    ['content.xml', `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text><text:p>${escapeXml(text)}</text:p></office:text></office:body></office:document-content>`],
  ]);
  return { fileName, mediaType: 'application/vnd.oasis.opendocument.text', content };
}

/** A plain red PNG (an image has no text to read back, only its page). */
export function pngDocument(fileName: string, width = 120, height = 80): SourceDocument {
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([200, 30, 30]))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const content = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', pixels), pngChunk('IEND', Buffer.alloc(0))]);
  return { fileName, mediaType: 'image/png', content };
}

/** A DOCX cut short: a ZIP without its central directory, which no office suite opens. */
export async function corruptDocxDocument(fileName: string): Promise<SourceDocument> {
  const whole = await docxDocument(fileName, 'Denna text ska aldrig synas');
  return { ...whole, content: whole.content.subarray(0, Math.floor(whole.content.length / 2)) };
}

/** What poppler reads in a PDF: its text, `pdfinfo` fields, its XMP metadata and `pdffonts`' rows. */
export interface PdfReading {
  text: string;
  info: Record<string, string>;
  xmp: string;
  fonts: { name: string; embedded: boolean }[];
}

export function readPdf(pdf: Buffer): PdfReading {
  const dir = mkdtempSync(join(tmpdir(), 'namndrum-pdf-read-'));
  try {
    const path = join(dir, 'document.pdf');
    writeFileSync(path, pdf);
    const run = (command: string, options: string[], output: string[] = []) => execFileSync(command, [...options, path, ...output], { encoding: 'utf8' });
    const info = Object.fromEntries(
      run('pdfinfo', [])
        .split('\n')
        .map((line) => line.match(/^([^:]+):\s*(.*)$/))
        .filter((match): match is RegExpMatchArray => match !== null)
        .map((match) => [match[1], match[2].trim()]),
    );
    const fontRows = run('pdffonts', []).split('\n').slice(2).filter((line) => line.trim() !== '');
    // Columns: name type encoding emb sub uni object-id generation; the type may hold a space ("Type 1C").
    const fonts = fontRows.map((line) => {
      const columns = line.trim().split(/\s+/);
      return { name: columns[0], embedded: columns[columns.length - 5] === 'yes' };
    });
    return { text: run('pdftotext', ['-layout'], ['-']), info, xmp: run('pdfinfo', ['-meta']), fonts };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, checksum]);
}

/** A ZIP of stored (uncompressed) entries, in the order given: enough for OOXML and ODF packages. */
function zip(entries: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const checksum = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
