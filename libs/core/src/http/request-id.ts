import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Gives the request its id once, as early as possible: a refusal raised while the body is parsed
 * (before the logger's middleware runs) still carries the id the logs will show.
 */
export function assignRequestId(request: IncomingMessage & { id?: unknown }, response: ServerResponse): string {
  if (typeof request.id === 'string' && request.id) return request.id;
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  request.id = id;
  response.setHeader('x-request-id', id);
  return id;
}
