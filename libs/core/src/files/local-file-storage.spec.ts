import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalFileStorage } from './local-file-storage';

/** What only the local folder has; what every driver does is in file-storage.contract.spec.ts. */
describe('LocalFileStorage', () => {
  let root: string;
  let storage: LocalFileStorage;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'namndrum-files-'));
    storage = new LocalFileStorage(root);
  });

  afterEach(() => rm(root, { recursive: true, force: true }));

  it('keeps a file as ab/cd/<sha256> under its folder', async () => {
    const sha256 = await storage.put(Buffer.from('Förvaltningens förslag till beslut'));
    expect(await readdir(join(root, sha256.slice(0, 2), sha256.slice(2, 4)))).toEqual([sha256]);
  });

  it('leaves the temporary file of a write in progress out of its listing', async () => {
    const sha256 = await storage.put(Buffer.from('andra'));
    await writeFile(join(root, sha256.slice(0, 2), sha256.slice(2, 4), `${sha256}.1234.tmp`), 'halvskriven');
    const listed = [];
    for await (const file of storage.list()) listed.push(file.sha256);
    expect(listed).toEqual([sha256]);
  });

  it('lists nothing when its folder does not exist yet', async () => {
    const listed = [];
    for await (const file of new LocalFileStorage(join(root, 'saknas')).list()) listed.push(file);
    expect(listed).toEqual([]);
  });
});
