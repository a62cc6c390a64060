import { INestApplication, RequestMethod, VersioningType } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';

export const API_PREFIX = 'api';

/** Everything that makes the HTTP app what it is, shared by main.ts, the OpenAPI writer and the tests. */
export function configureApp(app: INestApplication): OpenAPIObject {
  app.useLogger(app.get(Logger));
  // A whole goal framework is imported as one JSON document, larger than the default 100 kB.
  (app as NestExpressApplication).useBodyParser('json', { limit: '10mb' });
  app.use(
    helmet({
      contentSecurityPolicy: {
        // Swagger UI at /api/docs uses inline scripts and styles.
        directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
      },
    }),
  );
  // Public pages (the meeting page a notice links to, the anslagstavla, the page to approve minutes) live outside /api.
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'sammantraden/:id', method: RequestMethod.GET },
      { path: 'anslagstavla/:code', method: RequestMethod.GET },
      { path: 'anslagstavla/:code/anslag/:id/protokoll.docx', method: RequestMethod.GET },
      { path: 'protokoll/:id/justering', method: RequestMethod.GET },
    ],
  });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  const document = SwaggerModule.createDocument(app, openApiConfig());
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json`, customSiteTitle: 'Nämndrum API' });
  return document;
}

function openApiConfig() {
  return new DocumentBuilder()
    .setTitle('Nämndrum API')
    .setDescription('Sammanträdes- och ärendehantering för kommuner. All resources are under /api/v1; sign in with POST /api/v1/auth/login.')
    .setVersion('1')
    .addBearerAuth()
    .build();
}
