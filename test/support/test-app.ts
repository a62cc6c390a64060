import { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock } from '@namndrum/core';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { formatViolations, OpenApiResponseValidator, ResponseViolation, responseValidationMiddleware } from './openapi-validator';

export interface TestApp {
  app: INestApplication;
  dataSource: DataSource;
  http: () => ReturnType<typeof request>;
  /** Closes the app, then fails (the test file's afterAll) if any response broke the committed OpenAPI document. */
  close: () => Promise<void>;
}

let responseValidator: OpenApiResponseValidator | undefined;

/** The real application (every module, real PostgreSQL and Redis), served in-process for supertest. */
export async function createTestApp(extraModules: Type[] = [], options: { clock?: Clock } = {}): Promise<TestApp> {
  const builder = Test.createTestingModule({ imports: [AppModule, ...extraModules] });
  if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  const violations: ResponseViolation[] = [];
  responseValidator ??= OpenApiResponseValidator.fromCommittedDocument();
  app.use(responseValidationMiddleware(responseValidator, violations));
  configureApp(app);
  await app.init();
  return {
    app,
    dataSource: app.get(DataSource),
    http: () => request(app.getHttpServer()),
    close: async () => {
      await app.close();
      if (violations.length > 0) throw new Error(formatViolations(violations));
    },
  };
}
