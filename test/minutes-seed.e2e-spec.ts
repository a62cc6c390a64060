import { FILE_STORAGE, FileStorage } from '@namndrum/core';
import { PostingService } from '@namndrum/minutes';
import { readDocx } from '../libs/documents/src/testing/read-docx';
import { readSeed } from '../seeds/src/run-seed';
import { SeedModule } from '../seeds/src/seed.module';
import { SeedService } from '../seeds/src/seed.service';
import { binaryParser } from './support/files';
import { MailSink } from './support/mail-sink';
import { Api, apiAs, TestClock } from './support/meeting-fixture';
import { PrivateDatabase } from './support/private-database';
import { PrivateRedis } from './support/private-redis';
import { createTestApp, TestApp } from './support/test-app';
import { WorkerProcess } from './support/worker-process';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface Paragraph {
  id: string;
  number: number;
  title: string;
  caseNumber: string | null;
  matterId: string | null;
  serving: number;
  quorum: boolean;
  motions: { id: string }[];
  votes: { id: string }[];
  dissents: { id: string }[];
}

/**
 * Ludvika's social- och utbildningsnämnd of 11 January 2023, from the seed, run to the end: a member
 * absent and replaced, seven paragraphs decided (one after an amendment and a recorded vote of 7–6
 * with a written dissent, one with a member disqualified), justering by the chair and the verifier,
 * the lock, the posting up and down on the days the law gives, and the extracts through the real
 * worker to a real SMTP server.
 */
describe('the minutes of SUN 2023-01-11, from the seed to the notice board and the extracts', () => {
  const clock = new TestClock();
  let database: PrivateDatabase;
  let redis: PrivateRedis;
  let sink: MailSink;
  let testApp: TestApp;
  let worker: WorkerProcess | undefined;
  let secretary: Api;
  let chair: Api;
  let verifier: Api;
  let people: Map<string, string>;
  let meetingId: string;
  let minutes: { id: string; paragraphs: Paragraph[]; currentContentSha256: string };

  const login = async (email: string) => apiAs(testApp, (await testApp.http().post('/api/v1/auth/login').send({ email, password: 'namndrum' }).expect(200)).body.accessToken);
  const person = (name: string) => {
    const id = people.get(name);
    if (!id) throw new Error(`No person named ${name} in the seed`);
    return id;
  };
  const paragraph = (number: number) => minutes.paragraphs.find((item) => item.number === number)!;

  beforeAll(async () => {
    database = await new PrivateDatabase().create('minutes');
    redis = await new PrivateRedis().start();
    sink = await new MailSink().start();
    process.env.DATABASE_URL = database.url;
    process.env.REDIS_URL = redis.url;
    clock.current = new Date('2023-01-09T10:00:00Z');
    testApp = await createTestApp([SeedModule], { clock });
    await testApp.app.get(SeedService).load(readSeed('ludvika.json'), 'namndrum');
    secretary = await login('rita.osterholm@ludvika.example');
    chair = await login('hakan.frank@ludvika.example');
    verifier = await login('anna.exempelsson@ludvika.example');
    const persons: { id: string; first_name: string; last_name: string }[] = await testApp.dataSource.query(`SELECT id, first_name, last_name FROM persons`);
    people = new Map(persons.map((row) => [`${row.first_name} ${row.last_name}`, row.id]));
    const [meeting]: { id: string }[] = await testApp.dataSource.query(`SELECT m.id FROM meetings m JOIN organs o ON o.id = m.organ_id WHERE o.short_name = 'SUN' AND m.starts_at::date = '2023-01-11'`);
    meetingId = meeting.id;
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    await testApp?.close();
    await sink?.stop();
    await redis?.stop();
    await database?.drop();
  });

  it('calls in the first social democratic substitute for an absent social democrat, and opens the minutes after the meeting', async () => {
    await secretary.post(`/meetings/${meetingId}/absences`, { personId: person('Erik Testberg') }).expect(201);
    clock.current = new Date('2023-01-11T16:40:00Z');
    await secretary.post(`/meetings/${meetingId}/held`).expect(200);
    minutes = (await secretary.post(`/meetings/${meetingId}/minutes`).expect(201)).body;
    expect(minutes.paragraphs.map((item) => [item.number, item.caseNumber])).toEqual([
      [1, null],
      [2, null],
      [3, expect.stringMatching(/^SUN 2022\//)],
      [4, expect.stringMatching(/^SUN 2022\//)],
      [5, expect.stringMatching(/^SUN 2022\//)],
      [6, expect.stringMatching(/^SUN 2022\//)],
      [7, expect.stringMatching(/^SUN 2022\//)],
    ]);
    const attendees = (await secretary.get(`/minutes/${minutes.id}`).expect(200)).body.attendees;
    expect(attendees.filter((row: { capacity: string }) => row.capacity === 'member')).toHaveLength(12);
    expect(attendees.find((row: { capacity: string }) => row.capacity === 'serving_substitute')).toMatchObject({
      name: 'Kerstin Exempelgren',
      party: 'S',
      replacesPersonId: person('Erik Testberg'),
    });
    await secretary.put(`/minutes/${minutes.id}/attendance`, {
      attendees: [
        ...attendees.map((row: Record<string, unknown>) => ({
          ...(row.personId ? { personId: row.personId } : { name: row.name }),
          capacity: row.capacity,
          ...(row.replacesPersonId ? { replacesPersonId: row.replacesPersonId } : {}),
          ...(row.title ? { title: row.title } : {}),
        })),
        { personId: person('Ulla Fiktivlund'), capacity: 'substitute' },
        { personId: person('Jonas Fors'), capacity: 'official' },
      ],
    }).expect(200);
    await secretary.patch(`/minutes/${minutes.id}`, {
      verifierPersonIds: [person('Anna Exempelsson')],
      verificationPlace: 'Social- och utbildningsförvaltningen, Ludvika',
      verificationAt: '2023-01-16T10:00:00+01:00',
      endedAt: '2023-01-11T16:40:00+01:00',
    }).expect(200);
  });

  it('decides all seven paragraphs: § 3 by a recorded vote of 7–6 on an amendment, with a written dissent; § 5 with a member disqualified', async () => {
    // As the README's walk-through says: § 1 as drafted from the verifier chosen, § 2 after deciding that no extra matters are taken up.
    expect((await secretary.post(`/paragraphs/${paragraph(1).id}/decision`, {}).expect(200)).body.decision).toEqual([
      'Nämnden beslutar att utse Anna Exempelsson att jämte ordföranden justera protokollet.',
    ]);
    await secretary.put(`/paragraphs/${paragraph(2).id}/extra-matters`, { paragraphIds: [] }).expect(200);
    expect((await secretary.post(`/paragraphs/${paragraph(2).id}/decision`, {}).expect(200)).body.decision).toEqual(['Inga extra ärenden tas upp.']);

    const three = paragraph(3).id;
    const moved = (await secretary.post(`/paragraphs/${three}/motions`, { personId: person('Johan Provström'), kind: 'amendment', text: 'Social- och utbildningsnämnden beslutar att arbetsutskottet ska bestå av 7 ledamöter och 7 ersättare.' }).expect(201)).body;
    const amendment = moved.motions[0].id;
    await secretary.post(`/paragraphs/${three}/motions`, { personId: person('Anna Exempelsson'), kind: 'approval' }).expect(201);
    await secretary.post(`/paragraphs/${three}/propositions`, { alternatives: ['proposal', amendment], chosen: 'proposal' }).expect(201);
    const voteId = (await secretary.post(`/paragraphs/${three}/votes`, { yesAlternative: 'proposal', noAlternative: amendment }).expect(201)).body.votes[0].id;
    const yes = ['Håkan Frank', 'Anna Exempelsson', 'Kerstin Exempelgren', 'Maria Fiktivsson', 'Lars Påhittad', 'Per Testlund', 'Ingrid Fiktivberg'];
    const no = ['Karin Låtsasson', 'Johan Provström', 'Eva Exempeldal', 'Nils Påhittsson', 'Birgitta Låtsasberg', 'Mats Provholm'];
    expect((await secretary.post(`/votes/${voteId}/ballots`, { ballots: [{ personId: person('Erik Testberg'), choice: 'no' }] }).expect(409)).body.error).toBe('NOT_SERVING');
    await secretary.post(`/votes/${voteId}/ballots`, { ballots: [...yes.map((name) => ({ personId: person(name), choice: 'yes' })), ...no.map((name) => ({ personId: person(name), choice: 'no' }))] }).expect(201);
    const closed = (await secretary.post(`/votes/${voteId}/close`, {}).expect(200)).body;
    expect(closed.votes[0]).toMatchObject({ yes: 7, no: 6, abstain: 0, result: 'yes' });
    const decided = (await secretary.post(`/paragraphs/${three}/decision`, {}).expect(200)).body;
    expect(decided.decisionProcedure).toEqual(
      expect.arrayContaining([expect.stringContaining('Omröstningen utfaller med 7 ja-röster mot 6 nej-röster.'), 'Nämnden har därmed beslutat enligt förvaltningens förslag.']),
    );
    const dissent = (await secretary.post(`/paragraphs/${three}/dissents`, { personId: person('Johan Provström'), announcedAt: '2023-01-11T16:30:00+01:00' }).expect(201)).body.dissents[0];
    await secretary.patch(`/dissents/${dissent.id}`, { reasons: 'Ett mindre utskott räcker för att bereda nämndens ärenden.' }).expect(200);
    await secretary.patch(`/paragraphs/${three}`, {
      distribution: [
        { name: 'Ledamöter och ersättare i nämnden', email: null },
        { name: 'Förvaltningsledning', email: 'forvaltningsledning@ludvika.example' },
        { name: 'Förtroendemannaregistret', email: 'fmr@ludvika.example' },
        { name: 'Akten', email: null },
      ],
    }).expect(200);

    await secretary.post(`/paragraphs/${paragraph(4).id}/decision`, {}).expect(200);

    const five = paragraph(5).id;
    const disqualified = (await secretary.post(`/paragraphs/${five}/disqualifications`, { personId: person('Ingrid Fiktivberg'), substitutePersonId: person('Ulla Fiktivlund'), reason: 'Styrelseledamot i Källerska stiftelsen' }).expect(201)).body;
    expect(disqualified).toMatchObject({ serving: 13, seats: 13, quorum: true });
    // The report proposes no decision for the elections: the secretary writes it.
    expect((await secretary.post(`/paragraphs/${five}/decision`, {}).expect(400)).body.error).toBe('DECISION_EMPTY');
    await secretary.post(`/paragraphs/${five}/decision`, { decision: ['Social- och utbildningsnämnden väljer representanter i råd och grupper för tiden 2023–2026 enligt bilaga.'] }).expect(200);
    await secretary.patch(`/paragraphs/${five}`, { distribution: [{ name: 'Valda', email: 'valda@ludvika.example' }, { name: 'Akten', email: null }] }).expect(200);

    await secretary.post(`/paragraphs/${paragraph(6).id}/decision`, {}).expect(200);
    await secretary.post(`/paragraphs/${paragraph(7).id}/decision`, {}).expect(200);
    minutes = (await secretary.get(`/minutes/${minutes.id}`).expect(200)).body;
    expect(minutes.paragraphs.every((item) => (item as unknown as { status: string }).status === 'decided')).toBe(true);
  });

  it('is verified by the chair and the verifier, which locks it, ends the meeting and decides the matters', async () => {
    await secretary.post(`/minutes/${minutes.id}/review-requests`).expect(200);
    clock.current = new Date('2023-01-16T09:00:00Z');
    const sha = (await secretary.get(`/minutes/${minutes.id}`).expect(200)).body.currentContentSha256;
    await chair.post(`/minutes/${minutes.id}/approvals`, { contentSha256: sha }).expect(201);
    const stored = jest.spyOn(testApp.app.get<FileStorage>(FILE_STORAGE), 'put');
    const verified = (await verifier.post(`/minutes/${minutes.id}/approvals`, { contentSha256: sha }).expect(201)).body;
    expect(verified).toMatchObject({ status: 'verified', contentSha256: sha, overdue: false });
    // Every file the verification rendered is the minutes' or the posting's: none is left for the collector.
    const written = await Promise.all(stored.mock.results.map((result) => result.value as Promise<string>));
    stored.mockRestore();
    const [files] = await testApp.dataSource.query(`SELECT m.file_sha256 AS minutes, p.file_sha256 AS posting FROM minutes m JOIN postings p ON p.minutes_id = m.id WHERE m.id = $1`, [minutes.id]);
    expect(written.sort()).toEqual([files.minutes, files.posting].sort());
    expect(verified.approvers).toEqual([
      expect.objectContaining({ name: 'Håkan Frank', role: 'chair', approved: true }),
      expect.objectContaining({ name: 'Anna Exempelsson', role: 'verifier', approved: true }),
    ]);
    expect((await secretary.get(`/meetings/${meetingId}`).expect(200)).body.status).toBe('minutes_verified');
    expect((await secretary.patch(`/paragraphs/${paragraph(3).id}`, { decision: ['Ändrat'] }).expect(409)).body.error).toBe('MINUTES_LOCKED');
    const matter = paragraph(3).matterId!;
    expect((await secretary.get(`/matters/${matter}`).expect(200)).body.status).toBe('decided');
    const events = (await secretary.get(`/matters/${matter}/events`).expect(200)).body.map((event: { summary: string }) => event.summary);
    expect(events).toContain('Beslutat i Social- och utbildningsnämnden 2023-01-11 § 3');
  });

  it('puts the posting up on the day of verification and takes it down after the appeal period, not a day before', async () => {
    const [posting] = (await secretary.get(`/minutes/${minutes.id}/postings`).expect(200)).body;
    expect(posting).toMatchObject({
      organName: 'Social- och utbildningsnämnden',
      meetingDate: '2023-01-11',
      paragraphs: '§§ 1–7',
      verifiedOn: '2023-01-16',
      postedOn: '2023-01-16',
      lastAppealDay: '2023-02-06',
      takenDownOn: '2023-02-07',
      storagePlace: 'Social- och utbildningsförvaltningens kansli',
      status: 'scheduled',
    });
    expect(posting.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    const jobs: { id: string; kind: string }[] = await testApp.dataSource.query(`SELECT id, kind FROM outbox_jobs WHERE payload->>'postingId' = $1 ORDER BY kind`, [posting.id]);
    const postings = testApp.app.get(PostingService);
    await postings.run(jobs[0].id, 'publish');
    const board = await testApp.http().get('/anslagstavla/2085').expect(200);
    expect(board.text).toContain('Social- och utbildningsnämnden');
    expect(board.text).toContain('6 februari 2023');
    const published = await testApp.http().get(`/anslagstavla/2085/anslag/${posting.id}/protokoll.docx`).buffer(true).parse(binaryParser).expect(200);
    expect(published.headers['content-type']).toContain(DOCX);
    expect((await readDocx(published.body)).text).toContain('Datum då anslaget tas ned');
    clock.current = new Date('2023-02-06T12:00:00Z');
    await expect(postings.run(jobs[1].id, 'remove')).rejects.toThrow('may not come down before 2023-02-07');
    clock.current = new Date('2023-02-06T23:00:00Z');
    await postings.run(jobs[1].id, 'remove');
    expect((await secretary.get(`/postings/${posting.id}`).expect(200)).body).toMatchObject({ status: 'down', takenDownAt: '2023-02-06T23:00:00.000Z' });
    await testApp.http().get(`/anslagstavla/2085/anslag/${posting.id}/protokoll.docx`).expect(404);
  });

  it('renders the protokoll as Ludvika writes it', async () => {
    const file = await secretary.get(`/minutes/${minutes.id}/docx`).buffer(true).parse(binaryParser).expect(200);
    const text = (await readDocx(file.body)).text;
    const inOrder = ['Sammanträdesprotokoll', 'Beslutande', 'Övriga närvarande', 'Utses att justera', 'Underskrifter', 'Elektroniskt justerat', 'ANSLAG/BEVIS', '§\u00a01', '§\u00a03', 'Omröstning', 'Reservation', '§\u00a05', 'Jäv', '§\u00a07'];
    let from = 0;
    const missing = inOrder.filter((heading) => {
      const at = text.indexOf(heading, from);
      if (at >= 0) from = at + heading.length;
      return at < 0;
    });
    expect(missing).toEqual([]);
    for (const expected of [
      'Håkan Frank (M), ordförande',
      'Anna Exempelsson (S), vice ordförande',
      'Karin Låtsasson (SD), andre vice ordförande',
      'Kerstin Exempelgren (S), tjänstgörande ersättare för Erik Testberg (S)',
      'Ulla Fiktivlund (KD)',
      'Omröstning',
      'Johan Provström (SD) reserverar sig mot beslutet.',
      'Ett mindre utskott räcker för att bereda nämndens ärenden.',
      'Ingrid Fiktivberg (KD) anmäler jäv',
      'Protokollet är justerat. Justeringen har tillkännagivits genom anslag.',
      'Social- och utbildningsförvaltningens kansli',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('UTKAST');
  });

  it('e-mails the draft to the chair and verifier and each extract to its recipients through the worker', async () => {
    worker = await new WorkerProcess({
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      SMTP_URL: sink.url,
      MAIL_FROM: 'Ludvika kommun <namndrum@ludvika.example>',
    }).start();
    const expected = ['forvaltningsledning@ludvika.example', 'fmr@ludvika.example', 'valda@ludvika.example', 'hakan.frank@ludvika.example', 'anna.exempelsson@ludvika.example'];
    await sink.waitFor((received) => expected.every((address) => received.some((mail) => mail.recipients.includes(address))), 30_000, 'the extracts and review requests');
    const extract = await sink.parse(sink.to('forvaltningsledning@ludvika.example')[0]);
    expect(extract.subject).toMatch(/^Protokollsutdrag: Social- och utbildningsnämnden 11 januari 2023 § 3 – Bildande av arbetsutskott/);
    expect(extract.text).toContain('senast den 6 februari 2023');
    expect(extract.text).toContain('Ludvika kommun');
    const attachment = extract.attachments.find((part) => part.contentType === DOCX)!;
    const extractText = (await readDocx(attachment.content)).text;
    for (const expectedText of ['Utdrag ur protokoll', '§\u00a03', 'Omröstning', 'Utdragsbestyrkande']) expect(extractText).toContain(expectedText);
    // The seed's upcoming meeting sends its kallelse too, and its agenda names the justerare.
    const received = await Promise.all(sink.to('hakan.frank@ludvika.example').map((mail) => sink.parse(mail)));
    const review = received.find((mail) => mail.subject?.startsWith('Protokoll att justera'))!;
    expect(review.subject).toBe('Protokoll att justera: Social- och utbildningsnämnden 11 januari 2023');
    const link = `/protokoll/${minutes.id}/justering`;
    expect(review.text).toContain(link);
    const page = await testApp.http().get(link).expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('<h1>Justera protokoll</h1>');
    const report = (await secretary.get(`/minutes/${minutes.id}/extract-deliveries`).expect(200)).body;
    expect(report.counts).toEqual({ queued: 0, sent: 3, failed: 0, noAddress: expect.any(Number) });
    expect(report.deliveries[0].status).toBe('no_address');
    expect(sink.to('valda@ludvika.example')).toHaveLength(1);
  });
});
