/**
 * The uncompressed size of a ZIP archive (an .xlsx is one), read from its central directory without
 * inflating anything: a workbook of a few megabytes can unpack to gigabytes, and the reader holds it all in
 * memory. null when the buffer is not a ZIP archive.
 */
export function zipUncompressedSize(buffer: Buffer): number | null {
  const END_OF_DIRECTORY = 0x06054b50;
  const DIRECTORY_ENTRY = 0x02014b50;
  // The end record is 22 bytes plus a comment of up to 65535.
  const earliest = Math.max(0, buffer.length - 22 - 0xffff);
  let end = -1;
  for (let at = buffer.length - 22; at >= earliest; at--) {
    if (buffer.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const entries = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const size = buffer.readUInt32LE(at + 24);
    // 0xFFFFFFFF: the size is in a ZIP64 extra field, i.e. at least 4 GB.
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    at += 46 + buffer.readUInt16LE(at + 28) + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
  }
  return total;
}
