import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';

/**
 * The web app's own paths (apps/web/src/router.tsx): a browser that opens or reloads one of them
 * gets index.html, and the app's router shows the page. Everything else stays the API's or the
 * public pages': /api, /sammantraden, /anslagstavla, /protokoll.
 */
export const WEB_APP_ROUTES = ['/', '/logga-in', '/sammantradesplan', '/moten', '/diarium', '/arenden', '/anslag', '/styrmodell', '/installningar'];

export function isWebAppPath(path: string): boolean {
  return WEB_APP_ROUTES.some((route) => (route === '/' ? path === '/' : path === route || path.startsWith(`${route}/`)));
}

/**
 * Serves the built web app from one deployable with the API. The hashed files under /assets never
 * change, so browsers keep them for a year; index.html is asked for again each time, so a new
 * release reaches everyone at their next page load.
 */
export function serveWebApp(app: INestApplication, webDir: string): void {
  const root = resolve(webDir);
  const indexHtml = join(root, 'index.html');
  const compress = compression();
  app.use(
    '/assets',
    compress,
    express.static(join(root, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false, index: false }),
  );
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !isWebAppPath(request.path)) return next();
    if (!existsSync(indexHtml)) {
      response.status(503).type('text/plain; charset=utf-8').send('Webbappen är inte byggd. Kör npm run build (eller npm run build:web).');
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    compress(request, response, () => response.sendFile(indexHtml));
  });
}
