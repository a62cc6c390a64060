import { FILE_STORAGE, FileStorage, sha256Hex } from '@namndrum/core';
import { createTenant } from './factories/tenant.factory';
import { docxWithText } from './support/files';
import { createTestApp, TestApp } from './support/test-app';
import { docxZipBomb } from './support/zip-archives';

const MB = 1024 * 1024;

describe('upload bounds: archives that unpack too far', () => {
  let testApp: TestApp;
  let secretary: string;
  let matterId: string;
  let bomb: Buffer;

  const upload = (file: Buffer, fileName: string) =>
    testApp
      .http()
      .post(`/api/v1/matters/${matterId}/documents`)
      .set('Authorization', `Bearer ${secretary}`)
      .field('direction', 'incoming')
      .field('documentDate', '2026-01-15')
      .field('counterparty', 'Okänd avsändare')
      .field('description', 'Bilaga till ansökan')
      .attach('file', file, fileName);

  const documentRows = async (): Promise<{ sha256: string; extracted_text: string | null }[]> =>
    testApp.dataSource.query('SELECT sha256, extracted_text FROM documents WHERE matter_id = $1', [matterId]);

  /** Runs the work while health is asked again and again; each answer's time, and how far the process grew meanwhile. */
  const whileHealthIsPolled = async <T>(work: () => Promise<T>): Promise<{ result: T; healthMs: number[]; rssGrowth: number }> => {
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 10);
    const healthMs: number[] = [];
    let working = true;
    const polling = (async () => {
      do {
        const started = performance.now();
        await testApp.http().get('/api/health').expect(200);
        healthMs.push(performance.now() - started);
      } while (working);
    })();
    try {
      const result = await work();
      return { result, healthMs, rssGrowth: rssPeak - rssBefore };
    } finally {
      working = false;
      await polling;
      clearInterval(sampler);
    }
  };

  beforeAll(async () => {
    testApp = await createTestApp();
    const tenant = await createTenant(testApp, 'Uppladdningskommun');
    const organId = await tenant.organ({ name: 'Social- och utbildningsnämnden', shortName: 'SUN' });
    secretary = (await tenant.user([{ role: 'secretary', organId }])).token;
    const auth = { Authorization: `Bearer ${secretary}` };
    const admin = (await tenant.user([{ role: 'admin' }])).token;
    const registry = await testApp.http().post('/api/v1/registries').set('Authorization', `Bearer ${admin}`).send({ code: 'SUN', name: 'Diariet', organId }).expect(201);
    matterId = (await testApp.http().post('/api/v1/matters').set(auth).send({ registryId: registry.body.id, title: 'Ansökan om bidrag' }).expect(201)).body.id;
    bomb = await docxZipBomb(400 * MB);
  });

  afterAll(() => testApp.close());

  it('refuses a 400 kB DOCX that unpacks to 400 MB, in Swedish and naming the field, and stores nothing', async () => {
    expect(bomb.length).toBeLessThan(MB);
    const response = await upload(bomb, 'bilaga.docx').expect(413);
    expect(response.body).toMatchObject({
      statusCode: 413,
      error: 'FILE_ARCHIVE_TOO_LARGE',
      message: 'Filen packas upp till mer än 200 MB och kan inte tas emot',
      details: [{ field: 'file' }],
    });
    expect(await documentRows()).toEqual([]);
    expect(await testApp.app.get<FileStorage>(FILE_STORAGE).exists(sha256Hex(bomb))).toBe(false);
  });

  it('keeps answering health within a second while ten bombs arrive at once, without growing by hundreds of megabytes', async () => {
    const { result: answers, healthMs, rssGrowth } = await whileHealthIsPolled(() => Promise.all(Array.from({ length: 10 }, (_, index) => upload(bomb, `bilaga-${index}.docx`))));

    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(413));
    expect(Math.max(...healthMs)).toBeLessThan(1000);
    expect(rssGrowth).toBeLessThan(300 * MB);
    expect(await documentRows()).toEqual([]);
  });

  it('stores a DOCX that declares less than it unpacks to, without text, and keeps reading the next one', async () => {
    const liar = await docxZipBomb(400 * MB, { declaredUncompressedBytes: 1000 });
    const { result: answer, healthMs, rssGrowth } = await whileHealthIsPolled(() => upload(liar, 'ljuger.docx'));
    expect(answer.status).toBe(201);
    expect(Math.max(...healthMs)).toBeLessThan(1000);
    expect(rssGrowth).toBeLessThan(300 * MB);
    await upload(await docxWithText('Yttrande', 'Nämnden tillstyrker ansökan.'), 'yttrande.docx').expect(201);

    const rows = await documentRows();
    expect(rows.find((row) => row.sha256 === sha256Hex(liar))?.extracted_text).toBeNull();
    expect(rows.map((row) => row.extracted_text)).toContainEqual(expect.stringContaining('Nämnden tillstyrker ansökan.'));
  });
});
