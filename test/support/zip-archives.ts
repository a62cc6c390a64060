import { createDeflateRaw, crc32 } from 'node:zlib';

export interface ZipEntrySource {
  name: string;
  content?: Buffer;
  /** Stands for that many zero bytes, deflated as a stream so that they are never held in memory at once. */
  zeroBytes?: number;
  /** Writes this uncompressed size into the headers instead of the true one: an archive that lies. */
  declaredUncompressedBytes?: number;
}

interface DeflatedEntry {
  name: Buffer;
  data: Buffer;
  crc: number;
  uncompressedBytes: number;
}

async function deflateEntry(source: ZipEntrySource): Promise<DeflatedEntry> {
  if (!source.content && !source.zeroBytes) return { name: Buffer.from(source.name, 'utf8'), data: Buffer.alloc(0), crc: 0, uncompressedBytes: source.declaredUncompressedBytes ?? 0 };
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  let uncompressedBytes = 0;
  const write = async (chunk: Buffer) => {
    crc = crc32(chunk, crc);
    uncompressedBytes += chunk.length;
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  if (source.content) await write(source.content);
  const zeros = Buffer.alloc(1024 * 1024);
  for (let left = source.zeroBytes ?? 0; left > 0; left -= zeros.length) await write(left >= zeros.length ? zeros : zeros.subarray(0, left));
  deflate.end();
  await finished;
  return { name: Buffer.from(source.name, 'utf8'), data: Buffer.concat(chunks), crc, uncompressedBytes: source.declaredUncompressedBytes ?? uncompressedBytes };
}

/** A zip archive (deflated entries, empty ones stored; no zip64) written by hand, so a test can make it as hostile as it needs. */
export async function zipArchive(sources: ZipEntrySource[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const source of sources) {
    const entry = await deflateEntry(source);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    const method = entry.data.length > 0 ? 8 : 0;
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.uncompressedBytes, 22);
    local.writeUInt16LE(entry.name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.uncompressedBytes, 24);
    central.writeUInt16LE(entry.name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, entry.name, entry.data);
    centrals.push(central, entry.name);
    offset += local.length + entry.name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(sources.length, 8);
  end.writeUInt16LE(sources.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELATIONSHIPS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A DOCX the diarium takes (its parts are where Word's are) but whose text breaks off mid-element: LibreOffice cannot open it. */
export function truncatedDocx(): Promise<Buffer> {
  return zipArchive([
    { name: '[Content_Types].xml', content: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', content: Buffer.from(RELATIONSHIPS) },
    { name: 'word/document.xml', content: Buffer.from('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Trasig') },
  ]);
}

/** A DOCX of about 400 kB whose document part unpacks to 400 MB of zeros (or the given size). */
export function docxZipBomb(expandedBytes = 400 * 1024 * 1024, options: { declaredUncompressedBytes?: number } = {}): Promise<Buffer> {
  return zipArchive([
    { name: '[Content_Types].xml', content: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', content: Buffer.from(RELATIONSHIPS) },
    { name: 'word/document.xml', zeroBytes: expandedBytes, declaredUncompressedBytes: options.declaredUncompressedBytes },
  ]);
}

/** A zip of that many empty entries. */
export function zipWithEntries(count: number): Promise<Buffer> {
  return zipArchive(Array.from({ length: count }, (_, index) => ({ name: `part${index}.xml` })));
}
