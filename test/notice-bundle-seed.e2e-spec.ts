import * as mammoth from 'mammoth';
import { SeedService } from '../seeds/src/seed.service';
import { readSeed } from '../seeds/src/run-seed';
import { SeedModule } from '../seeds/src/seed.module';
import { binaryParser } from './support/files';
import { poppler, readOutline, squash } from './support/pdf-reading';
import { expectAgendaPages, renderNoticeBundle } from './support/notice-bundles';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Ludvika's SUN meeting of 11 January 2023, whose original kallelse med handlingar is 76 pages: rendered by the real
 * LibreOffice, every document of every item is in the PDF, the three goal reports of item 7 included, and the agenda
 * on page 1 prints the pages where pdftotext finds each item's documents.
 */
describe('the seed meeting as one PDF', () => {
  let testApp: TestApp;
  let token: string;
  let meetingId: string;
  let noticeId: string;
  let pdf: Buffer;

  const get = (path: string) => testApp.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`);
  const download = async (path: string) => (await get(path).buffer(true).parse(binaryParser).expect(200)).body as Buffer;

  beforeAll(async () => {
    testApp = await createTestApp([SeedModule]);
    await testApp.app.get(SeedService).load(readSeed('ludvika.json'), 'namndrum');
    token = (await testApp.http().post('/api/v1/auth/login').send({ email: 'rita.osterholm@ludvika.example', password: 'namndrum' }).expect(200)).body.accessToken;
    const [row]: { meeting_id: string; id: string }[] = await testApp.dataSource.query(
      `SELECT n.meeting_id, n.id FROM meeting_notices n JOIN meetings m ON m.id = n.meeting_id WHERE m.starts_at::date = '2023-01-11' AND n.version = 1`,
    );
    meetingId = row.meeting_id;
    noticeId = row.id;
    await renderNoticeBundle(testApp, noticeId);
    pdf = await download(`/meetings/${meetingId}/handlingar.pdf`);
  }, 300_000);

  afterAll(() => testApp.close());

  it('has a bookmark per item and per document, each opening the page where it starts', async () => {
    const items: { position: number; title: string }[] = (await get(`/meetings/${meetingId}/agenda-items`).expect(200)).body;
    const parts: { itemNumber: number | null; title: string; firstPage: number }[] = (await get(`/meeting-notices/${noticeId}/parts`).expect(200)).body.items;
    const outline = await readOutline(pdf);
    expect(outline.map((entry) => entry.title)).toEqual(['Kallelse', ...items.map((item) => `${item.position}. ${item.title}`)]);
    for (const item of items) {
      const entry = outline.find((candidate) => candidate.title === `${item.position}. ${item.title}`)!;
      const own = parts.filter((part) => part.itemNumber === item.position);
      expect(entry.children.map((child) => [child.title, child.page])).toEqual(own.map((part) => [part.title, part.firstPage]));
    }
    const seven = outline.find((entry) => entry.title.startsWith('7. '))!;
    expect(seven.children.map((child) => child.title)).toEqual(['Tjänsteskrivelse', expect.stringMatching(/^Bilaga 1: /), expect.stringMatching(/^Bilaga 2: /), expect.stringMatching(/^Bilaga 3: /)]);
  });

  it('contains every tjänsteskrivelse and the text of the three goal reports of item 7', async () => {
    const text = squash(await poppler('pdftotext', pdf));
    const parts: { itemNumber: number | null; title: string; documentId: string | null }[] = (await get(`/meeting-notices/${noticeId}/parts`).expect(200)).body.items;
    const reports = parts.filter((part) => part.title === 'Tjänsteskrivelse');
    expect(reports.length).toBeGreaterThanOrEqual(4);
    expect(text.match(/Förvaltningens förslag till beslut/g)?.length).toBeGreaterThanOrEqual(reports.length);
    const goalReports = parts.filter((part) => part.itemNumber === 7 && part.documentId !== null);
    expect(goalReports).toHaveLength(3);
    for (const report of goalReports) {
      const original = (await mammoth.extractRawText({ buffer: await download(`/documents/${report.documentId}/content`) })).value;
      const lines = original.split('\n').map(squash).filter((line) => line.length > 25 && !/\d{4}–\d{4}/.test(line)).slice(0, 5);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(text).toContain(line);
    }
  });

  it("prints on page 1 the real page range of each item, where pdftotext finds the item's documents", async () => {
    const parts: { itemNumber: number | null; firstPage: number; pageCount: number }[] = (await get(`/meeting-notices/${noticeId}/parts`).expect(200)).body.items;
    const items: { position: number; title: string }[] = (await get(`/meetings/${meetingId}/agenda-items`).expect(200)).body;
    await expectAgendaPages(pdf, await download(`/meeting-notices/${noticeId}/docx`), items, parts);
  });
});
