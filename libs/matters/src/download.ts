import { StreamableFile } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';

/** Sends bytes as a download with their media type and the file name, encoded for any client (RFC 6266). */
export function download(response: Response, content: Buffer, fileName: string, mediaType: string): StreamableFile {
  response.attachment(fileName);
  response.type(mediaType);
  response.setHeader('Content-Length', String(content.length));
  response.setHeader('X-Content-Type-Options', 'nosniff');
  return new StreamableFile(content);
}

/**
 * Declares a download's 200 response with its media type (`*\/*` when it is the stored file's own),
 * on the success response only: the errors stay JSON.
 */
export function ApiFileResponse(mediaType: string, description: string) {
  return ApiOkResponse({ description, content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } } });
}
