import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex } from './file-storage';
import { LocalFileStorage } from './local-file-storage';

describe('LocalFileStorage', () => {
  let root: string;
  let storage: LocalFileStorage;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'namndrum-files-'));
    storage = new LocalFileStorage(root);
  });

  afterEach(() => rm(root, { recursive: true, force: true }));

  it('stores content under its sha256 and reads it back', async () => {
    const content = Buffer.from('Förvaltningens förslag till beslut');
    const sha256 = await storage.put(content);
    expect(sha256).toBe(sha256Hex(content));
    expect(await storage.exists(sha256)).toBe(true);
    expect((await storage.get(sha256)).equals(content)).toBe(true);
    expect(await readdir(join(root, sha256.slice(0, 2), sha256.slice(2, 4)))).toEqual([sha256]);
  });

  it('stores the same content once and deletes it', async () => {
    const content = Buffer.from('en gång');
    const first = await storage.put(content);
    expect(await storage.put(Buffer.from('en gång'))).toBe(first);
    await storage.delete(first);
    expect(await storage.exists(first)).toBe(false);
  });

  it('lists the stored files with the time each was written, leaving out temporary files', async () => {
    const first = await storage.put(Buffer.from('första'));
    const second = await storage.put(Buffer.from('andra'));
    const longAgo = new Date('2026-01-01T00:00:00Z');
    await utimes(join(root, first.slice(0, 2), first.slice(2, 4), first), longAgo, longAgo);
    await writeFile(join(root, second.slice(0, 2), second.slice(2, 4), `${second}.1234.tmp`), 'halvskriven');
    const listed = [];
    for await (const file of storage.list()) listed.push(file);
    expect(listed.sort((a, b) => a.sha256.localeCompare(b.sha256))).toEqual(
      [
        { sha256: first, writtenAt: longAgo },
        { sha256: second, writtenAt: expect.any(Date) },
      ].sort((a, b) => a.sha256.localeCompare(b.sha256)),
    );
    expect(await storage.writtenAt(first)).toEqual(longAgo);
  });

  it('marks content stored again as written now, so a collector does not take it from a new reference', async () => {
    const sha256 = await storage.put(Buffer.from('samma innehåll'));
    const longAgo = new Date('2026-01-01T00:00:00Z');
    await utimes(join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256), longAgo, longAgo);
    const before = Date.now();
    await storage.put(Buffer.from('samma innehåll'));
    expect((await storage.writtenAt(sha256))!.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('lists nothing in an empty store and knows no time for a missing file', async () => {
    const listed = [];
    for await (const file of new LocalFileStorage(join(root, 'saknas')).list()) listed.push(file);
    expect(listed).toEqual([]);
    expect(await storage.writtenAt('0'.repeat(64))).toBeNull();
  });

  it('refuses a name that is not a sha256 (no path traversal)', async () => {
    await expect(storage.get('../../etc/passwd')).rejects.toThrow('Not a sha256 hash');
  });
});
