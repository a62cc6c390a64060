import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { RunningS3Server, startS3Server } from '../../../../test/support/s3-server';
import { loadConfig } from '../config/app-config';
import { FileStorage, sha256Hex } from './file-storage';
import { LocalFileStorage } from './local-file-storage';
import { s3ClientFor, S3FileStorage } from './s3-file-storage';

interface StoreUnderTest {
  storage: FileStorage;
  /** Makes a stored file look as if it was last written at the given time. */
  backdate(sha256: string, at: Date): Promise<void>;
  close(): Promise<void>;
}

const hashPath = (sha256: string) => `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;

async function localStore(): Promise<StoreUnderTest> {
  const root = await mkdtemp(join(tmpdir(), 'namndrum-files-'));
  return {
    storage: new LocalFileStorage(root),
    backdate: (sha256, at) => utimes(join(root, hashPath(sha256)), at, at),
    close: () => rm(root, { recursive: true, force: true }),
  };
}

let s3: RunningS3Server;

async function bucketStore(): Promise<StoreUnderTest> {
  s3 ??= await startS3Server();
  // Each test in a folder of its own in the one bucket, which also proves S3_PREFIX.
  const prefix = `kommun-${sha256Hex(String(Math.random())).slice(0, 8)}/`;
  const config = loadConfig({ ...s3.settings, S3_PREFIX: prefix });
  return {
    storage: S3FileStorage.fromConfig(config),
    backdate: (sha256, at) => s3.backdate(`${prefix}${hashPath(sha256)}`, at),
    close: async () => undefined,
  };
}

afterAll(() => s3?.stop());

describe.each([
  ['the local folder (LocalFileStorage)', localStore],
  ['an S3 bucket (S3FileStorage)', bucketStore],
])('file storage in %s', (_name, open) => {
  let store: StoreUnderTest;
  let storage: FileStorage;
  const longAgo = new Date('2026-01-01T00:00:00Z');

  beforeEach(async () => {
    store = await open();
    storage = store.storage;
  });

  afterEach(() => store.close());

  it('stores content under its sha256 and reads it back whole and as a stream', async () => {
    const content = Buffer.from('Förvaltningens förslag till beslut');
    const sha256 = await storage.put(content);
    expect(sha256).toBe(sha256Hex(content));
    expect(await storage.exists(sha256)).toBe(true);
    expect((await storage.get(sha256)).equals(content)).toBe(true);
    const streamed = await storage.openReadStream(sha256);
    expect(streamed.sha256).toBe(sha256);
    expect(streamed.size).toBe(content.length);
    expect(await text(streamed.stream)).toBe('Förvaltningens förslag till beslut');
  });

  it('streams a file larger than one read buffer byte for byte', async () => {
    const content = Buffer.alloc(3 * 1024 * 1024 + 17, 'kallelse med handlingar ');
    const sha256 = await storage.put(content);
    const streamed = await storage.openReadStream(sha256);
    const chunks: Buffer[] = [];
    for await (const chunk of streamed.stream) chunks.push(chunk as Buffer);
    expect(streamed.size).toBe(content.length);
    expect(sha256Hex(Buffer.concat(chunks))).toBe(sha256);
  });

  it('stores the same content once and deletes it', async () => {
    const first = await storage.put(Buffer.from('en gång'));
    expect(await storage.put(Buffer.from('en gång'))).toBe(first);
    const listed = [];
    for await (const file of storage.list()) listed.push(file.sha256);
    expect(listed).toEqual([first]);
    await storage.delete(first);
    expect(await storage.exists(first)).toBe(false);
    await storage.delete(first);
  });

  it('fails to read a file that is not stored, at once rather than in the middle of a stream', async () => {
    const missing = sha256Hex('aldrig lagrad');
    await expect(storage.get(missing)).rejects.toThrow();
    await expect(storage.openReadStream(missing)).rejects.toThrow();
    expect(await storage.exists(missing)).toBe(false);
  });

  it('lists the stored files with the time each was written', async () => {
    const first = await storage.put(Buffer.from('första'));
    const second = await storage.put(Buffer.from('andra'));
    await store.backdate(first, longAgo);
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

  it('lists every file of a store larger than one page of a listing', async () => {
    const stored: string[] = [];
    for (let index = 0; index < 1100; index += 1) stored.push(await storage.put(Buffer.from(`bilaga ${index}`)));
    const listed = new Set<string>();
    for await (const file of storage.list()) listed.add(file.sha256);
    expect(listed).toEqual(new Set(stored));
  }, 60_000);

  it('marks content stored again as written now, so a collector does not take it from a new reference', async () => {
    const sha256 = await storage.put(Buffer.from('samma innehåll'));
    await store.backdate(sha256, longAgo);
    expect(await storage.writtenAt(sha256)).toEqual(longAgo);
    const before = Date.now();
    await storage.put(Buffer.from('samma innehåll'));
    expect((await storage.writtenAt(sha256))!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect((await storage.get(sha256)).toString()).toBe('samma innehåll');
  });

  it('lists nothing in an empty store and knows no time for a missing file', async () => {
    const listed = [];
    for await (const file of storage.list()) listed.push(file);
    expect(listed).toEqual([]);
    expect(await storage.writtenAt('0'.repeat(64))).toBeNull();
  });

  it('refuses a name that is not a sha256 (no path traversal)', async () => {
    await expect(storage.get('../../etc/passwd')).rejects.toThrow('Not a sha256 hash');
    await expect(storage.openReadStream('../../etc/passwd')).rejects.toThrow('Not a sha256 hash');
    await expect(storage.delete('..')).rejects.toThrow('Not a sha256 hash');
  });
});

describe('file storage in an S3 bucket', () => {
  beforeAll(async () => {
    s3 ??= await startS3Server();
  });

  it('never keeps bytes that arrived other than they were sent under the hash of what was sent', async () => {
    const client = s3ClientFor(loadConfig({ ...s3.settings }));
    // Damage in transit: the body changes after its checksum was computed.
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { body?: unknown; headers: Record<string, string> };
        if (Buffer.isBuffer(request.body)) request.body = Buffer.from(request.body.toString().replace('beslut', 'BESLUT'));
        return next(args);
      },
      { step: 'finalizeRequest', priority: 'low', name: 'damageInTransit' },
    );
    const damaged = new S3FileStorage(client, s3.settings.S3_BUCKET, 'skadat/');
    const content = Buffer.from('Nämnden fattar beslut enligt förslaget');
    await expect(damaged.put(content)).rejects.toThrow('other bytes than were sent');
    expect(await new S3FileStorage(s3ClientFor(loadConfig({ ...s3.settings })), s3.settings.S3_BUCKET, 'skadat/').exists(sha256Hex(content))).toBe(false);
  });

  it('leaves objects in the bucket that are not named by a hash under its prefix out of its listing', async () => {
    const client = s3ClientFor(loadConfig({ ...s3.settings }));
    const storage = new S3FileStorage(client, s3.settings.S3_BUCKET, 'egen/');
    const sha256 = await storage.put(Buffer.from('en handling'));
    const other = sha256Hex('någon annans');
    for (const key of [`annan/${hashPath(other)}`, `egen/${other}`, `egen/${hashPath(other)}.tmp`, `egen/ab/cd/${other}`]) {
      await client.send(new PutObjectCommand({ Bucket: s3.settings.S3_BUCKET, Key: key, Body: 'främmande' }));
    }
    const listed = [];
    for await (const file of storage.list()) listed.push(file.sha256);
    expect(listed).toEqual([sha256]);
  });
});
