import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, map, Observable, of, switchMap } from 'rxjs';
import type { StoredFileStream } from '@namndrum/core';
import { PublicationChanges } from './publication-changes';

/**
 * What a public page, feed, file or OParl handler returns: the representation and when what it shows last
 * changed. The interceptor turns it into a response a browser, crawler or proxy may keep and revalidate.
 */
export interface PublicResource {
  contentType: string;
  /** What is rendered, or a stored file streamed as it is read (never kept by PublicResponseCache). */
  body: string | Buffer | StoredFileStream;
  /** When the data shown last changed; null when unknown (then only the ETag validates). */
  lastModified: Date | null;
  /** For downloads: the file name offered to save as. */
  fileName?: string;
}

/** A public resource's validator: a strong ETag over the exact bytes sent. */
export function entityTag(body: string | Buffer | StoredFileStream): string {
  // A stored file is named by the sha256 of its bytes: the same tag, without reading them first.
  const sha256 = isStreamed(body) ? Buffer.from(body.sha256, 'hex') : createHash('sha256').update(body).digest();
  return `"${sha256.toString('base64url').slice(0, 32)}"`;
}

interface Cached {
  resource: PublicResource & { body: string | Buffer };
  etag: string;
  version: string;
  epoch: number;
}

/** Bounds of the rendered answers one API process keeps: enough for every page a busy day asks for twice. */
const MAX_ENTRIES = 2000;
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * The public answers this process rendered, by URL, valid while nothing public has changed since
 * (PublicationChanges): a page asked for again — by a crawler, a feed reader, a citizen reloading — costs one
 * small query instead of its rendering. Oldest first out.
 */
@Injectable()
export class PublicResponseCache {
  private readonly entries = new Map<string, Cached>();
  private bytes = 0;

  get(key: string, version: string, epoch: number): Cached | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version || entry.epoch !== epoch) {
      this.delete(key, entry);
      return undefined;
    }
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: Cached): void {
    const previous = this.entries.get(key);
    if (previous) this.delete(key, previous);
    const size = entry.resource.body.length;
    if (size > MAX_BYTES / 8) return;
    this.entries.set(key, entry);
    this.bytes += size;
    for (const [oldestKey, oldest] of this.entries) {
      if (this.entries.size <= MAX_ENTRIES && this.bytes <= MAX_BYTES) break;
      this.delete(oldestKey, oldest);
    }
  }

  private delete(key: string, entry: Cached): void {
    this.entries.delete(key);
    this.bytes -= entry.resource.body.length;
  }
}

/**
 * Public data may be cached by anyone (it is published), but must be revalidated on every use, so that a
 * withdrawn posting or a corrected protokoll is never shown from a stale copy: `Cache-Control: public, no-cache`
 * with ETag and Last-Modified, answering 304 to a matching If-None-Match (or, without one, If-Modified-Since).
 * The rendered answer is kept (PublicResponseCache) until something public changes.
 */
@Injectable()
export class PublicResourceInterceptor implements NestInterceptor {
  constructor(
    private readonly changes: PublicationChanges,
    private readonly cache: PublicResponseCache,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    if (!this.changes.listening) return next.handle().pipe(map((resource: PublicResource) => respond(request, response, resource, entityTag(resource.body))));
    const key = request.originalUrl;
    const epoch = this.changes.epoch;
    return from(this.changes.version()).pipe(
      switchMap((version) => {
        const cached = this.cache.get(key, version, epoch);
        if (cached) return of(respond(request, response, cached.resource, cached.etag));
        return next.handle().pipe(
          map((resource: PublicResource) => {
            const etag = entityTag(resource.body);
            // Kept under the epoch it began in: a commit noticed since, perhaps of data read before it, outdates it.
            if (isRendered(resource)) this.cache.set(key, { resource, etag, version, epoch });
            return respond(request, response, resource, etag);
          }),
        );
      }),
    );
  }
}

function respond(request: Request, response: Response, resource: PublicResource, etag: string): unknown {
  response.setHeader('Cache-Control', 'public, no-cache');
  response.setHeader('ETag', etag);
  if (resource.lastModified) response.setHeader('Last-Modified', resource.lastModified.toUTCString());
  response.setHeader('Content-Type', resource.contentType);
  if (resource.fileName) response.attachment(resource.fileName);
  // Express compares If-None-Match / If-Modified-Since with the headers just set.
  if (request.fresh) {
    if (isStreamed(resource.body)) resource.body.stream.destroy();
    response.status(304);
    return '';
  }
  if (isStreamed(resource.body)) return new StreamableFile(resource.body.stream, { length: resource.body.size });
  return typeof resource.body === 'string' ? resource.body : new StreamableFile(resource.body);
}

function isStreamed(body: PublicResource['body']): body is StoredFileStream {
  return typeof body !== 'string' && !Buffer.isBuffer(body);
}

function isRendered(resource: PublicResource): resource is PublicResource & { body: string | Buffer } {
  return !isStreamed(resource.body);
}
