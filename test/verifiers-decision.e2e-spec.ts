import { readSeed } from '../seeds/src/run-seed';
import { SeedModule } from '../seeds/src/seed.module';
import { SeedService } from '../seeds/src/seed.service';
import { Api, apiAs, TestClock } from './support/meeting-fixture';
import { createTestApp, TestApp } from './support/test-app';

interface Paragraph {
  id: string;
  number: number;
  title: string;
  decision: string[];
  status: string;
}

/** "Val av justerande" on the seed's SUN meeting of 11 January 2023: its decision follows from the verifiers chosen. */
describe('the decision under "Val av justerande"', () => {
  const clock = new TestClock();
  let testApp: TestApp;
  let secretary: Api;
  let minutesId: string;
  let people: Map<string, string>;

  const person = (name: string) => people.get(name)!;
  const verifiersParagraph = async (): Promise<Paragraph> => (await secretary.get(`/minutes/${minutesId}`).expect(200)).body.paragraphs.find((paragraph: Paragraph) => paragraph.number === 1);
  const chooseVerifier = (name: string) =>
    secretary.patch(`/minutes/${minutesId}`, { verifierPersonIds: [person(name)], verificationPlace: 'Stadshuset, Ludvika', verificationAt: '2023-01-16T10:00:00+01:00' }).expect(200);

  beforeAll(async () => {
    clock.current = new Date('2023-01-09T10:00:00Z');
    testApp = await createTestApp([SeedModule], { clock });
    await testApp.app.get(SeedService).load(readSeed('ludvika.json'), 'namndrum');
    secretary = apiAs(testApp, (await testApp.http().post('/api/v1/auth/login').send({ email: 'rita.osterholm@ludvika.example', password: 'namndrum' }).expect(200)).body.accessToken);
    const persons: { id: string; first_name: string; last_name: string }[] = await testApp.dataSource.query(`SELECT id, first_name, last_name FROM persons`);
    people = new Map(persons.map((row) => [`${row.first_name} ${row.last_name}`, row.id]));
    const [meeting]: { id: string }[] = await testApp.dataSource.query(`SELECT m.id FROM meetings m JOIN organs o ON o.id = m.organ_id WHERE o.short_name = 'SUN' AND m.starts_at::date = '2023-01-11'`);
    clock.current = new Date('2023-01-11T16:40:00Z');
    await secretary.post(`/meetings/${meeting.id}/held`).expect(200);
    minutesId = (await secretary.post(`/meetings/${meeting.id}/minutes`).expect(201)).body.id;
  }, 120_000);

  afterAll(() => testApp?.close());

  it('is drafted from the verifier chosen on the minutes, and decided as drafted', async () => {
    expect((await verifiersParagraph()).decision).toEqual([]);
    await chooseVerifier('Anna Exempelsson');
    expect((await verifiersParagraph()).decision).toEqual(['Nämnden beslutar att utse Anna Exempelsson att jämte ordföranden justera protokollet.']);
    await chooseVerifier('Karin Låtsasson');
    const redrafted = await verifiersParagraph();
    expect(redrafted.decision).toEqual(['Nämnden beslutar att utse Karin Låtsasson att jämte ordföranden justera protokollet.']);
    const decided = (await secretary.post(`/paragraphs/${redrafted.id}/decision`, {}).expect(200)).body;
    expect(decided).toMatchObject({ status: 'decided', decision: ['Nämnden beslutar att utse Karin Låtsasson att jämte ordföranden justera protokollet.'] });
  });

  it('leaves a decision the secretary wrote as written', async () => {
    const paragraph = await verifiersParagraph();
    await secretary.post(`/paragraphs/${paragraph.id}/reopen`).expect(200);
    const written = ['Nämnden utser Anna Exempelsson (S) att jämte ordföranden justera dagens protokoll.'];
    await secretary.patch(`/paragraphs/${paragraph.id}`, { decision: written }).expect(200);
    await chooseVerifier('Anna Exempelsson');
    expect((await verifiersParagraph()).decision).toEqual(written);
  });
});
