// Free of Nest and of the other libraries: the text-extraction thread loads this file on its own.
import * as yauzl from 'yauzl';

/**
 * How far an uploaded archive (DOCX, XLSX, ODF – all zip containers) may unpack. Office documents
 * compress their XML 5–20 times and their images hardly at all, so a document at the 25 MB upload
 * limit unpacks to well under 200 MB; a zip bomb (400 MB of zeros in 400 kB) unpacks a thousand times.
 */
export const ARCHIVE_BOUNDS = {
  maxEntries: 10_000,
  maxUncompressedBytes: 200 * 1024 * 1024,
  /** Deflate reaches about 1030:1 on repeated bytes; real XML, even a sparse spreadsheet, stays far below 200:1. */
  maxCompressionRatio: 200,
  /** Small parts (an empty style sheet) may compress hard without harm; the ratio is checked above this size. */
  ratioCheckedAboveBytes: 1024 * 1024,
};

export type ArchiveBounds = typeof ARCHIVE_BOUNDS;

const ZIP_SIGNATURES = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')];

export function isZipArchive(content: Buffer): boolean {
  return ZIP_SIGNATURES.some((signature) => content.subarray(0, signature.length).equals(signature));
}

export function openZip(content: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    // decodeStrings: false keeps entry names as bytes: the names are not used, and odd names are no reason to refuse a file.
    yauzl.fromBuffer(content, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }, (error, zip) => (error ? reject(error) : resolve(zip))),
  );
}

/** Walks the central directory entry by entry; stops as soon as the visitor throws. */
export async function forEachEntry(zip: yauzl.ZipFile, visit: (entry: yauzl.Entry) => Promise<void> | void): Promise<void> {
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        Promise.resolve()
          .then(() => visit(entry))
          .then(() => zip.readEntry(), reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

/** What really inflating an archive found: declared sizes can lie, the inflated bytes cannot. */
export class ArchiveInflatesTooFarError extends Error {
  constructor(readonly inflatedBytes: number) {
    super(`The archive inflated beyond its bound (${inflatedBytes} bytes and more)`);
    this.name = ArchiveInflatesTooFarError.name;
  }
}

/**
 * Inflates every entry and throws as soon as the bytes actually produced pass the bound, keeping
 * none of them; for a reader (mammoth) that trusts the archive's declared sizes.
 */
export async function assertArchiveInflatesWithinBounds(content: Buffer, maxUncompressedBytes = ARCHIVE_BOUNDS.maxUncompressedBytes): Promise<void> {
  const zip = await openZip(content);
  let inflatedBytes = 0;
  await forEachEntry(zip, (entry) =>
    new Promise<void>((resolve, reject) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        stream.on('data', (chunk: Buffer) => {
          inflatedBytes += chunk.length;
          if (inflatedBytes > maxUncompressedBytes) stream.destroy(new ArchiveInflatesTooFarError(inflatedBytes));
        });
        stream.on('error', reject);
        stream.on('end', resolve);
      });
    }),
  );
}
