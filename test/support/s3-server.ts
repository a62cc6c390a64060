import { mkdtemp, rm, utimes } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import crypto from 'node:crypto';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver');

/**
 * s3rver makes its ListObjectsV2 continuation tokens with single DES, which OpenSSL 3 no longer offers,
 * so a listing longer than one page failed. Triple DES with the key three times is the same cipher.
 */
function singleDesAsTripleDes(create: typeof crypto.createCipheriv | typeof crypto.createDecipheriv) {
  return (algorithm: string, key: Buffer, iv: Buffer, options?: unknown) =>
    algorithm === 'des' ? create('des-ede3-cbc', Buffer.concat([key, key, key]), iv) : create(algorithm, key, iv, options as never);
}
const originalCreateCipheriv = crypto.createCipheriv;
const originalCreateDecipheriv = crypto.createDecipheriv;
Object.assign(crypto, { createCipheriv: singleDesAsTripleDes(originalCreateCipheriv), createDecipheriv: singleDesAsTripleDes(originalCreateDecipheriv) });

/** The S3_* settings that point the system at a bucket (see AppConfig). */
export interface S3Settings {
  S3_ENDPOINT: string;
  S3_REGION: string;
  S3_BUCKET: string;
  S3_ACCESS_KEY_ID: string;
  S3_SECRET_ACCESS_KEY: string;
  S3_FORCE_PATH_STYLE: 'true';
}

export interface RunningS3Server {
  settings: S3Settings;
  /** Sets an object's LastModified back, as if it had been written then (s3rver keeps it as its file's mtime). */
  backdate(key: string, at: Date): Promise<void>;
  stop(): Promise<void>;
}

/**
 * An S3-compatible server in the test process (s3rver, over a temporary folder), with one empty
 * bucket: no MinIO reaches these machines, and a real S3 API is what the S3 driver must be tested
 * against. Any process the test starts reaches it through the returned settings.
 */
export async function startS3Server(bucket = 'namndrum-test'): Promise<RunningS3Server> {
  const directory = await mkdtemp(join(tmpdir(), 'namndrum-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = (await server.run()) as AddressInfo;
  return {
    settings: {
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_REGION: 'us-east-1',
      S3_BUCKET: bucket,
      // s3rver's own fixed credentials.
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    },
    async backdate(key, at) {
      await utimes(join(directory, bucket, dirname(key), `${basename(key)}._S3rver_object`), at, at);
    },
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
