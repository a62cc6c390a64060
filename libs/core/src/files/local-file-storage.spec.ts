import { mkdtemp, readdir, rm } from 'node:fs/promises';
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

  it('refuses a name that is not a sha256 (no path traversal)', async () => {
    await expect(storage.get('../../etc/passwd')).rejects.toThrow('Not a sha256 hash');
  });
});
