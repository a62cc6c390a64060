import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clock, FileCollector, FileStorage, LocalFileStorage, loadConfig, S3FileStorage } from '@namndrum/core';
import { createTenant } from './factories/tenant.factory';
import { docxWithText } from './support/files';
import { PrivateDatabase } from './support/private-database';
import { PrivateRedis } from './support/private-redis';
import { RunningS3Server, startS3Server } from './support/s3-server';
import { createTestApp, TestApp } from './support/test-app';
import { WorkerProcess } from './support/worker-process';

/** A store of the test's own, what a worker needs to use it, and a way to make its files old. */
interface Store {
  storage: FileStorage;
  workerEnv: Record<string, string>;
  age(sha256: string, hours: number): Promise<void>;
  close(): Promise<void>;
}

const hashPath = (sha256: string) => `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600 * 1000);

async function localFolder(): Promise<Store> {
  const root = await mkdtemp(join(tmpdir(), 'namndrum-collector-'));
  return {
    storage: new LocalFileStorage(root),
    workerEnv: { FILES_DIR: root },
    age: (sha256, hours) => utimes(join(root, hashPath(sha256)), hoursAgo(hours), hoursAgo(hours)),
    close: () => rm(root, { recursive: true, force: true }),
  };
}

async function bucket(): Promise<Store> {
  const s3: RunningS3Server = await startS3Server();
  const settings = { ...s3.settings, S3_PREFIX: 'insamling/' };
  return {
    storage: S3FileStorage.fromConfig(loadConfig(settings)),
    workerEnv: settings,
    age: (sha256, hours) => s3.backdate(`${settings.S3_PREFIX}${hashPath(sha256)}`, hoursAgo(hours)),
    close: () => s3.stop(),
  };
}

/**
 * The worker's collector of unreferenced files, over a store of its own (the test run's FILES_DIR is
 * shared with specs whose rows live in other databases) and the real database: the local folder, and a
 * bucket on an S3-compatible server.
 */
describe.each([
  ['a local folder', localFolder],
  ['an S3 bucket', bucket],
])('collecting unreferenced files in %s', (_name, openStore) => {
  let testApp: TestApp;
  let store: Store;
  let storage: FileStorage;
  let referencedContent: Buffer;

  const age = (sha256: string, hours: number) => store.age(sha256, hours);

  beforeAll(async () => {
    testApp = await createTestApp();
    store = await openStore();
    storage = store.storage;
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
    await store?.close();
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
    const orphan = await storage.put(Buffer.from('ett protokoll renderat i en transaktion som rullades tillbaka'));
    await age(orphan, 2);
    const worker = await new WorkerProcess({ DATABASE_URL: database.url, REDIS_URL: redis.url, REDIS_PREFIX: 'collector', ...store.workerEnv }).start();
    try {
      const deadline = Date.now() + 45_000;
      while ((await storage.exists(orphan)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await storage.exists(orphan)).toBe(false);
    } finally {
      await worker.stop();
      await redis.stop();
      await database.drop();
    }
  }, 120_000);
});
