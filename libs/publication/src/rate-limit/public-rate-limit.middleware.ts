import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AuthService, SESSION_COOKIE, SessionService } from '@namndrum/identity';
import type { NextFunction, Request, Response } from 'express';
import Handlebars from 'handlebars';
import { PUBLIC_PATH_ROOTS } from '../public-urls';
import { PublicRateLimiter } from './public-rate-limiter';

const PUBLIC_ROOTS = new Set<string>(PUBLIC_PATH_ROOTS);

/** Whether a request path is under one of the public roots (/kommun, /sammantraden, /anslagstavla, /handlingar, /oparl). */
export function isPublicPath(path: string): boolean {
  const root = path.split('?')[0].split('/')[1] ?? '';
  return PUBLIC_ROOTS.has(root);
}

const TOO_MANY = Handlebars.compile(`<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>För många förfrågningar – Nämndrum</title>
<style>body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; line-height: 1.5; }</style>
</head>
<body>
<main>
<h1>För många förfrågningar</h1>
<p>Din adress har gjort fler än {{limit}} förfrågningar på en minut. Försök igen om {{seconds}} sekunder.</p>
</main>
</body>
</html>`);

/**
 * The per-address limit for anonymous clients on the public pages, feeds, files and OParl: each request is
 * counted in Redis; over PUBLIC_RATE_LIMIT_PER_MINUTE the answer is 429 with Retry-After (seconds), in JSON for
 * OParl and as a short Swedish page elsewhere. A signed-in user (bearer token or session cookie) is counted but
 * never refused; their credentials are only checked once the address is over the limit, so an anonymous request
 * costs one Redis round trip. If Redis cannot be reached the request is served: the public pages stay up.
 * Mounted on the public roots in PublicationModule, so that no public controller needs to know of it.
 */
@Injectable()
export class PublicRateLimitMiddleware implements NestMiddleware {
  private readonly logger = new Logger(PublicRateLimitMiddleware.name);

  constructor(
    private readonly limiter: PublicRateLimiter,
    private readonly moduleRef: ModuleRef,
  ) {}

  async use(request: Request, response: Response, next: NextFunction): Promise<void> {
    if (this.limiter.limit === 0 || !isPublicPath(request.originalUrl)) return next();
    let count;
    try {
      count = await this.limiter.count(String(request.ip));
    } catch (error) {
      this.logger.warn({ err: error }, 'Public rate limit not counted: Redis did not answer');
      return next();
    }
    const resetSeconds = Math.max(1, Math.ceil(count.resetMs / 1000));
    response.setHeader('RateLimit-Limit', String(count.limit));
    response.setHeader('RateLimit-Remaining', String(Math.max(0, count.limit - count.hits)));
    response.setHeader('RateLimit-Reset', String(resetSeconds));
    if (count.hits <= count.limit || (await this.signedIn(request))) return next();
    response.setHeader('Retry-After', String(resetSeconds));
    response.status(429);
    if (request.originalUrl.startsWith('/oparl')) {
      response.json({ statusCode: 429, error: 'TOO_MANY_REQUESTS', message: `För många förfrågningar från din adress. Försök igen om ${resetSeconds} sekunder.` });
    } else {
      response.type('html').send(TOO_MANY({ limit: count.limit, seconds: resetSeconds }));
    }
  }

  /** Whether the request carries a valid bearer token or session cookie (resolved from IdentityModule, which does not export SessionService). */
  private async signedIn(request: Request): Promise<boolean> {
    try {
      const [scheme, token] = (request.headers.authorization ?? '').split(' ');
      if (scheme === 'Bearer' && token) return (await this.moduleRef.get(AuthService, { strict: false }).authenticate(token)) !== null;
      const secret: unknown = (request as Request & { cookies?: Record<string, unknown> }).cookies?.[SESSION_COOKIE];
      if (typeof secret === 'string' && secret !== '') return (await this.moduleRef.get(SessionService, { strict: false }).authenticate(secret)) !== null;
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not check the credentials of a rate-limited request');
    }
    return false;
  }
}
