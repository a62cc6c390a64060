import { StoredFile } from './file-storage';

/**
 * How long a stored file is kept before anything must refer to it: a file is written before the
 * transaction that refers to it commits, and a long transaction (a whole verification) must not lose
 * its file to the collector.
 */
export const UNREFERENCED_FILE_GRACE_MS = 60 * 60 * 1000;

/** How often the worker collects unreferenced files. */
export const FILE_COLLECTION_INTERVAL_MS = 60 * 60 * 1000;

/** Whether a stored file was written long enough ago that, if nothing refers to it, nothing will. */
export function isPastGrace(file: StoredFile, now: Date, graceMs: number = UNREFERENCED_FILE_GRACE_MS): boolean {
  return now.getTime() - file.writtenAt.getTime() >= graceMs;
}

/** The files to remove: past the grace period and referred to by no row. */
export function unreferencedFiles(files: StoredFile[], referenced: ReadonlySet<string>, now: Date, graceMs: number = UNREFERENCED_FILE_GRACE_MS): StoredFile[] {
  return files.filter((file) => isPastGrace(file, now, graceMs) && !referenced.has(file.sha256));
}
