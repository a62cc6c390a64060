import { INestApplication, RequestMethod, VersioningType } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppConfig, HttpMetrics, trustedProxies, useHardenedRequestParsing } from '@namndrum/core';
import { PUBLIC_PATH_ROOTS } from '@namndrum/publication';
import { serveWebApp } from './web-app';

export const API_PREFIX = 'api';

/** Everything that makes the HTTP app what it is, shared by main.ts, the OpenAPI writer and the tests. */
export function configureApp(app: INestApplication): OpenAPIObject {
  app.useLogger(app.get(Logger));
  // (The OpenAPI writer builds the module graph without instances, and so without a config.)
  const config: AppConfig | null = app.get(AppConfig);
  // First, so that a request refused while its body is read is counted too.
  if (config) app.use(app.get(HttpMetrics).middleware);
  useHardenedRequestParsing(app);
  // The client address the sign-in limits count by: the connecting one, or what trusted proxies report.
  if (config) (app as NestExpressApplication).set('trust proxy', trustedProxies(config));
  app.use(
    helmet({
      contentSecurityPolicy: {
        // Scripts only from files the server serves; Swagger UI's page at /api/docs has inline styles.
        directives: { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
      },
    }),
  );
  if (config) serveWebApp(app, config.WEB_DIR);
  // Answers hold personal data and what one user may read: no browser or proxy keeps a copy.
  app.use((_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  // Public pages, feeds, files and OParl (and the page to approve minutes) live outside /api.
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      ...PUBLIC_PATH_ROOTS.flatMap((root) => [
        { path: root, method: RequestMethod.GET },
        { path: `${root}/*path`, method: RequestMethod.GET },
      ]),
      { path: 'protokoll/:id/justering', method: RequestMethod.GET },
      { path: 'protokoll/justering.js', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  const document = SwaggerModule.createDocument(app, openApiConfig(), { operationIdFactory });
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json`, customSiteTitle: 'Nämndrum API' });
  return document;
}

/**
 * A generated client names its methods after the operation ids, so they read as code: the
 * controller's resource and the method, `MeetingsController.list` → `meetingsList`.
 */
function operationIdFactory(controllerKey: string, methodKey: string): string {
  const resource = controllerKey.replace(/Controller$/, '');
  return `${resource.charAt(0).toLowerCase()}${resource.slice(1)}${methodKey.charAt(0).toUpperCase()}${methodKey.slice(1)}`;
}

function openApiConfig() {
  return new DocumentBuilder()
    .setTitle('Nämndrum API')
    .setDescription('Sammanträdes- och ärendehantering för kommuner. All resources are under /api/v1; sign in with POST /api/v1/auth/login (a bearer token, for integrations) or POST /api/v1/auth/session (the browser\'s session cookie; writes then send X-CSRF-Token).')
    .setVersion('1')
    .addBearerAuth()
    .addCookieAuth('namndrum_session')
    .build();
}
