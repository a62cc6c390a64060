import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { LocalFileStorage, loadConfig, s3ClientFor, S3FileStorage } from '@namndrum/core';
import { RunningS3Server, startS3Server } from './support/s3-server';

const ROOT = join(__dirname, '..');

/** `npm run files:migrate-to-s3` as an operator runs it: its entry point in a process of its own, with FILES_DIR and S3_* set. */
function migrate(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'libs/core/src/files/migrate-to-s3.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('npm run files:migrate-to-s3', () => {
  let s3: RunningS3Server;
  let root: string;
  let local: LocalFileStorage;
  let env: Record<string, string>;
  let bucket: S3FileStorage;
  const hashPath = (sha256: string) => `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;

  beforeAll(async () => {
    s3 = await startS3Server();
    root = await mkdtemp(join(tmpdir(), 'namndrum-migrate-'));
    local = new LocalFileStorage(root);
    env = { ...s3.settings, S3_PREFIX: 'flyttat/', FILES_DIR: root };
    bucket = S3FileStorage.fromConfig(loadConfig(env));
  });

  afterAll(async () => {
    await s3?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('copies the local store into the bucket, verifies every file, and copies nothing again on a second run', async () => {
    const stored: string[] = [];
    for (let index = 0; index < 12; index += 1) stored.push(await local.put(Buffer.from(`Bilaga ${index} till protokollet`)));

    const firstRun = await migrate(env);
    expect(firstRun).toMatchObject({ code: 0, stderr: '' });
    expect(firstRun.stdout).toContain('Examined 12, copied 12, already there 0, repaired 0, failed 0');
    expect(firstRun.stdout).toContain('Every file is in the bucket with its sha256 verified.');
    for (const sha256 of stored) expect((await bucket.get(sha256)).equals(await local.get(sha256))).toBe(true);

    const secondRun = await migrate(env);
    expect(secondRun.code).toBe(0);
    expect(secondRun.stdout).toContain('Examined 12, copied 0, already there 12, repaired 0, failed 0');
  }, 60_000);

  it('reports an object in the bucket that has other bytes than its name, and puts the right ones there', async () => {
    const sha256 = await local.put(Buffer.from('Justerat protokoll'));
    await s3ClientFor(loadConfig(env)).send(new PutObjectCommand({ Bucket: env.S3_BUCKET, Key: `flyttat/${hashPath(sha256)}`, Body: 'Ojusterat protokoll' }));

    const run = await migrate(env);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Repaired ${sha256}: the bucket held other bytes under its name`);
    expect(run.stdout).toContain('copied 0, already there 12, repaired 1, failed 0');
    expect((await bucket.get(sha256)).toString()).toBe('Justerat protokoll');
  }, 60_000);

  it('names a local file whose bytes do not match its name and exits non-zero', async () => {
    const sha256 = await local.put(Buffer.from('Kallelse till sammanträde'));
    await writeFile(join(root, hashPath(sha256)), 'Kallelse till SAMMANTRÄDE');

    const run = await migrate(env);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`FAILED ${sha256}: the source file does not match its name`);
    expect(run.stdout).toContain('1 files are NOT in the bucket as they should be.');
    expect(await bucket.exists(sha256)).toBe(false);
  }, 60_000);

  it('refuses to run without a bucket', async () => {
    const run = await migrate({ FILES_DIR: root, S3_BUCKET: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('S3_BUCKET is not set');
  }, 60_000);
});
