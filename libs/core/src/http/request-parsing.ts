import type { INestApplication } from '@nestjs/common';
import cookieParser from 'cookie-parser';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { refuseDeepJson } from './json-depth';
import { assignRequestId } from './request-id';
import { findUnstorableText, unstorableTextError } from './unstorable-text';

/**
 * How a request's body and query are read, before any guard sees them: a request id first, so every
 * refusal carries one; JSON bounded in size and depth; then text PostgreSQL cannot store is refused
 * with its field named (the sign-in throttler reads the e-mail before any pipe runs); cookies are read
 * for the AuthGuard.
 */
export function useHardenedRequestParsing(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.use((request: Request, response: Response, next: NextFunction) => {
    assignRequestId(request, response);
    next();
  });
  // A whole goal framework is imported as one JSON document, larger than the default 100 kB.
  // Nest's option type leaves out `verify` (its rawBody option would replace it); without rawBody it is passed on as given.
  const jsonOptions = { limit: '10mb', verify: refuseDeepJson };
  express.useBodyParser('json', jsonOptions);
  express.useBodyParser('urlencoded', { extended: true });
  // The browser session's cookie; its value is a random secret checked against the database, so it needs no signature.
  express.use(cookieParser());
  express.use((request: Request, _response: Response, next: NextFunction) => {
    const field = findUnstorableText(request.body, '') ?? findUnstorableText(request.query, '');
    next(field === null ? undefined : unstorableTextError(field));
  });
}
