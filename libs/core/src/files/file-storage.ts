import { createHash } from 'node:crypto';

/**
 * Where file contents live, addressed by the sha256 of their bytes: the same content is stored once,
 * and a stored file can never change under the name that refers to it.
 */
export interface FileStorage {
  /** Stores the bytes under their sha256 (a no-op when already stored) and returns the hash. */
  put(content: Buffer): Promise<string>;
  get(sha256: string): Promise<Buffer>;
  exists(sha256: string): Promise<boolean>;
  delete(sha256: string): Promise<void>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

export function sha256Hex(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
