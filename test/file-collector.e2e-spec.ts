import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clock, FileCollector, LocalFileStorage } from '@namndrum/core';
import { createTenant } from './factories/tenant.factory';
import { docxWithText } from './support/files';
import { PrivateDatabase } from './support/private-database';
import { PrivateRedis } from './support/private-redis';
import { createTestApp, TestApp } from './support/test-app';
import { WorkerProcess } from './support/worker-process';

/**
 * The worker's collector of unreferenced files, over a store of its own (the test run's FILES_DIR is
 * shared with specs whose rows live in other databases) and the real database.
 */
describe('collecting unreferenced files', () => {
  let testApp: TestApp;
  let root: string;
  let storage: LocalFileStorage;
  let referencedContent: Buffer;

  const age = (sha256: string, hours: number) => {
    const at = new Date(Date.now() - hours * 3600 * 1000);
    return utimes(join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256), at, at);
  };

  beforeAll(async () => {
    testApp = await createTestApp();
    root = await mkdtemp(join(tmpdir(), 'namndrum-collector-'));
    storage = new LocalFileStorage(root);
    const tenant = await createTenant(testApp, 'Filkommun');
    const organId = await tenant.organ({ name: 'Social- och utbildningsnämnden', shortName: 'SUN', responsibleDepartmentId: tenant.departmentId });
    const admin = (await tenant.user([{ role: 'admin' }])).token;
    const authorized = (method: 'post', path: string) => testApp.http()[method](`/api/v1${path}`).set('Authorization', `Bearer ${admin}`);
    const registryId = (await authorized('post', '/registries').send({ code: 'SUN', name: 'Diariet', organId }).expect(201)).body.id;
    const matterId = (await authorized('post', '/matters').send({ registryId, title: 'Ansökan om bidrag' }).expect(201)).body.id;
    referencedContent = await docxWithText('Ansökan', 'Föreningen ansöker om bidrag.');
    const document = await authorized('post', `/matters/${matterId}/documents`)
      .field('direction', 'incoming')
      .field('documentDate', '2026-01-15')
      .field('counterparty', 'Föreningen')
      .field('description', 'Ansökan om bidrag')
      .attach('file', referencedContent, 'ansokan.docx')
      .expect(201);
    expect(document.body.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  afterAll(async () => {
    await testApp?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('removes an old file no row refers to, and keeps a referenced file and a file written within the grace period', async () => {
    const referenced = await storage.put(referencedContent);
    const orphan = await storage.put(Buffer.from('en kallelse vars transaktion rullades tillbaka'));
    const youngOrphan = await storage.put(Buffer.from('en fil vars transaktion ännu pågår'));
    await age(referenced, 24 * 30);
    await age(orphan, 2);

    const result = await new FileCollector(testApp.dataSource, storage, new Clock()).collect();

    expect(result).toEqual({ examined: 3, removed: [orphan] });
    expect(await storage.exists(orphan)).toBe(false);
    expect(await storage.exists(referenced)).toBe(true);
    expect(await storage.exists(youngOrphan)).toBe(true);
  });

  it('keeps an old orphan once the same content is stored again, as a new reference to it may be on its way', async () => {
    const content = Buffer.from('samma bilaga, renderad på nytt');
    const sha256 = await storage.put(content);
    await age(sha256, 2);
    await storage.put(content);
    expect((await new FileCollector(testApp.dataSource, storage, new Clock()).collect()).removed).toEqual([]);
    expect(await storage.exists(sha256)).toBe(true);
  });

  it('is a job the worker schedules and runs on its own', async () => {
    const database = await new PrivateDatabase().create('collector');
    const redis = await new PrivateRedis().start();
    const workerRoot = await mkdtemp(join(tmpdir(), 'namndrum-collector-worker-'));
    const workerStorage = new LocalFileStorage(workerRoot);
    const orphan = await workerStorage.put(Buffer.from('ett protokoll renderat i en transaktion som rullades tillbaka'));
    const at = new Date(Date.now() - 2 * 3600 * 1000);
    await utimes(join(workerRoot, orphan.slice(0, 2), orphan.slice(2, 4), orphan), at, at);
    const worker = await new WorkerProcess({ DATABASE_URL: database.url, REDIS_URL: redis.url, REDIS_PREFIX: 'collector', FILES_DIR: workerRoot }).start();
    try {
      const deadline = Date.now() + 45_000;
      while ((await workerStorage.exists(orphan)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await workerStorage.exists(orphan)).toBe(false);
    } finally {
      await worker.stop();
      await redis.stop();
      await database.drop();
      await rm(workerRoot, { recursive: true, force: true });
    }
  }, 120_000);
});
