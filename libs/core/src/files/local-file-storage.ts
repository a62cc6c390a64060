import { randomUUID } from 'node:crypto';
import { mkdir, open, opendir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { FileStorage, SHA256_HEX, sha256Hex, StoredFile, StoredFileStream } from './file-storage';

/** The default driver: files under FILES_DIR as ab/cd/<sha256>, written atomically (temp file, fsync, rename). */
export class LocalFileStorage implements FileStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(content: Buffer): Promise<string> {
    const sha256 = sha256Hex(content);
    const target = this.pathOf(sha256);
    if (await this.exists(sha256)) {
      const now = new Date();
      await utimes(target, now, now);
      return sha256;
    }
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${randomUUID()}.tmp`;
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
    return sha256;
  }

  async get(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
  }

  async openReadStream(sha256: string): Promise<StoredFileStream> {
    // Opened before it is returned, so that a missing file fails here rather than in the middle of a response.
    const handle = await open(this.pathOf(sha256), 'r');
    try {
      const { size } = await handle.stat();
      return { sha256, size, stream: handle.createReadStream() };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  async *list(): AsyncIterable<StoredFile> {
    for (const first of await this.entries(this.root)) {
      for (const second of await this.entries(join(this.root, first))) {
        for (const name of await this.entries(join(this.root, first, second))) {
          // Temporary files of a write in progress, and anything else not named by its hash, are not stored files.
          if (!SHA256_HEX.test(name) || name.slice(0, 2) !== first || name.slice(2, 4) !== second) continue;
          const writtenAt = await this.writtenAt(name);
          if (writtenAt) yield { sha256: name, writtenAt };
        }
      }
    }
  }

  async writtenAt(sha256: string): Promise<Date | null> {
    try {
      return new Date((await stat(this.pathOf(sha256))).mtimeMs);
    } catch {
      return null;
    }
  }

  private async entries(directory: string): Promise<string[]> {
    const names: string[] = [];
    try {
      for await (const entry of await opendir(directory)) names.push(entry.name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return names.sort();
  }

  private pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) {
      throw new Error(`Not a sha256 hash: ${sha256}`);
    }
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }
}
