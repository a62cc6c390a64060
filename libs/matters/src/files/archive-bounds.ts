import { HttpStatus } from '@nestjs/common';
import type { ZipFile } from 'yauzl';
import { DomainError, InvalidInputError } from '@namndrum/core';
import { ARCHIVE_BOUNDS, ArchiveBounds, forEachEntry, isZipArchive, openZip } from './archive-reading';

export class ArchiveTooLargeError extends DomainError {
  constructor(message: string, reason: string) {
    super('FILE_ARCHIVE_TOO_LARGE', HttpStatus.PAYLOAD_TOO_LARGE, message, [{ field: 'file', messages: [reason] }]);
  }
}

function megabytes(bytes: number): string {
  return `${Math.floor(bytes / (1024 * 1024))} MB`;
}

function unreadableArchive(): InvalidInputError {
  return new InvalidInputError('FILE_ARCHIVE_UNREADABLE', 'Filen är ett skadat arkiv och kan inte tas emot', [{ field: 'file', messages: ['the zip archive cannot be read'] }]);
}

/**
 * Refuses a zip container that would unpack too far, from its central directory alone: nothing is
 * inflated. Files that are not zip archives pass untouched.
 */
export async function assertArchiveWithinBounds(content: Buffer, bounds: ArchiveBounds = ARCHIVE_BOUNDS): Promise<void> {
  if (!isZipArchive(content)) return;
  let zip: ZipFile;
  try {
    zip = await openZip(content);
  } catch {
    throw unreadableArchive();
  }
  if (zip.entryCount > bounds.maxEntries) {
    zip.close();
    throw new ArchiveTooLargeError(`Filen innehåller fler än ${bounds.maxEntries.toLocaleString('sv-SE')} delar och kan inte tas emot`, `the archive has ${zip.entryCount} entries`);
  }
  let declaredBytes = 0;
  try {
    await forEachEntry(zip, (entry) => {
      declaredBytes += entry.uncompressedSize;
      if (declaredBytes > bounds.maxUncompressedBytes) {
        throw new ArchiveTooLargeError(`Filen packas upp till mer än ${megabytes(bounds.maxUncompressedBytes)} och kan inte tas emot`, 'the archive expands beyond the bound');
      }
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > bounds.ratioCheckedAboveBytes && ratio > bounds.maxCompressionRatio) {
        throw new ArchiveTooLargeError(
          `Filen är packad mer än ${bounds.maxCompressionRatio} gånger och kan inte tas emot`,
          `an entry expands ${Math.round(ratio)} times its compressed size`,
        );
      }
    });
  } catch (error) {
    throw error instanceof DomainError ? error : unreadableArchive();
  }
}
