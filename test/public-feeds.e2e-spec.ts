import { randomBytes } from 'node:crypto';
import { AppConfig, RequestContext } from '@namndrum/core';
import { NoticeService } from '@namndrum/meetings';
import { PostingService } from '@namndrum/minutes';
import { parseFeed } from '@rowanmanning/feed-parser';
import ICAL from 'ical.js';
import { readSeed } from '../seeds/src/run-seed';
import { SeedModule } from '../seeds/src/seed.module';
import { SeedService } from '../seeds/src/seed.service';
import { Api, apiAs, TestClock } from './support/meeting-fixture';
import { PrivateDatabase } from './support/private-database';
import { PrivateRedis } from './support/private-redis';
import { createTestApp, TestApp } from './support/test-app';

const SECRET_MARK = `hemligflodesmarkor${randomBytes(5).toString('hex')}`;
const CODE = '2085';

/**
 * Ludvika's feeds, from the seed: SUN's meeting of 11 January 2023 (notice sent, one matter on it secret) is held,
 * its protokoll verified and posted; a second meeting is noticed and then cancelled, a third cancelled before its
 * notice went out. The notice board and SUN as Atom and RSS through a feed parser, SUN's calendar through ical.js.
 */
describe('public feeds: the notice board and an organ as Atom and RSS, the organ as iCalendar', () => {
  const clock = new TestClock();
  let database: PrivateDatabase;
  let redis: PrivateRedis;
  let testApp: TestApp;
  let secretary: Api;
  let baseUrl: string;
  let sunId: string;
  let meetingId: string;
  let postingId: string;
  let cancelledId: string;
  let cancelledUnsentId: string;

  const login = async (email: string) => apiAs(testApp, (await testApp.http().post('/api/v1/auth/login').send({ email, password: 'namndrum' }).expect(200)).body.accessToken);
  const get = (path: string) => testApp.http().get(path).buffer(true).parse((response, done) => {
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => (text += chunk));
    response.on('end', () => done(null, text));
  });
  const text = async (path: string, type: string) => {
    const response = await get(path).expect(200);
    expect(response.headers['content-type']).toBe(type);
    return response.body as string;
  };
  /** A link in a feed is a whole URL under PUBLIC_BASE_URL, and it answers. */
  const follow = async (url: string) => {
    expect(url.startsWith(`${baseUrl}/`)).toBe(true);
    const path = url.slice(baseUrl.length).replace(/#.*$/, '');
    await testApp.http().get(path).expect(200);
  };

  beforeAll(async () => {
    database = await new PrivateDatabase().create('public_feeds');
    redis = await new PrivateRedis().start();
    process.env.DATABASE_URL = database.url;
    process.env.REDIS_URL = redis.url;
    clock.current = new Date('2023-01-09T10:00:00Z');
    testApp = await createTestApp([SeedModule], { clock });
    await testApp.app.get(SeedService).load(readSeed('ludvika.json'), 'namndrum');
    baseUrl = testApp.app.get(AppConfig).PUBLIC_BASE_URL.replace(/\/+$/, '');
    secretary = await login('rita.osterholm@ludvika.example');
    const [meeting]: { id: string; organ_id: string; municipality_id: string }[] = await testApp.dataSource.query(
      `SELECT m.id, m.organ_id, m.municipality_id FROM meetings m JOIN organs o ON o.id = m.organ_id WHERE o.short_name = 'SUN' AND m.starts_at::date = '2023-01-11'`,
    );
    meetingId = meeting.id;
    sunId = meeting.organ_id;
    // One matter on the agenda becomes secret, its title carrying the marker.
    const [item]: { matter_id: string }[] = await testApp.dataSource.query(`SELECT matter_id FROM agenda_items WHERE meeting_id = $1 AND matter_id IS NOT NULL ORDER BY position DESC LIMIT 1`, [meetingId]);
    await testApp.dataSource.query(`UPDATE matters SET secret = true, secrecy_provision = 'OSL 26 kap. 1 §', title = title || ' ' || $2 WHERE id = $1`, [item.matter_id, SECRET_MARK]);
    await testApp.dataSource.query(`UPDATE agenda_items SET title = title || ' ' || $2 WHERE matter_id = $1`, [item.matter_id, SECRET_MARK]);

    // Held, minutes verified by the chair and the verifier, posted.
    const people = new Map<string, string>((await testApp.dataSource.query(`SELECT id, first_name || ' ' || last_name AS name FROM persons`)).map((row: { id: string; name: string }) => [row.name, row.id]));
    clock.current = new Date('2023-01-11T16:40:00Z');
    await secretary.post(`/meetings/${meetingId}/held`).expect(200);
    const minutes = (await secretary.post(`/meetings/${meetingId}/minutes`).expect(201)).body as { id: string; paragraphs: { id: string; number: number }[] };
    await secretary.patch(`/minutes/${minutes.id}`, { verifierPersonIds: [people.get('Anna Exempelsson')], verificationPlace: 'Stadshuset, Ludvika', verificationAt: '2023-01-16T10:00:00+01:00', endedAt: '2023-01-11T16:40:00+01:00' }).expect(200);
    for (const paragraph of minutes.paragraphs) {
      if (paragraph.number === 2) await secretary.put(`/paragraphs/${paragraph.id}/extra-matters`, { paragraphIds: [] }).expect(200);
      const decided = await secretary.post(`/paragraphs/${paragraph.id}/decision`, {});
      if (decided.status === 400) await secretary.post(`/paragraphs/${paragraph.id}/decision`, { decision: ['Nämnden beslutar enligt bilaga.'] }).expect(200);
    }
    await secretary.post(`/minutes/${minutes.id}/review-requests`).expect(200);
    clock.current = new Date('2023-01-16T09:00:00Z');
    const sha = (await secretary.get(`/minutes/${minutes.id}`).expect(200)).body.currentContentSha256;
    await (await login('hakan.frank@ludvika.example')).post(`/minutes/${minutes.id}/approvals`, { contentSha256: sha }).expect(201);
    await (await login('anna.exempelsson@ludvika.example')).post(`/minutes/${minutes.id}/approvals`, { contentSha256: sha }).expect(201);
    const [posting]: { id: string }[] = await testApp.dataSource.query(`SELECT id FROM postings WHERE minutes_id = $1 AND paragraph_id IS NULL`, [minutes.id]);
    postingId = posting.id;
    const [publish]: { id: string }[] = await testApp.dataSource.query(`SELECT id FROM outbox_jobs WHERE payload->>'postingId' = $1 AND kind LIKE '%publish%'`, [postingId]);
    await testApp.app.get(PostingService).run(publish.id, 'publish');

    // A meeting whose notice went out and was then cancelled, and one cancelled before its notice.
    const plan = async (startsAt: string, endsAt: string) => (await secretary.post('/meetings', { organId: sunId, startsAt, endsAt, place: 'Sessionssalen, Stadshuset' }).expect(201)).body.id as string;
    cancelledId = await plan('2023-02-08T13:00:00Z', '2023-02-08T16:00:00Z');
    await testApp.dataSource.transaction((em) =>
      testApp.app.get(NoticeService).recordSent(RequestContext.system(em, meeting.municipality_id, 'test'), cancelledId, { finalizedAt: new Date('2023-01-30T07:00:00Z'), dispatchedAt: new Date('2023-02-01T07:00:00Z') }),
    );
    clock.current = new Date('2023-02-03T09:00:00Z');
    await secretary.post(`/meetings/${cancelledId}/cancellation`, { reason: 'Inga ärenden' }).expect(201);
    cancelledUnsentId = await plan('2023-03-08T13:00:00Z', '2023-03-08T16:00:00Z');
    await secretary.post(`/meetings/${cancelledUnsentId}/cancellation`, { reason: 'Flyttat' }).expect(201);
  }, 240_000);

  afterAll(async () => {
    await testApp?.close();
    await redis?.stop();
    await database?.drop();
  });

  it('gives the notice board as Atom and RSS: the posted protokoll with its dates, linked on the board', async () => {
    for (const [format, type] of [
      ['atom', 'application/atom+xml; charset=utf-8'],
      ['rss', 'application/rss+xml; charset=utf-8'],
    ] as const) {
      const feed = parseFeed(await text(`/anslagstavla/${CODE}/flode.${format}`, type));
      expect(feed.title).toBe('Anslagstavla – Ludvika kommun');
      const entry = feed.items.find((item) => item.id === `urn:uuid:${postingId}`);
      expect(entry).toBeDefined();
      expect(entry!.title).toBe('Protokoll – Social- och utbildningsnämnden, sammanträde 11 januari 2023');
      const summary = entry!.description ?? entry!.content ?? '';
      expect(summary).toContain('Justerat: 16 januari 2023.');
      expect(summary).toContain('Anslaget tas ned: 7 februari 2023.');
      expect(summary).toContain('Sista dag att överklaga: 6 februari 2023.');
      expect(entry!.url).toBe(`${baseUrl}/anslagstavla/${CODE}#anslag-${postingId}`);
      await follow(entry!.url!);
      expect(entry!.updated ?? entry!.published).toBeInstanceOf(Date);
    }
  });

  it("gives SUN's notices and protokoll as Atom and RSS, newest first, the cancelled meeting as cancelled and the one never noticed not at all", async () => {
    for (const format of ['atom', 'rss'] as const) {
      const feed = parseFeed(await text(`/kommun/${CODE}/organ/${sunId}/flode.${format}`, `application/${format}+xml; charset=utf-8`));
      const titles = feed.items.map((item) => item.title);
      expect(titles).toEqual(['Inställt: Social- och utbildningsnämnden 8 februari 2023', 'Protokoll: Social- och utbildningsnämnden 11 januari 2023', 'Kallelse: Social- och utbildningsnämnden 11 januari 2023']);
      const [cancelled, protocol, notice] = feed.items;
      expect(cancelled.url).toBe(`${baseUrl}/sammantraden/${cancelledId}`);
      expect(cancelled.description ?? cancelled.content).toContain('Sammanträdet är inställt. Skäl: Inga ärenden.');
      expect(notice.url).toBe(`${baseUrl}/sammantraden/${meetingId}`);
      expect(protocol.id).toBe(`urn:uuid:${postingId}`);
      for (const item of feed.items) await follow(item.url!);
      expect(JSON.stringify(feed)).not.toContain(cancelledUnsentId);
    }
  });

  it("gives SUN's public meetings as an iCalendar: stable UIDs, the cancelled one CANCELLED with a raised SEQUENCE", async () => {
    const calendar = new ICAL.Component(ICAL.parse(await text(`/kommun/${CODE}/organ/${sunId}/kalender.ics`, 'text/calendar; charset=utf-8')));
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    const host = new URL(baseUrl).hostname;
    expect(events.map((event) => event.uid).sort()).toEqual([`meeting-${cancelledId}@${host}`, `meeting-${meetingId}@${host}`].sort());
    const held = events.find((event) => event.uid === `meeting-${meetingId}@${host}`)!;
    expect(held.summary).toBe('Social- och utbildningsnämnden sammanträde');
    expect(held.location).toBe('Sessionssalen, Stadshuset');
    expect(held.startDate.toJSDate().toISOString()).toBe('2023-01-11T13:00:00.000Z');
    expect(held.endDate.toJSDate().toISOString()).toBe('2023-01-11T16:00:00.000Z');
    expect(held.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(String(held.component.getFirstPropertyValue('url'))).toBe(`${baseUrl}/sammantraden/${meetingId}`);
    expect(held.component.getFirstPropertyValue('last-modified')).toBeTruthy();
    const cancelled = events.find((event) => event.uid === `meeting-${cancelledId}@${host}`)!;
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.sequence).toBeGreaterThan(0);
    await follow(String(cancelled.component.getFirstPropertyValue('url')));
  });

  it('says nothing of the secret matter in any feed', async () => {
    for (const path of [`/anslagstavla/${CODE}/flode.atom`, `/anslagstavla/${CODE}/flode.rss`, `/kommun/${CODE}/organ/${sunId}/flode.atom`, `/kommun/${CODE}/organ/${sunId}/flode.rss`, `/kommun/${CODE}/organ/${sunId}/kalender.ics`]) {
      expect((await get(path).expect(200)).body).not.toContain(SECRET_MARK);
    }
    // The marker is where the test put it, so the check above could fail.
    expect((await secretary.get(`/meetings/${meetingId}/agenda-items`).expect(200)).text).toContain(SECRET_MARK);
  });

  it('answers 304 to a matching If-None-Match and If-Modified-Since, with Last-Modified from the data shown', async () => {
    for (const path of [`/anslagstavla/${CODE}/flode.atom`, `/kommun/${CODE}/organ/${sunId}/flode.rss`, `/kommun/${CODE}/organ/${sunId}/kalender.ics`]) {
      const first = await get(path).expect(200);
      expect(first.headers['cache-control']).toBe('public, no-cache');
      expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
      await testApp.http().get(path).set('If-None-Match', first.headers.etag).expect(304);
      await testApp.http().get(path).set('If-Modified-Since', first.headers['last-modified']).expect(304);
    }
    const before = (await get(`/kommun/${CODE}/organ/${sunId}/flode.atom`).expect(200)).headers;
    await testApp.dataSource.query(`UPDATE meetings SET place = 'Lilla salen', updated_at = now() WHERE id = $1`, [cancelledId]);
    const after = await testApp.http().get(`/kommun/${CODE}/organ/${sunId}/flode.atom`).set('If-None-Match', before.etag).expect(200);
    expect(after.text).toContain('Lilla salen');
    // Last-Modified is the newest updated_at among what the feed shows: now the meeting just changed.
    const [changed]: { updated_at: Date }[] = await testApp.dataSource.query(`SELECT updated_at FROM meetings WHERE id = $1`, [cancelledId]);
    expect(after.headers['last-modified']).toBe(changed.updated_at.toUTCString());
    expect(new Date(after.headers['last-modified']).getTime()).toBeGreaterThanOrEqual(new Date(before['last-modified']).getTime());
  });

  it('answers 404 for an unknown municipality, an unknown organ and an organ whose rules publish nothing', async () => {
    const [drafting]: { id: string }[] = await testApp.dataSource.query(`SELECT id FROM organs WHERE kind = 'drafting_group' AND NOT rules_publish_notices AND NOT rules_publish_minutes LIMIT 1`);
    for (const path of ['/anslagstavla/0000/flode.atom', `/kommun/${CODE}/organ/00000000-0000-4000-8000-000000000000/flode.rss`, `/kommun/${CODE}/organ/nej/kalender.ics`, `/kommun/0000/organ/${sunId}/flode.atom`]) {
      await testApp.http().get(path).expect(404);
    }
    expect(drafting).toBeDefined();
    await testApp.http().get(`/kommun/${CODE}/organ/${drafting.id}/flode.atom`).expect(404);
    await testApp.http().get(`/kommun/${CODE}/organ/${drafting.id}/kalender.ics`).expect(404);
  });
});
