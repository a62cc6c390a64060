import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  PutObjectCommand,
  PutObjectCommandOutput,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { AppConfig } from '../config/app-config';
import { FileStorage, SHA256_HEX, sha256Hex, StoredFile, StoredFileStream } from './file-storage';

/** User metadata (x-amz-meta-written-at) holding when content already stored was stored again. */
const WRITTEN_AT = 'written-at';

/** The S3 client for the S3_* settings. */
export function s3ClientFor(config: AppConfig): S3Client {
  // package.json's engines already asks for Node 22; the SDK would otherwise repeat it on every process's stderr.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return new S3Client({
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT || undefined,
    forcePathStyle: config.S3_FORCE_PATH_STYLE === 'true',
    credentials: config.S3_ACCESS_KEY_ID ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY } : undefined,
    // The SDK's default CRC32 checksums in aws-chunked bodies are unknown to many S3-compatible servers; put()
    // sends the SHA-256 it already has instead.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/**
 * Files in an S3-compatible bucket (AWS S3, MinIO) as <S3_PREFIX>ab/cd/<sha256>, the same names as the
 * local store's, so that any number of API and worker processes on any number of machines share them.
 */
export class S3FileStorage implements FileStorage {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly prefix = '',
  ) {}

  static fromConfig(config: AppConfig): S3FileStorage {
    return new S3FileStorage(s3ClientFor(config), config.S3_BUCKET, config.S3_PREFIX);
  }

  async put(content: Buffer): Promise<string> {
    const sha256 = sha256Hex(content);
    const key = this.keyOf(sha256);
    if (await this.markWritten(key)) return sha256;
    const checksum = Buffer.from(sha256, 'hex').toString('base64');
    const response = await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: content, ContentLength: content.length, ContentType: 'application/octet-stream', ChecksumSHA256: checksum }),
    );
    if (!storedAsSent(response, checksum, content)) {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
      throw new Error(`The bucket stored other bytes than were sent for ${sha256}; the object was removed`);
    }
    return sha256;
  }

  async get(sha256: string): Promise<Buffer> {
    const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
    return Buffer.from(await response.Body!.transformToByteArray());
  }

  async openReadStream(sha256: string): Promise<StoredFileStream> {
    const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
    return { sha256, size: response.ContentLength!, stream: response.Body as Readable };
  }

  async exists(sha256: string): Promise<boolean> {
    return (await this.head(this.keyOf(sha256))) !== null;
  }

  async delete(sha256: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
  }

  /**
   * LastModified of each object: ListObjectsV2 carries no metadata, so a file stored again is listed with a
   * time no later than the true one (see markWritten); the collector reads writtenAt() before it removes one.
   */
  async *list(): AsyncIterable<StoredFile> {
    for await (const page of paginateListObjectsV2({ client: this.client }, { Bucket: this.bucket, Prefix: this.prefix })) {
      for (const object of page.Contents ?? []) {
        const sha256 = this.sha256Of(object.Key!);
        if (sha256 && object.LastModified) yield { sha256, writtenAt: object.LastModified };
      }
    }
  }

  async writtenAt(sha256: string): Promise<Date | null> {
    const head = await this.head(this.keyOf(sha256));
    if (!head) return null;
    const storedAgain = head.Metadata?.[WRITTEN_AT] ? new Date(head.Metadata[WRITTEN_AT]) : null;
    return storedAgain && storedAgain > head.LastModified! ? storedAgain : head.LastModified!;
  }

  /**
   * Marks stored content as written now by copying the object onto itself with new metadata; false when it
   * is not stored. AWS S3 and MinIO move LastModified on such a copy, s3rver (the tests' server) rewrites
   * only the metadata: the time in the metadata is what all of them keep, and writtenAt() reads the later.
   */
  private async markWritten(key: string): Promise<boolean> {
    try {
      await this.client.send(
        new CopyObjectCommand({
          Bucket: this.bucket,
          Key: key,
          CopySource: encodeURI(`${this.bucket}/${key}`),
          MetadataDirective: 'REPLACE',
          ContentType: 'application/octet-stream',
          Metadata: { [WRITTEN_AT]: new Date().toISOString() },
        }),
      );
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  private async head(key: string) {
    try {
      return await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  private keyOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) {
      throw new Error(`Not a sha256 hash: ${sha256}`);
    }
    return `${this.prefix}${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  }

  /** The hash an object's key names, or null for anything else in the bucket. */
  private sha256Of(key: string): string | null {
    const sha256 = key.slice(key.lastIndexOf('/') + 1);
    return SHA256_HEX.test(sha256) && key === this.keyOf(sha256) ? sha256 : null;
  }
}

/**
 * Whether the bucket stored exactly the bytes sent. AWS S3 and MinIO check ChecksumSHA256 themselves,
 * refuse a body that does not match it and answer with it; a server that keeps no such checksum (s3rver)
 * answers with the MD5 of what it stored as the ETag.
 */
function storedAsSent(response: PutObjectCommandOutput, checksum: string, content: Buffer): boolean {
  if (response.ChecksumSHA256) return response.ChecksumSHA256 === checksum;
  return response.ETag === `"${createHash('md5').update(content).digest('hex')}"`;
}

function isNotFound(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 404 || error.name === 'NoSuchKey' || error.name === 'NotFound');
}
