import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, Observable } from 'rxjs';

/**
 * What a public page, feed, file or OParl handler returns: the representation and when what it shows last
 * changed. The interceptor turns it into a response a browser, crawler or proxy may keep and revalidate.
 */
export interface PublicResource {
  contentType: string;
  body: string | Buffer;
  /** When the data shown last changed; null when unknown (then only the ETag validates). */
  lastModified: Date | null;
  /** For downloads: the file name offered to save as. */
  fileName?: string;
}

/** A public resource's validator: a strong ETag over the exact bytes sent. */
export function entityTag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/**
 * Public data may be cached by anyone (it is published), but must be revalidated on every use, so that a
 * withdrawn posting or a corrected protokoll is never shown from a stale copy: `Cache-Control: public, no-cache`
 * with ETag and Last-Modified, answering 304 to a matching If-None-Match (or, without one, If-Modified-Since).
 */
@Injectable()
export class PublicResourceInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    return next.handle().pipe(map((resource: PublicResource) => respond(request, response, resource)));
  }
}

function respond(request: Request, response: Response, resource: PublicResource): unknown {
  response.setHeader('Cache-Control', 'public, no-cache');
  response.setHeader('ETag', entityTag(resource.body));
  if (resource.lastModified) response.setHeader('Last-Modified', resource.lastModified.toUTCString());
  response.setHeader('Content-Type', resource.contentType);
  if (resource.fileName) response.attachment(resource.fileName);
  // Express compares If-None-Match / If-Modified-Since with the headers just set.
  if (request.fresh) {
    response.status(304);
    return '';
  }
  return typeof resource.body === 'string' ? resource.body : new StreamableFile(resource.body);
}
