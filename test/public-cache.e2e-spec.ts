import { Controller, Get, Module, Param, UseInterceptors, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '@namndrum/core';
import { PublicationChanges, PublicResource, PublicResourceInterceptor } from '@namndrum/publication';
import { PRIVATE_TABLES } from '../libs/core/src/database/migrations/1795470900000-PublicationChanges';
import { SIGN_IN_TABLES } from '../libs/core/src/database/migrations/1795471600000-IdentityProviders';
import { createTenant } from './factories/tenant.factory';
import { createTestApp, TestApp } from './support/test-app';

/** A public page as small as can be: the municipality's name, counting how often it was rendered. */
@ApiExcludeController()
@Controller({ path: 'handlingar/cache-probe', version: VERSION_NEUTRAL })
class ProbeController {
  static renders = 0;
  static beforeAnswer: (() => Promise<void>) | null = null;

  constructor(private readonly dataSource: DataSource) {}

  @Get(':code')
  @Public()
  @UseInterceptors(PublicResourceInterceptor)
  async page(@Param('code') code: string): Promise<PublicResource> {
    ProbeController.renders += 1;
    const [row]: { name: string; updated_at: Date }[] = await this.dataSource.query(`SELECT name, updated_at FROM municipalities WHERE code = $1`, [code]);
    await ProbeController.beforeAnswer?.();
    return { contentType: 'text/html; charset=utf-8', body: `<p>${row.name}</p>`, lastModified: row.updated_at };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('the cache of public answers', () => {
  let testApp: TestApp;
  let code: string;

  const rename = (name: string) => testApp.dataSource.query(`UPDATE municipalities SET name = $1, updated_at = now() WHERE code = $2`, [name, code]);
  const page = () => testApp.http().get(`/handlingar/cache-probe/${code}`).expect(200);

  beforeAll(async () => {
    testApp = await createTestApp([ProbeModule]);
    const tenant = await createTenant(testApp);
    [{ code }] = await testApp.dataSource.query(`SELECT code FROM municipalities WHERE id = $1`, [tenant.municipalityId]);
  });

  afterAll(() => testApp.close());

  beforeEach(async () => {
    await rename('Lilla kommun');
    ProbeController.renders = 0;
    ProbeController.beforeAnswer = null;
  });

  it('has the change trigger on every table but the private ones, so a table added later cannot be forgotten', async () => {
    const missing: { tablename: string }[] = await testApp.dataSource.query(
      `SELECT t.tablename FROM pg_tables t
        WHERE t.schemaname = current_schema() AND NOT (t.tablename = ANY($1))
          AND NOT EXISTS (SELECT 1 FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid WHERE c.relname = t.tablename AND g.tgname = 'publication_changed')`,
      [[...PRIVATE_TABLES, ...SIGN_IN_TABLES]],
    );
    expect(missing).toEqual([]);
  });

  it('renders a page once while nothing changes, and answers a client that has it with 304', async () => {
    const first = await page();
    const second = await page();

    expect(second.text).toBe(first.text);
    expect(ProbeController.renders).toBe(1);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    expect(first.headers['last-modified']).toBeDefined();
    await testApp.http().get(`/handlingar/cache-probe/${code}`).set('If-None-Match', first.headers.etag).expect(304);
    expect(ProbeController.renders).toBe(1);
  });

  it('answers a request that comes after a write with what was written, before the commit notification arrives', async () => {
    const before = await page();
    // The notification of a write in another process may come after the next request.
    const notified = jest.spyOn(testApp.app.get(PublicationChanges) as unknown as { changed: () => void }, 'changed').mockImplementation(() => undefined);

    try {
      await rename('Stora kommun');

      const after = await page();
      expect(after.text).toBe('<p>Stora kommun</p>');
      expect(after.headers.etag).not.toBe(before.headers.etag);
      await testApp.http().get(`/handlingar/cache-probe/${code}`).set('If-None-Match', before.headers.etag).expect(200);
    } finally {
      notified.mockRestore();
    }
  });

  it('does not keep a page read while a write was still uncommitted once that write commits', async () => {
    const writer = testApp.dataSource.createQueryRunner();
    await writer.connect();
    try {
      await writer.startTransaction();
      await writer.query(`UPDATE municipalities SET name = 'Okommitterad kommun' WHERE code = $1`, [code]);
      // Read after the write's statement, before its commit: the old name.
      expect((await page()).text).toBe('<p>Lilla kommun</p>');
      const changes = testApp.app.get(PublicationChanges);
      const epoch = changes.epoch;
      await writer.commitTransaction();
      for (const deadline = Date.now() + 5000; changes.epoch === epoch && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      await writer.release();
    }

    expect((await page()).text).toBe('<p>Okommitterad kommun</p>');
  });

  it('does not keep a page rendered from before a commit that it noticed only while rendering', async () => {
    const changes = testApp.app.get(PublicationChanges);
    const writer = testApp.dataSource.createQueryRunner();
    await writer.connect();
    try {
      await writer.startTransaction();
      await writer.query(`UPDATE municipalities SET name = 'Under tiden' WHERE code = $1`, [code]);
      ProbeController.beforeAnswer = async () => {
        ProbeController.beforeAnswer = null;
        const epoch = changes.epoch;
        await writer.commitTransaction();
        for (const deadline = Date.now() + 5000; changes.epoch === epoch && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 10));
      };

      expect((await page()).text).toBe('<p>Lilla kommun</p>');
    } finally {
      await writer.release();
    }

    expect((await page()).text).toBe('<p>Under tiden</p>');
    expect(ProbeController.renders).toBe(2);
  });
});
