import { readSeed } from '../seeds/src/run-seed';
import { SeedModule } from '../seeds/src/seed.module';
import { SeedService } from '../seeds/src/seed.service';
import { Api, apiAs, TestClock } from './support/meeting-fixture';
import { PrivateDatabase } from './support/private-database';
import { PrivateRedis } from './support/private-redis';
import { createTestApp, TestApp } from './support/test-app';

/** The minutes page's frame: one answer with the meeting, the organ's rules, the seats, the minutes' id and postings, the notice board. */
describe('the frame of the minutes page of a meeting', () => {
  const clock = new TestClock();
  let database: PrivateDatabase;
  let redis: PrivateRedis;
  let testApp: TestApp;
  let secretary: Api;
  let meetingId: string;

  const login = async (email: string) => apiAs(testApp, (await testApp.http().post('/api/v1/auth/login').send({ email, password: 'namndrum' }).expect(200)).body.accessToken);

  beforeAll(async () => {
    database = await new PrivateDatabase().create('minutes_page');
    redis = await new PrivateRedis().start();
    process.env.DATABASE_URL = database.url;
    process.env.REDIS_URL = redis.url;
    clock.current = new Date('2023-01-09T10:00:00Z');
    testApp = await createTestApp([SeedModule], { clock });
    await testApp.app.get(SeedService).load(readSeed('ludvika.json'), 'namndrum');
    secretary = await login('rita.osterholm@ludvika.example');
    const [meeting]: { id: string }[] = await testApp.dataSource.query(`SELECT m.id FROM meetings m JOIN organs o ON o.id = m.organ_id WHERE o.short_name = 'SUN' AND m.starts_at::date = '2023-01-11'`);
    meetingId = meeting.id;
  }, 120_000);

  afterAll(async () => {
    await testApp?.close();
    await redis?.stop();
    await database?.drop();
  });

  it('shows a meeting without minutes: its organ verifies with one justerare, its seats on the day, no minutes and the Ludvika notice board', async () => {
    const page = (await secretary.get(`/meetings/${meetingId}/minutes-page`).expect(200)).body;
    expect(page).toMatchObject({
      meeting: { id: meetingId, status: 'notice_sent' },
      organ: { shortName: 'SUN', name: 'Social- och utbildningsnämnden', verification: 'chair_and_verifiers', verifierCount: 1 },
      minutesId: null,
      postings: [],
      noticeBoardPath: '/anslagstavla/2085',
    });
    expect(page.members).toHaveLength(13);
    expect(page.members[0]).toMatchObject({ position: 'chair', person: { firstName: 'Håkan', lastName: 'Frank' } });
    expect(page.substitutes.length).toBeGreaterThan(0);
  });

  it('names the minutes once they are opened', async () => {
    clock.current = new Date('2023-01-11T16:40:00Z');
    await secretary.post(`/meetings/${meetingId}/held`).expect(200);
    const minutes = (await secretary.post(`/meetings/${meetingId}/minutes`).expect(201)).body;
    const page = (await secretary.get(`/meetings/${meetingId}/minutes-page`).expect(200)).body;
    expect(page).toMatchObject({ meeting: { status: 'held' }, minutesId: minutes.id, postings: [] });
  });

  it('answers 404 for a meeting that does not exist', async () => {
    const response = await secretary.get(`/meetings/00000000-0000-4000-8000-000000000000/minutes-page`).expect(404);
    expect(response.body.message).toBe('Sammanträdet hittades inte');
  });
});
