import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PATH_METADATA } from '@nestjs/common/constants';
import { DataSource } from 'typeorm';
import { dataSourceOptions, PERMISSION_KEY, PUBLIC_KEY } from '@namndrum/core';
import { ALL_ENTITIES } from '../apps/api/src/data-source';
import { adminClient, withDatabase } from './setup/services';
import { createTestApp, TestApp } from './support/test-app';

describe('wiring checked against the running application', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp([DiscoveryModule]);
  });

  afterAll(() => testApp.close());

  it('has every route declare a permission or be marked public (default deny)', () => {
    const discovery = testApp.app.get(DiscoveryService);
    const reflector = testApp.app.get(Reflector);
    const scanner = new MetadataScanner();
    const undeclared: string[] = [];
    for (const wrapper of discovery.getControllers()) {
      const prototype = Object.getPrototypeOf(wrapper.instance);
      for (const method of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[method];
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const targets = [handler, wrapper.metatype as object];
        const declared = reflector.getAllAndOverride(PERMISSION_KEY, targets) ?? reflector.getAllAndOverride(PUBLIC_KEY, targets);
        if (!declared) undeclared.push(`${wrapper.name}.${method}`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('has committed migrations that match the entities exactly', async () => {
    const sql = await testApp.dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('reports PostgreSQL and Redis as up on /api/health without signing in', async () => {
    const response = await testApp.http().get('/api/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('serves the OpenAPI document and Swagger UI, with security headers and a request id', async () => {
    const json = await testApp.http().get('/api/docs-json').expect(200);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/v1/organs', '/api/v1/organs/{id}/composition', '/api/v1/persons/{id}/seats', '/api/v1/auth/login']));
    const ui = await testApp.http().get('/api/docs').expect(200);
    expect(ui.headers['x-content-type-options']).toBe('nosniff');
    const generated = await testApp.http().get('/api/health').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await testApp.http().get('/api/health').set('x-request-id', 'trace-123').expect(200);
    expect(echoed.headers['x-request-id']).toBe('trace-123');
  });

  it('migrates down and up again cleanly on an empty database', async () => {
    const baseUrl = process.env.NAMNDRUM_TEST_BASE_DATABASE_URL!;
    const database = `${new URL(process.env.DATABASE_URL!).pathname.slice(1)}_updown`;
    const admin = await adminClient(baseUrl);
    await admin.query(`CREATE DATABASE "${database}"`);
    const dataSource = new DataSource(dataSourceOptions(withDatabase(baseUrl, database), ALL_ENTITIES));
    try {
      await dataSource.initialize();
      const applied = await dataSource.runMigrations();
      for (let i = 0; i < applied.length; i += 1) await dataSource.undoLastMigration();
      const [{ tables }] = await dataSource.query(`SELECT count(*)::int AS tables FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`);
      expect(tables).toBe(0);
      await dataSource.runMigrations();
      expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await dataSource.destroy();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
