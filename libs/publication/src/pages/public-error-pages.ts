import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { PUBLIC_PATH_ROOTS } from '../public-urls';
import { renderErrorPage } from './layout';

/** The token the exception filter (libs/core) looks the public error pages up by, without depending on this library. */
/** The same token as libs/core's exception filter looks up (Symbol.for: one symbol across libraries). */
export const PUBLIC_ERROR_PAGES = Symbol.for('namndrum.PublicErrorPages');

/** HTML error pages for the public pages: GET or HEAD under a public root, OParl excepted (it answers JSON). */
@Injectable()
export class PublicErrorPages {
  render(request: Request, statusCode: number, message: string): string | null {
    if (request.method !== 'GET' && request.method !== 'HEAD') return null;
    const root = request.originalUrl.split('?')[0].split('/')[1] ?? '';
    if (root === 'oparl' || !(PUBLIC_PATH_ROOTS as readonly string[]).includes(root)) return null;
    // A malformed request (a NUL in the path) keeps the JSON refusal with its field details for clients that do not ask
    // for HTML; a browser, which does, gets the page.
    if (statusCode === 400 && !/\btext\/html\b/.test(String(request.headers.accept ?? ''))) return null;
    return renderErrorPage(statusCode, message);
  }
}
