import { StreamableFile } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import type { StoredFileStream } from '@namndrum/core';

/**
 * Sends bytes as a download with their media type and the file name, encoded for any client (RFC 6266):
 * a file rendered in memory, or a stored file streamed from file storage as it is read.
 */
export function download(response: Response, content: Buffer | StoredFileStream, fileName: string, mediaType: string): StreamableFile {
  response.attachment(fileName);
  response.type(mediaType);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  if (Buffer.isBuffer(content)) {
    response.setHeader('Content-Length', String(content.length));
    return new StreamableFile(content);
  }
  response.setHeader('Content-Length', String(content.size));
  return new StreamableFile(content.stream);
}

/**
 * Declares a download's 200 response with its media type (`*\/*` when it is the stored file's own),
 * on the success response only: the errors stay JSON.
 */
export function ApiFileResponse(mediaType: string, description: string) {
  return ApiOkResponse({ description, content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } } });
}
