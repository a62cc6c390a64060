import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Where file contents live, addressed by the sha256 of their bytes: the same content is stored once,
 * and a stored file can never change under the name that refers to it.
 */
export interface FileStorage {
  /**
   * Stores the bytes under their sha256 and returns the hash. Content already stored is only marked as
   * written now, so that the collector's grace period protects it while the caller's transaction is open.
   */
  put(content: Buffer): Promise<string>;
  get(sha256: string): Promise<Buffer>;
  /**
   * The stored bytes as a stream with their size, for sending a file on unchanged without holding it in
   * memory. Fails, as get() does, when the file is not stored; the caller must consume or destroy the stream.
   */
  openReadStream(sha256: string): Promise<StoredFileStream>;
  exists(sha256: string): Promise<boolean>;
  delete(sha256: string): Promise<void>;
  /** Every stored file with the time it was last written, for the collector of unreferenced files. */
  list(): AsyncIterable<StoredFile>;
  /** When the file was last written; null when it is not stored. */
  writtenAt(sha256: string): Promise<Date | null>;
}

export interface StoredFile {
  sha256: string;
  writtenAt: Date;
}

export interface StoredFileStream {
  sha256: string;
  size: number;
  stream: Readable;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

export function sha256Hex(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
