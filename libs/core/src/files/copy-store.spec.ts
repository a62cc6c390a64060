import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { RunningS3Server, startS3Server } from '../../../../test/support/s3-server';
import { loadConfig } from '../config/app-config';
import { copyStore } from './copy-store';
import { sha256Hex } from './file-storage';
import { LocalFileStorage } from './local-file-storage';
import { s3ClientFor, S3FileStorage } from './s3-file-storage';

describe('copying the local store into a bucket', () => {
  let s3: RunningS3Server;
  let client: S3Client;
  let root: string;
  let local: LocalFileStorage;
  let prefix: string;
  let bucket: S3FileStorage;

  const keyOf = (sha256: string) => `${prefix}${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;

  beforeAll(async () => {
    s3 = await startS3Server();
    client = s3ClientFor(loadConfig({ ...s3.settings }));
  });

  afterAll(() => s3.stop());

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'namndrum-copy-'));
    local = new LocalFileStorage(root);
    prefix = `kopia-${sha256Hex(String(Math.random())).slice(0, 8)}/`;
    bucket = new S3FileStorage(client, s3.settings.S3_BUCKET, prefix);
  });

  afterEach(() => rm(root, { recursive: true, force: true }));

  it('copies every file and proves each by reading it back; a second run copies nothing again', async () => {
    const stored: string[] = [];
    for (let index = 0; index < 25; index += 1) stored.push(await local.put(Buffer.from(`handling ${index}`)));

    expect(await copyStore(local, bucket, { concurrency: 4 })).toEqual({ examined: 25, copied: 25, present: 0, repaired: [], failed: [] });
    for (const sha256 of stored) expect(sha256Hex(await bucket.get(sha256))).toBe(sha256);

    expect(await copyStore(local, bucket)).toEqual({ examined: 25, copied: 0, present: 25, repaired: [], failed: [] });
  });

  it('goes on where a stopped run left off', async () => {
    const first = await local.put(Buffer.from('redan kopierad'));
    await bucket.put(Buffer.from('redan kopierad'));
    const second = await local.put(Buffer.from('ännu inte kopierad'));

    expect(await copyStore(local, bucket)).toMatchObject({ examined: 2, copied: 1, present: 1, failed: [] });
    expect(await bucket.exists(first)).toBe(true);
    expect(await bucket.exists(second)).toBe(true);
  });

  it('reports an object in the bucket whose bytes do not match its name, and replaces it with the right ones', async () => {
    const sha256 = await local.put(Buffer.from('Protokoll fört vid sammanträde'));
    await client.send(new PutObjectCommand({ Bucket: s3.settings.S3_BUCKET, Key: keyOf(sha256), Body: 'Protokoll fört vid SAMMANTRÄDE' }));

    expect(await copyStore(local, bucket)).toEqual({ examined: 1, copied: 0, present: 0, repaired: [sha256], failed: [] });
    expect((await bucket.get(sha256)).toString()).toBe('Protokoll fört vid sammanträde');
  });

  it('fails a local file whose bytes do not match its name and copies the others', async () => {
    const damaged = await local.put(Buffer.from('en skadad fil'));
    await writeFile(join(root, damaged.slice(0, 2), damaged.slice(2, 4), damaged), 'en skadaD fil');
    const intact = await local.put(Buffer.from('en hel fil'));

    const report = await copyStore(local, bucket);

    expect(report).toEqual({ examined: 2, copied: 1, present: 0, repaired: [], failed: [{ sha256: damaged, reason: 'the source file does not match its name' }] });
    expect(await bucket.exists(damaged)).toBe(false);
    expect(await bucket.exists(intact)).toBe(true);
  });

  it('fails a file the bucket does not store as it was sent', async () => {
    const sha256 = await local.put(Buffer.from('Nämnden fattar beslut'));
    const damagingClient = s3ClientFor(loadConfig({ ...s3.settings }));
    damagingClient.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { body?: unknown };
        if (Buffer.isBuffer(request.body)) request.body = Buffer.from(request.body.toString().replace('beslut', 'BESLUT'));
        return next(args);
      },
      { step: 'finalizeRequest', priority: 'low', name: 'damageInTransit' },
    );

    const report = await copyStore(local, new S3FileStorage(damagingClient, s3.settings.S3_BUCKET, prefix));

    expect(report.failed).toEqual([{ sha256, reason: expect.stringContaining('other bytes than were sent') }]);
    expect(await bucket.exists(sha256)).toBe(false);
  });
});
