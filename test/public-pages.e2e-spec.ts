import { randomUUID } from 'node:crypto';
import { FILE_STORAGE, FileStorage } from '@namndrum/core';
import { PublicFilesService } from '@namndrum/publication';
import { readSeed } from '../seeds/src/run-seed';
import { SeedModule } from '../seeds/src/seed.module';
import { SeedService } from '../seeds/src/seed.service';
import { binaryParser } from './support/files';
import { PrivateDatabase } from './support/private-database';
import { PrivateRedis } from './support/private-redis';
import { createTestApp, TestApp } from './support/test-app';

/** Stands in every secret title and decision below: it must never reach a public page or file. */
const MARKER = 'HEMLIGMARKOR-7Q2X';

/**
 * Ludvika from the seed, public: its SUN meeting of 11 January 2023 (notice sent) with one of its matters made secret
 * (the marker in its title), and a kallelse med handlingar whose parts are stored as the worker stores them.
 */
describe('the public pages and files of Ludvika', () => {
  let database: PrivateDatabase;
  let redis: PrivateRedis;
  let testApp: TestApp;
  let municipalityId: string;
  let meetingId: string;
  let secretItemId: string;
  let publicItemId: string;
  const parts: { id: string; masked: boolean; itemId: string | null; title: string; content: Buffer }[] = [];

  beforeAll(async () => {
    // A database of its own: the test makes a seeded Ludvika matter secret, which other files read from the shared one.
    database = await new PrivateDatabase().create('public_pages');
    redis = await new PrivateRedis().start();
    process.env.DATABASE_URL = database.url;
    process.env.REDIS_URL = redis.url;
    testApp = await createTestApp([SeedModule]);
    await testApp.app.get(SeedService).load(readSeed('ludvika.json'), 'namndrum');
    const [meeting]: { id: string; municipality_id: string }[] = await testApp.dataSource.query(
      `SELECT m.id, m.municipality_id FROM meetings m JOIN organs o ON o.id = m.organ_id WHERE o.short_name = 'SUN' AND m.starts_at::date = '2023-01-11'`,
    );
    meetingId = meeting.id;
    municipalityId = meeting.municipality_id;
    const items: { id: string; matter_id: string }[] = await testApp.dataSource.query(
      `SELECT id, matter_id FROM agenda_items WHERE meeting_id = $1 AND matter_id IS NOT NULL ORDER BY position`,
      [meetingId],
    );
    [publicItemId, secretItemId] = [items[0].id, items[1].id];
    await testApp.dataSource.query(`UPDATE matters SET secret = true, secrecy_provision = '26 kap. 1 § OSL', title = $2, public_title = NULL WHERE id = $1`, [items[1].matter_id, `Placering ${MARKER}`]);
    await testApp.dataSource.query(`UPDATE agenda_items SET title = $2 WHERE id = $1`, [secretItemId, `Placering ${MARKER}`]);
    // The notice's bundle as the worker stores it: the full one, and the masked one the public gets.
    const [notice]: { id: string }[] = await testApp.dataSource.query(`SELECT id FROM meeting_notices WHERE meeting_id = $1 AND status = 'dispatched'`, [meetingId]);
    const storage = testApp.app.get<FileStorage>(FILE_STORAGE);
    let position = 0;
    const store = async (masked: boolean, itemId: string | null, title: string) => {
      const content = Buffer.from(`%PDF-1.7\n% ${masked ? 'maskerad' : 'full'} ${title} ${randomUUID()}\n%%EOF\n`);
      const sha256 = await storage.put(content);
      const [row]: { id: string }[] = await testApp.dataSource.query(
        `INSERT INTO notice_bundle_parts (municipality_id, notice_id, masked, position, item_id, item_number, title, pdf_sha256, first_page, page_count)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, 1) RETURNING id`,
        [municipalityId, notice.id, masked, position++, itemId, itemId ? (itemId === publicItemId ? 3 : 4) : null, title, sha256],
      );
      parts.push({ id: row.id, masked, itemId, title, content });
    };
    for (const masked of [false, true]) {
      await store(masked, null, 'Kallelse');
      await store(masked, publicItemId, 'Tjänsteskrivelse');
      await store(masked, secretItemId, masked ? 'Handlingarna i ärendet omfattas av sekretess' : `Tjänsteskrivelse ${MARKER}`);
    }
    const bundle = await storage.put(Buffer.from('%PDF-1.7\n% maskerad helhet\n%%EOF\n'));
    await testApp.dataSource.query(`UPDATE meeting_notices SET bundle_status = 'ready', masked_bundle_sha256 = $2 WHERE id = $1`, [notice.id, bundle]);
  }, 180_000);

  afterAll(async () => {
    await testApp?.close();
    await redis?.stop();
    await database?.drop();
  });

  describe('public files', () => {
    it("are the masked bundle's kallelse and the documents of public matters, never a secret matter's", async () => {
      const files = await testApp.app.get(PublicFilesService).forMeeting(municipalityId, meetingId);
      const expected = parts.filter((part) => part.masked && part.itemId !== secretItemId);
      expect(files.map((file) => file.id)).toEqual(expected.map((part) => part.id));
      expect(files.map((file) => file.title)).toEqual(['Kallelse', 'Ärende 3: Tjänsteskrivelse']);
      expect(files[1]).toMatchObject({ meetingId, agendaItemId: publicItemId, mediaType: 'application/pdf', sizeBytes: expected[1].content.length, path: `/sammantraden/${meetingId}/handlingar/${expected[1].id}` });
      const all = await testApp.app.get(PublicFilesService).listForMunicipality(municipalityId);
      expect(all.map((file) => file.id).sort()).toEqual(expected.map((part) => part.id).sort());
      expect(await testApp.app.get(PublicFilesService).listForMunicipality(municipalityId, { modifiedSince: new Date(Date.now() + 60_000) })).toEqual([]);
      for (const part of parts.filter((candidate) => !expected.includes(candidate))) expect(await testApp.app.get(PublicFilesService).find(part.id)).toBeNull();
    });

    it('are downloaded at their address with ETag and a file name; anything else is 404', async () => {
      const part = parts.find((candidate) => candidate.masked && candidate.itemId === publicItemId)!;
      const response = await testApp.http().get(`/sammantraden/${meetingId}/handlingar/${part.id}`).buffer(true).parse(binaryParser).expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toContain('3 Tj');
      expect((response.body as Buffer).equals(part.content)).toBe(true);
      await testApp.http().get(`/sammantraden/${meetingId}/handlingar/${part.id}`).set('If-None-Match', response.headers.etag).expect(304);
      for (const hidden of parts.filter((candidate) => !candidate.masked || candidate.itemId === secretItemId)) {
        await testApp.http().get(`/sammantraden/${meetingId}/handlingar/${hidden.id}`).expect(404);
      }
      await testApp.http().get(`/sammantraden/${randomUUID()}/handlingar/${part.id}`).expect(404);
    });

    it('are not public while the organ does not publish its notices', async () => {
      await testApp.dataSource.query(`UPDATE organs SET rules_publish_notices = false WHERE id = (SELECT organ_id FROM meetings WHERE id = $1)`, [meetingId]);
      try {
        expect(await testApp.app.get(PublicFilesService).forMeeting(municipalityId, meetingId)).toEqual([]);
      } finally {
        await testApp.dataSource.query(`UPDATE organs SET rules_publish_notices = true WHERE id = (SELECT organ_id FROM meetings WHERE id = $1)`, [meetingId]);
      }
    });
  });

  describe('public pages', () => {
    let organs: { id: string; short_name: string }[];
    let secretMatterId: string;
    let publicMatterId: string;
    const pages = () => {
      const organ = (short: string) => organs.find((row) => row.short_name === short)!.id;
      return [
        '/kommun/2085',
        `/kommun/2085/organ/${organ('SUN')}`,
        `/kommun/2085/organ/${organ('KF')}`,
        '/kommun/2085/sammantraden?ar=2023',
        '/kommun/2085/sammantraden',
        `/sammantraden/${meetingId}`,
        `/kommun/2085/arenden/${publicMatterId}`,
        `/kommun/2085/arenden/${secretMatterId}`,
        '/kommun/2085/sok?q=placering',
        '/kommun/2085/sok',
        '/kommun/2085/tillganglighet',
        '/anslagstavla/2085',
        '/anslagstavla/2085/arkiv',
      ];
    };

    beforeAll(async () => {
      organs = await testApp.dataSource.query(`SELECT id, short_name FROM organs WHERE municipality_id = $1`, [municipalityId]);
      const matters: { matter_id: string; id: string }[] = await testApp.dataSource.query(`SELECT id, matter_id FROM agenda_items WHERE id = ANY($1)`, [[publicItemId, secretItemId]]);
      publicMatterId = matters.find((row) => row.id === publicItemId)!.matter_id;
      secretMatterId = matters.find((row) => row.id === secretItemId)!.matter_id;
    });

    it('are HTML in Swedish under the layout, and never show the secret matter', async () => {
      for (const path of pages()) {
        const response = await testApp.http().get(path);
        expect({ path, status: response.status }).toEqual({ path, status: 200 });
        expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(response.text).toContain('<html lang="sv">');
        expect(response.text).toContain('<main id="innehall"');
        expect(response.text.match(/<h1[ >]/g)).toHaveLength(1);
        expect({ path, leaks: response.text.includes(MARKER) }).toEqual({ path, leaks: false });
        expect(response.text).not.toMatch(/<script/i);
      }
    });

    it('lists the organs, the members with name, party and role only, and the meeting with its handlingar', async () => {
      const start = (await testApp.http().get('/kommun/2085').expect(200)).text;
      expect(start).toContain('Social- och utbildningsnämnden');
      expect(start).not.toContain('Ordförandeberedningen');
      const sun = organs.find((row) => row.short_name === 'SUN')!.id;
      const organ = (await testApp.http().get(`/kommun/2085/organ/${sun}`).expect(200)).text;
      expect(organ).toContain('<th scope="col">Parti</th>');
      expect(organ).toContain('Ordförande');
      expect(organ).not.toMatch(/@ludvika\.example/);
      const meeting = (await testApp.http().get(`/sammantraden/${meetingId}`).expect(200)).text;
      expect(meeting).toContain('<h1>Social- och utbildningsnämnden</h1>');
      expect(meeting).toContain('Sekretessärende');
      const file = parts.find((part) => part.masked && part.itemId === publicItemId)!;
      expect(meeting).toContain(`href="/sammantraden/${meetingId}/handlingar/${file.id}"`);
      expect(meeting).toContain(`href="/kommun/2085/arenden/${publicMatterId}"`);
    });

    it('shows the Finnish organ page only for an organ with Finnish', async () => {
      const finnish = organs.find((row) => row.short_name !== 'SUN' && row.short_name.length > 0)!;
      const [rad]: { id: string }[] = await testApp.dataSource.query(`SELECT id FROM organs WHERE municipality_id = $1 AND 'fi' = ANY(rules_languages)`, [municipalityId]);
      expect(finnish).toBeDefined();
      const page = (await testApp.http().get(`/kommun/2085/organ/${rad.id}/fi`).expect(200)).text;
      expect(page).toContain('<html lang="fi">');
      expect(page).toContain('Jäsenet');
      expect((await testApp.http().get(`/kommun/2085/organ/${rad.id}`).expect(200)).text).toContain(`href="/kommun/2085/organ/${rad.id}/fi"`);
      const sun = organs.find((row) => row.short_name === 'SUN')!.id;
      const notFound = await testApp.http().get(`/kommun/2085/organ/${sun}/fi`).expect(404);
      expect(notFound.headers['content-type']).toBe('text/html; charset=utf-8');
    });

    it('answers 404 as an HTML page in Swedish: unknown places, a beredning, a meeting whose notice is not out', async () => {
      const [beredning]: { id: string }[] = await testApp.dataSource.query(`SELECT id FROM organs WHERE municipality_id = $1 AND kind = 'drafting_group' LIMIT 1`, [municipalityId]);
      const [upcoming]: { id: string }[] = await testApp.dataSource.query(`SELECT id FROM meetings WHERE municipality_id = $1 AND status NOT IN ('notice_sent', 'held', 'minutes_verified', 'cancelled') LIMIT 1`, [municipalityId]);
      for (const path of ['/kommun/9999', '/kommun/2085/organ/inte-ett-id', `/kommun/2085/organ/${beredning.id}`, `/sammantraden/${upcoming.id}`, `/sammantraden/${randomUUID()}`, '/anslagstavla/2085/finns-inte', `/kommun/2085/arenden/${randomUUID()}`]) {
        const response = await testApp.http().get(path);
        expect({ path, status: response.status, type: response.headers['content-type'] }).toEqual({ path, status: 404, type: 'text/html; charset=utf-8' });
        expect(response.text).toContain('<h1>Sidan finns inte</h1>');
      }
      // The API and OParl keep answering JSON.
      expect((await testApp.http().get('/api/v1/finns-inte').expect(404)).headers['content-type']).toContain('application/json');
      expect((await testApp.http().get('/oparl/v1/finns-inte-heller').expect(404)).headers['content-type']).toContain('application/json');
    });

    it('answers 304 to a matching ETag, with Last-Modified', async () => {
      const first = await testApp.http().get('/kommun/2085/tillganglighet').expect(200);
      expect(first.headers['last-modified']).toBeDefined();
      expect(first.headers['cache-control']).toBe('public, no-cache');
      await testApp.http().get('/kommun/2085/tillganglighet').set('If-None-Match', first.headers.etag).expect(304);
      const meeting = await testApp.http().get(`/sammantraden/${meetingId}`).expect(200);
      await testApp.http().get(`/sammantraden/${meetingId}`).set('If-None-Match', meeting.headers.etag).expect(304);
    });

    it('keeps the taken-down postings in the archive, newest first, and the current ones on the board', async () => {
      const [sun]: { id: string }[] = await testApp.dataSource.query(`SELECT organ_id AS id FROM meetings WHERE id = $1`, [meetingId]);
      await testApp.dataSource.query(
        `INSERT INTO postings (municipality_id, kind, meeting_id, organ_id, document_type, organ_name, meeting_date, posted_on, taken_down_on, storage_place, announcement, status)
         VALUES ($1, 'meeting_notice', $2, $3, 'Kungörelse', 'Social- och utbildningsnämnden', '2023-01-11', '2023-01-04', '2023-01-11', 'Kommunledningskontoret', $4, 'down')`,
        [municipalityId, meetingId, sun.id, JSON.stringify({ startsAt: '2023-01-11T13:00:00Z', endsAt: '2023-01-11T16:00:00Z', place: 'Sessionssalen', items: [{ number: 4, title: `Placering ${MARKER}`.replace(MARKER, ''), caseNumber: null }], cancelled: false })],
      );
      const archive = await testApp.http().get('/anslagstavla/2085/arkiv').expect(200);
      expect(archive.text).toContain('Kungörelse – Social- och utbildningsnämnden sammanträder 11 januari 2023');
      expect(archive.text).toContain('4 januari 2023');
      expect(archive.text.match(/<h1[ >]/g)).toHaveLength(1);
      const board = (await testApp.http().get('/anslagstavla/2085').expect(200)).text;
      expect(board).not.toContain('sammanträder 11 januari 2023');
      expect(board).toContain('href="/anslagstavla/2085/arkiv"');
    });

    it('says in the accessibility statement whose it is, how to report and where to complain', async () => {
      const page = (await testApp.http().get('/kommun/2085/tillganglighet').expect(200)).text;
      expect(page).toContain('Ludvika kommun');
      expect(page).toContain('lagen (2018:1937)');
      expect(page).toContain('WCAG 2.1 nivå AA');
      expect(page).toContain('https://www.digg.se/tdosanmalan');
    });

    it('shows the search form, and the matter page of a secret matter only by case number and masked title', async () => {
      const form = (await testApp.http().get('/kommun/2085/sok').expect(200)).text;
      expect(form).toContain('<label for="q">Sökord</label>');
      expect(form).not.toContain('<h2>Resultat</h2>');
      const secret = (await testApp.http().get(`/kommun/2085/arenden/${secretMatterId}`).expect(200)).text;
      expect(secret).toContain('<h1>Sekretessärende</h1>');
    });
  });
});
