import { OutboxService } from '@namndrum/core';
import { DeliveryService, NoticeService } from '@namndrum/meetings';
import { MinutesReader, PostingService } from '@namndrum/minutes';
import { MinutesReminder } from '../libs/minutes/src/jobs/minutes-reminder';
import { readDocx } from '../libs/documents/src/testing/read-docx';
import { createTenant, Tenant } from './factories/tenant.factory';
import { binaryParser } from './support/files';
import { Api, MeetingWorld, meetingWorld, TestClock } from './support/meeting-fixture';
import { createTestApp, TestApp } from './support/test-app';

interface ParagraphBody {
  id: string;
  number: number;
  title: string;
  status: string;
  decision: string[];
  serving: number;
  quorum: boolean;
  currentContentSha256: string;
  votes: { id: string; status: string; yes: number; no: number; abstain: number; result: string | null }[];
  motions: { id: string }[];
  decisionProcedure: string[];
}

/**
 * The minutes of meetings made for the test, in a municipality of the test's own: numbering across
 * meetings and years, quorum, votes, dissents, approvals voided by edits, and the lock.
 */
describe('minutes: drafting, deciding and verifying', () => {
  const clock = new TestClock();
  let testApp: TestApp;
  let tenant: Tenant;
  let world: MeetingWorld;
  let chair: Api;
  let verifier: Api;

  /** A meeting whose notice went out and which has been held (the clock is left just after its end). */
  const heldMeeting = async (startsAt: string, endsAt: string, matterIds: string[] = []): Promise<string> => {
    clock.current = new Date(new Date(startsAt).getTime() - 10 * 24 * 3600_000);
    const meetingId = await world.meeting(startsAt, endsAt);
    for (const matterId of matterIds) await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId }).expect(201);
    await tenant.run((ctx) => testApp.app.get(NoticeService).recordSent(ctx, meetingId, { finalizedAt: clock.now(), dispatchedAt: clock.now() }));
    clock.current = new Date(new Date(endsAt).getTime() + 5 * 60_000);
    await world.secretary.post(`/meetings/${meetingId}/held`).expect(200);
    return meetingId;
  };

  const openMinutes = async (meetingId: string) => (await world.secretary.post(`/meetings/${meetingId}/minutes`).expect(201)).body;
  const paragraph = async (id: string): Promise<ParagraphBody> => (await world.secretary.get(`/paragraphs/${id}`).expect(200)).body;
  const decideAll = async (minutes: { paragraphs: ParagraphBody[] }) => {
    for (const item of minutes.paragraphs) {
      if ((await paragraph(item.id)).status === 'decided') continue;
      await world.secretary.patch(`/paragraphs/${item.id}`, item.decision.length || (await paragraph(item.id)).decision.length ? {} : { decision: ['Informationen läggs till handlingarna.'] }).expect(200);
      const current = await paragraph(item.id);
      await world.secretary.post(`/paragraphs/${item.id}/decision`, current.decision.length ? {} : { decision: [`Nämnden beslutar i ${current.title}.`] }).expect(200);
    }
  };
  const person = (key: string) => world.people[key].personId;

  beforeAll(async () => {
    testApp = await createTestApp([], { clock });
    tenant = await createTenant(testApp, 'Protokollkommun');
    world = await meetingWorld(testApp, tenant);
    chair = await world.user('hakan');
    verifier = await world.user('anna');
  }, 60_000);

  afterAll(async () => {
    clock.current = null;
    await testApp?.close();
  });

  it('numbers paragraphs on from meeting to meeting within a year and from § 1 again on 1 January', async () => {
    const november = await heldMeeting('2025-11-10T14:00:00+01:00', '2025-11-10T16:00:00+01:00');
    const december = await heldMeeting('2025-12-15T14:00:00+01:00', '2025-12-15T16:00:00+01:00');
    const january = await heldMeeting('2026-01-20T14:00:00+01:00', '2026-01-20T16:00:00+01:00');
    const first = await openMinutes(november);
    expect(first.paragraphs.map((item: ParagraphBody) => item.number)).toEqual([1, 2, 3, 4, 5]);
    expect(first.paragraphRange).toBe('§§ 1–5');
    const second = await openMinutes(december);
    expect(second.paragraphs.map((item: ParagraphBody) => item.number)).toEqual([6, 7, 8, 9, 10]);
    const extra = (await world.secretary.post(`/minutes/${second.id}/paragraphs`, { title: 'Extra ärende: Yttrande över remiss' }).expect(201)).body;
    expect(extra.number).toBe(11);
    expect((await world.secretary.post(`/minutes/${first.id}/paragraphs`, { title: 'För sent' }).expect(409)).body.error).toBe('LATER_MINUTES_EXIST');
    const third = await openMinutes(january);
    expect(third.paragraphs.map((item: ParagraphBody) => item.number)).toEqual([1, 2, 3, 4, 5]);
    expect(third.year).toBe(2026);
    await world.secretary.post(`/meetings/${january}/minutes`).expect(409);

    clock.current = new Date('2026-01-28T09:00:00Z');
    const overdue = (await world.secretary.get(`/minutes?overdue=true&organId=${world.organId}`).expect(200)).body.items;
    expect(overdue.map((item: { id: string }) => item.id).sort()).toEqual([first.id, second.id].sort());
    expect(overdue.find((item: { id: string }) => item.id === second.id)).toMatchObject({ verificationDeadline: '2025-12-29', overdue: true, paragraphRange: '§§ 6–11' });
    expect((await world.secretary.get(`/minutes/${third.id}`).expect(200)).body).toMatchObject({ verificationDeadline: '2026-02-03', overdue: false });
  });

  it('refuses minutes for a meeting that has not been held', async () => {
    clock.current = new Date('2026-02-01T09:00:00Z');
    const planned = await world.meeting('2026-03-02T14:00:00+01:00', '2026-03-02T16:00:00+01:00');
    expect((await world.secretary.post(`/meetings/${planned}/minutes`).expect(409)).body.error).toBe('MEETING_NOT_HELD');
  });

  describe('a meeting of five members', () => {
    let minutes: { id: string; paragraphs: ParagraphBody[]; currentContentSha256: string };
    let matter: { matterId: string; caseNumber: string };
    let matterParagraph: ParagraphBody;
    let secretParagraph: ParagraphBody;

    beforeAll(async () => {
      clock.current = new Date('2026-03-20T09:00:00Z');
      matter = await world.signedMatter('Taxa för tillsyn 2026');
      const secret = await world.signedMatter('Placering av barn', world.organId, { secret: true, secrecyProvision: 'OSL 26 kap. 1 §' });
      const meetingId = await heldMeeting('2026-03-30T14:00:00+02:00', '2026-03-30T16:00:00+02:00', [matter.matterId, secret.matterId]);
      minutes = await openMinutes(meetingId);
      secretParagraph = minutes.paragraphs.find((item) => item.title === 'Placering av barn')!;
    });

    it('keeps the paragraph of a secret matter out of the published minutes unless the secretary decides otherwise', async () => {
      expect(secretParagraph).toMatchObject({ notPublished: true });
      expect(minutes.paragraphs.filter((item) => (item as unknown as { notPublished: boolean }).notPublished)).toHaveLength(1);
    });

    it('prefills the attendance and the chair from the register', async () => {
      const body = (await world.secretary.get(`/minutes/${minutes.id}`).expect(200)).body;
      expect(body.chairPersonId).toBe(person('hakan'));
      expect(body.attendees.filter((row: { capacity: string }) => row.capacity === 'member').map((row: { personId: string }) => row.personId).sort()).toEqual(
        ['hakan', 'anna', 'erik', 'maria', 'karin'].map(person).sort(),
      );
      expect(body.attendees.find((row: { capacity: string }) => row.capacity === 'official')).toMatchObject({ name: 'Rita Österholm', title: 'Nämndsekreterare' });
      expect(body.verificationDeadline).toBe('2026-04-13');
      expect(body.storagePlace).toBe('Socialförvaltningens kansli');
    });

    it('decides the matter after an amendment and a tied vote settled by the chair, refusing votes that do not count', async () => {
      matterParagraph = minutes.paragraphs.find((item) => item.title === 'Taxa för tillsyn 2026')!;
      const id = matterParagraph.id;
      await world.secretary.put(`/minutes/${minutes.id}/attendance`, {
        attendees: [
          ...['hakan', 'anna', 'erik', 'maria', 'karin'].map((key) => ({ personId: person(key), capacity: 'member' })),
          { personId: person('kerstin'), capacity: 'substitute' },
          { name: 'Rita Österholm', title: 'Nämndsekreterare', capacity: 'official' },
        ],
      }).expect(200);
      const kerstinMoves = await world.secretary.post(`/paragraphs/${id}/motions`, { personId: person('kerstin'), kind: 'rejection' }).expect(409);
      expect(kerstinMoves.body.error).toBe('NOT_SERVING');
      await world.secretary.post(`/paragraphs/${id}/motions`, { personId: person('erik'), kind: 'amendment' }).expect(400);
      const moved = (await world.secretary.post(`/paragraphs/${id}/motions`, { personId: person('erik'), kind: 'amendment', text: 'Taxan höjs med 2 procent i stället för 4 procent.' }).expect(201)).body;
      const amendment = moved.motions[0].id;
      await world.secretary.post(`/paragraphs/${id}/propositions`, { alternatives: ['proposal', 'nonsense'], chosen: 'proposal' }).expect(400);
      await world.secretary.post(`/paragraphs/${id}/propositions`, { alternatives: ['proposal', amendment], chosen: 'proposal' }).expect(201);
      await world.secretary.post(`/paragraphs/${id}/votes`, { yesAlternative: amendment, noAlternative: 'proposal' }).expect(400);
      const voting = (await world.secretary.post(`/paragraphs/${id}/votes`, { yesAlternative: 'proposal', noAlternative: amendment }).expect(201)).body;
      const voteId = voting.votes[0].id;
      expect((await world.secretary.post(`/paragraphs/${id}/decision`, {}).expect(409)).body.error).toBe('VOTE_OPEN');
      const substitute = await world.secretary.post(`/votes/${voteId}/ballots`, { ballots: [{ personId: person('kerstin'), choice: 'no' }] }).expect(409);
      expect(substitute.body).toMatchObject({ error: 'NOT_SERVING', message: 'Kerstin Testsson är inte tjänstgörande vid § ' + matterParagraph.number + ' och kan inte rösta' });
      await world.secretary.post(`/votes/${voteId}/ballots`, { ballots: [{ personId: person('hakan'), choice: 'yes' }, { personId: person('hakan'), choice: 'no' }] }).expect(400);
      await world.secretary.post(`/votes/${voteId}/ballots`, { ballots: [{ personId: person('hakan'), choice: 'yes' }, { personId: person('anna'), choice: 'yes' }, { personId: person('erik'), choice: 'no' }] }).expect(201);
      expect((await world.secretary.post(`/votes/${voteId}/ballots`, { ballots: [{ personId: person('hakan'), choice: 'no' }] }).expect(409)).body.error).toBe('ALREADY_VOTED');
      expect((await world.secretary.post(`/votes/${voteId}/close`, {}).expect(409)).body.error).toBe('BALLOTS_MISSING');
      await world.secretary.post(`/votes/${voteId}/ballots`, { ballots: [{ personId: person('maria'), choice: 'no' }, { personId: person('karin'), choice: 'abstain' }] }).expect(201);
      // The casting vote is the chair's own ballot (Ja): a Nej contradicting it is refused.
      expect((await world.secretary.post(`/votes/${voteId}/close`, { castingVote: 'no' }).expect(400)).body.error).toBe('CASTING_VOTE_CONTRADICTS_BALLOT');
      const closed = (await world.secretary.post(`/votes/${voteId}/close`, { castingVote: 'yes' }).expect(200)).body;
      expect(closed.votes[0]).toMatchObject({ status: 'closed', yes: 2, no: 2, abstain: 1, result: 'yes' });
      const decided = (await world.secretary.post(`/paragraphs/${id}/decision`, {}).expect(200)).body;
      expect(decided.decision).toEqual(['Nämnden beslutar enligt förvaltningens förslag i ärendet Taxa för tillsyn 2026.']);
      expect(decided.decisionProcedure.join(' ')).toContain('Då rösterna är lika avgör ordförandens utslagsröst. Ordföranden Hakan Testsson (M) röstar ja.');
      expect((await world.secretary.post(`/paragraphs/${id}/decision`, {}).expect(409)).body.error).toBe('PARAGRAPH_DECIDED');
    });

    it('takes dissents only from members who took part, once each', async () => {
      const id = matterParagraph.id;
      expect((await world.secretary.post(`/paragraphs/${id}/dissents`, { personId: person('kerstin') }).expect(409)).body.error).toBe('NOT_SERVING');
      // Entered after the meeting from the secretary's notes: announced at the meeting, before it ended.
      const dissented = (await world.secretary.post(`/paragraphs/${id}/dissents`, { personId: person('erik'), announcedAt: '2026-03-30T15:45:00+02:00' }).expect(201)).body;
      expect(dissented.dissents).toEqual([expect.objectContaining({ personId: person('erik'), reasons: null })]);
      expect((await world.secretary.post(`/paragraphs/${id}/dissents`, { personId: person('erik'), reasons: 'Igen' }).expect(409)).body.error).toBe('DISSENT_EXISTS');
      const erik = await world.user('erik');
      const reasons = (await erik.patch(`/dissents/${dissented.dissents[0].id}`, { reasons: 'Taxan drabbar småföretagen.' }).expect(200)).body;
      expect(reasons.dissents[0].reasons).toBe('Taxan drabbar småföretagen.');
      await (await world.user('maria')).patch(`/dissents/${dissented.dissents[0].id}`, { reasons: 'Inte min' }).expect(403);
      await world.secretary.post(`/paragraphs/${id}/notes`, { personId: person('karin'), text: 'SD vill se en konsekvensanalys.', chairPermission: false }).expect(400);
      await world.secretary.post(`/paragraphs/${id}/notes`, { personId: person('karin'), text: 'SD vill se en konsekvensanalys.', chairPermission: true }).expect(201);
    });

    it('verifies the matter at the meeting (omedelbar justering): locked, posted on its own and its history written', async () => {
      const id = matterParagraph.id;
      const { currentContentSha256 } = await paragraph(id);
      await world.secretary.post(`/paragraphs/${id}/approvals`, { contentSha256: currentContentSha256 }).expect(403);
      expect((await chair.post(`/paragraphs/${id}/approvals`, { contentSha256: currentContentSha256 }).expect(409)).body.error).toBe('VERIFIERS_MISSING');
      await world.secretary.patch(`/minutes/${minutes.id}`, { verifierPersonIds: [person('hakan')] }).expect(400);
      await world.secretary.patch(`/minutes/${minutes.id}`, { verifierPersonIds: [person('kerstin')] }).expect(400);
      await world.secretary.patch(`/minutes/${minutes.id}`, { verifierPersonIds: [person('anna')], verificationPlace: 'Socialförvaltningen', verificationAt: '2026-04-02T10:00:00+02:00' }).expect(200);
      const sha = (await paragraph(id)).currentContentSha256;
      await chair.post(`/paragraphs/${id}/approvals`, { contentSha256: sha }).expect(201);
      expect((await chair.post(`/paragraphs/${id}/approvals`, { contentSha256: sha }).expect(409)).body.error).toBe('ALREADY_APPROVED');
      const locked = (await verifier.post(`/paragraphs/${id}/approvals`, { contentSha256: sha }).expect(201)).body;
      expect(locked).toMatchObject({ approvedAtMeeting: true, currentContentSha256: sha });
      expect(locked.lockedAt).not.toBeNull();
      expect((await world.secretary.patch(`/paragraphs/${id}`, { description: 'Ändrad' }).expect(409)).body.error).toBe('PARAGRAPH_LOCKED');
      const postings = (await world.secretary.get(`/minutes/${minutes.id}/postings`).expect(200)).body;
      expect(postings).toEqual([expect.objectContaining({ paragraphId: id, paragraphs: `§ ${matterParagraph.number}`, verifiedOn: '2026-03-30', postedOn: '2026-03-30', lastAppealDay: '2026-04-20', takenDownOn: '2026-04-21' })]);
      expect(postings[0].fileSha256).toMatch(/^[0-9a-f]{64}$/);
      const extract = await world.secretary.get(`/paragraphs/${id}/extract`).buffer(true).parse(binaryParser).expect(200);
      expect((await readDocx(extract.body)).text).toContain('Omedelbart justerad');
      const events = (await world.secretary.get(`/matters/${matter.matterId}/events`).expect(200)).body;
      expect(events.map((event: { summary: string }) => event.summary)).toContain(`Beslutat i Social- och utbildningsnämnden 2026-03-30 § ${matterParagraph.number}`);
      expect((await world.secretary.get(`/matters/${matter.matterId}`).expect(200)).body.status).toBe('decided');
    });

    it('refuses a decision while fewer than half of the seats are filled', async () => {
      const later = minutes.paragraphs.filter((item) => item.number > matterParagraph.number);
      const leaving = { toParagraph: matterParagraph.number };
      const rewritesDecided = await world.secretary.put(`/minutes/${minutes.id}/attendance`, {
        attendees: [
          ...['hakan', 'anna', 'maria', 'karin'].map((key) => ({ personId: person(key), capacity: 'member' })),
          { personId: person('erik'), capacity: 'member', fromParagraph: matterParagraph.number + 1 },
        ],
      }).expect(409);
      expect(rewritesDecided.body).toMatchObject({ error: 'ATTENDANCE_OF_DECIDED', message: expect.stringContaining(`§ ${matterParagraph.number}`) });
      await world.secretary.put(`/minutes/${minutes.id}/attendance`, {
        attendees: [
          { personId: person('hakan'), capacity: 'member' },
          { personId: person('anna'), capacity: 'member' },
          ...['erik', 'maria', 'karin'].map((key) => ({ personId: person(key), capacity: 'member', ...leaving })),
          { personId: person('kerstin'), capacity: 'substitute' },
          { name: 'Rita Österholm', title: 'Nämndsekreterare', capacity: 'official' },
        ],
      }).expect(200);
      const refused = await world.secretary.post(`/paragraphs/${later[0].id}/decision`, { decision: ['Meddelandena läggs till handlingarna.'] }).expect(409);
      expect(refused.body).toMatchObject({ error: 'NO_QUORUM', message: `Social- och utbildningsnämnden är inte beslutför vid § ${later[0].number}: 2 av 5 ledamöter tjänstgör, och mer än hälften krävs` });
      expect((await paragraph(later[0].id)).status).toBe('open');
      const backInSeat = await world.secretary.put(`/minutes/${minutes.id}/attendance`, {
        attendees: [
          { personId: person('hakan'), capacity: 'member' },
          { personId: person('anna'), capacity: 'member' },
          ...['erik', 'maria'].map((key) => ({ personId: person(key), capacity: 'member', ...leaving })),
          { personId: person('karin'), capacity: 'member' },
          { personId: person('kerstin'), capacity: 'substitute', ...leaving },
          { personId: person('kerstin'), capacity: 'serving_substitute', replacesPersonId: person('erik'), fromParagraph: later[0].number },
          { name: 'Rita Österholm', title: 'Nämndsekreterare', capacity: 'official' },
        ],
      }).expect(200);
      expect(backInSeat.body.paragraphs.find((item: ParagraphBody) => item.id === later[0].id)).toMatchObject({ serving: 4, quorum: true });
    });

    it('reminds the chair and the verifier two working days before the deadline', async () => {
      const [job]: { id: string; run_at: Date; status: string }[] = await testApp.dataSource.query(`SELECT id, run_at, status FROM outbox_jobs WHERE idempotency_key = $1`, [`minutes-reminder:${minutes.id}`]);
      // The deadline is Monday 13 April; two working days before is Thursday 9 April, at 08:00 in Sweden.
      expect(job).toMatchObject({ run_at: new Date('2026-04-09T06:00:00Z'), status: 'pending' });
      const reminder = new MinutesReminder(testApp.dataSource, testApp.app.get(MinutesReader), testApp.app.get(DeliveryService), testApp.app.get(OutboxService));
      expect(await reminder.remind(job.id)).toBe('sent');
      const reminded: { person_id: string; recipient_role: string }[] = await testApp.dataSource.query(
        `SELECT person_id, recipient_role FROM mail_deliveries WHERE subject_id = $1 AND purpose = 'minutes_reminder' ORDER BY recipient_role`,
        [minutes.id],
      );
      expect(reminded).toEqual([
        { person_id: person('hakan'), recipient_role: 'chair' },
        { person_id: person('anna'), recipient_role: 'verifier' },
      ]);
      expect(await reminder.remind(job.id)).toBe('skipped');
    });

    it('voids an approval when the minutes change, locks them when the chair and verifier approve the same content, and refuses every write after', async () => {
      clock.current = new Date('2026-04-02T08:00:00Z');
      await decideAll(minutes);
      const before = (await world.secretary.get(`/minutes/${minutes.id}`).expect(200)).body;
      await chair.post(`/minutes/${minutes.id}/approvals`, { contentSha256: before.currentContentSha256 }).expect(201);
      expect((await chair.post(`/minutes/${minutes.id}/approvals`, { contentSha256: before.currentContentSha256 }).expect(409)).body.error).toBe('ALREADY_APPROVED');
      expect((await world.secretary.post(`/minutes/${minutes.id}/approvals`, { contentSha256: before.currentContentSha256 }).expect(403)).body.message).toBe(
        'Bara ordföranden och de utsedda justerarna kan justera protokollet',
      );
      const last = minutes.paragraphs[minutes.paragraphs.length - 1];
      await world.secretary.patch(`/paragraphs/${last.id}`, { description: 'Ett tillägg efter ordförandens justering.' }).expect(200);
      const changed = (await world.secretary.get(`/minutes/${minutes.id}`).expect(200)).body;
      expect(changed.currentContentSha256).not.toBe(before.currentContentSha256);
      expect(changed.approvals.filter((approval: { paragraphId: string | null }) => approval.paragraphId === null)).toEqual([expect.objectContaining({ personId: person('hakan'), valid: false })]);
      expect(changed.approvals.filter((approval: { paragraphId: string | null }) => approval.paragraphId !== null).map((approval: { valid: boolean }) => approval.valid)).toEqual([true, true]);
      expect(changed.approvers.map((approver: { approved: boolean }) => approver.approved)).toEqual([false, false]);
      expect((await verifier.post(`/minutes/${minutes.id}/approvals`, { contentSha256: before.currentContentSha256 }).expect(409)).body.error).toBe('CONTENT_CHANGED');
      await verifier.post(`/minutes/${minutes.id}/approvals`, { contentSha256: changed.currentContentSha256 }).expect(201);
      expect((await world.secretary.get(`/minutes/${minutes.id}`).expect(200)).body.status).toBe('draft');
      const verified = (await chair.post(`/minutes/${minutes.id}/approvals`, { contentSha256: changed.currentContentSha256 }).expect(201)).body;
      expect(verified).toMatchObject({ status: 'verified', contentSha256: changed.currentContentSha256 });
      // Both signed in with e-mail and password: each approval records it.
      const holding = verified.approvals.filter((approval: { paragraphId: string | null; valid: boolean }) => approval.paragraphId === null && approval.valid);
      expect(holding).toHaveLength(2);
      expect(holding).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ personId: person('hakan'), authMethod: 'password', authProviderName: null }),
          expect.objectContaining({ personId: person('anna'), authMethod: 'password', authProviderName: null }),
        ]),
      );

      expect((await world.secretary.patch(`/paragraphs/${last.id}`, { description: 'Efteråt' }).expect(409)).body.error).toBe('MINUTES_LOCKED');
      expect((await world.secretary.patch(`/minutes/${minutes.id}`, { storagePlace: 'Annanstans' }).expect(409)).body.error).toBe('MINUTES_LOCKED');
      expect((await world.secretary.put(`/minutes/${minutes.id}/attendance`, { attendees: [] }).expect(409)).body.error).toBe('MINUTES_LOCKED');
      expect((await verifier.post(`/minutes/${minutes.id}/approvals`, { contentSha256: changed.currentContentSha256 }).expect(409)).body.error).toBe('MINUTES_LOCKED');
      await expect(testApp.dataSource.query(`UPDATE minutes_paragraphs SET title = 'Förfalskad' WHERE id = $1`, [last.id])).rejects.toThrow(/verified and cannot change/);
      await expect(testApp.dataSource.query(`DELETE FROM minutes_attendees WHERE minutes_id = $1`, [minutes.id])).rejects.toThrow(/verified and cannot change/);
      expect((await world.secretary.get(`/minutes/${minutes.id}`).expect(200)).body.currentContentSha256).toBe(changed.currentContentSha256);
    });

    it('posts the verified minutes on the notice board for three weeks, past Easter, and takes them down only after', async () => {
      const postings = (await world.secretary.get(`/minutes/${minutes.id}/postings`).expect(200)).body;
      const whole = postings.find((posting: { paragraphId: string | null }) => posting.paragraphId === null);
      // Verified on Thursday 2 April 2026, the day before Good Friday: up the same day, 23 April is the last day to appeal.
      expect(whole).toMatchObject({ verifiedOn: '2026-04-02', postedOn: '2026-04-02', lastAppealDay: '2026-04-23', takenDownOn: '2026-04-24', status: 'scheduled', storagePlace: 'Socialförvaltningens kansli' });
      const jobs: { id: string; kind: string; run_at: Date }[] = await testApp.dataSource.query(
        `SELECT id, kind, run_at FROM outbox_jobs WHERE payload->>'postingId' = $1 ORDER BY kind`,
        [whole.id],
      );
      expect(jobs.map((job) => [job.kind, job.run_at.toISOString()])).toEqual([
        ['posting.publish', '2026-04-02T08:00:00.000Z'],
        ['posting.remove', '2026-04-23T22:00:00.000Z'],
      ]);
      const postingsService = testApp.app.get(PostingService);
      await postingsService.run(jobs[0].id, 'publish');
      const code = (await testApp.dataSource.query(`SELECT code FROM municipalities WHERE id = $1`, [tenant.municipalityId]))[0].code;
      const board = await testApp.http().get(`/anslagstavla/${code}`).expect(200);
      expect(board.text).toContain('23 april 2026');
      expect(board.text).toContain(whole.paragraphs);
      const published = await testApp.http().get(`/anslagstavla/${code}/anslag/${whole.id}/protokoll.docx`).buffer(true).parse(binaryParser).expect(200);
      const publishedText = (await readDocx(published.body)).text;
      expect(publishedText).toContain('Taxa för tillsyn 2026');
      expect(publishedText).not.toContain('Placering av barn');
      clock.current = new Date('2026-04-23T21:59:00Z');
      await expect(postingsService.run(jobs[1].id, 'remove')).rejects.toThrow('may not come down before 2026-04-24');
      clock.current = new Date('2026-04-23T22:00:00Z');
      await postingsService.run(jobs[1].id, 'remove');
      expect((await world.secretary.get(`/postings/${whole.id}`).expect(200)).body.status).toBe('down');
      expect((await testApp.http().get(`/anslagstavla/${code}`).expect(200)).text).not.toContain(whole.paragraphs);
    });

    it('renders the verified minutes with the vote, the dissent and the posting', async () => {
      const file = await world.secretary.get(`/minutes/${minutes.id}/docx`).buffer(true).parse(binaryParser).expect(200);
      const text = (await readDocx(file.body)).text;
      for (const expected of ['Placering av barn', 'Omröstning', 'Reservation', 'Taxan drabbar småföretagen.', 'Protokollsanteckning', 'Omedelbart justerad', 'ANSLAG/BEVIS', 'Socialförvaltningens kansli']) {
        expect(text).toContain(expected);
      }
      expect(text).not.toContain('UTKAST');
    });
  });

  it('keeps minnesanteckningar for a råd: no motions or votes, no quorum, completed by the secretary and never posted', async () => {
    clock.current = new Date('2026-05-04T09:00:00Z');
    const council = await tenant.organ({ name: 'Pensionärsrådet', kind: 'advisory_council', rules: { recordKind: 'notes', verification: 'none', postMinutesOnNoticeBoard: false } });
    await tenant.seat({ personId: person('maria'), organId: council, role: 'member', position: 'chair', party: 'S' });
    const meetingId = (await world.admin.post('/meetings', { organId: council, startsAt: '2026-05-11T10:00:00+02:00', endsAt: '2026-05-11T12:00:00+02:00', place: 'Träffpunkten' }).expect(201)).body.id;
    await tenant.run((ctx) => testApp.app.get(NoticeService).recordSent(ctx, meetingId, { finalizedAt: clock.now(), dispatchedAt: clock.now() }));
    clock.current = new Date('2026-05-11T10:30:00Z');
    await world.admin.post(`/meetings/${meetingId}/held`).expect(200);
    const notes = (await world.admin.post(`/meetings/${meetingId}/minutes`).expect(201)).body;
    expect(notes).toMatchObject({ kind: 'notes', paragraphRange: '§§ 1–5' });
    expect((await world.admin.patch(`/minutes/${notes.id}`, { verifierPersonIds: [person('maria')] }).expect(400)).body.error).toBe('NO_VERIFIERS');
    const first = notes.paragraphs[0].id;
    expect((await world.admin.post(`/paragraphs/${first}/motions`, { personId: person('maria'), kind: 'rejection' }).expect(409)).body.error).toBe('NOTES_DO_NOT_DECIDE');
    expect((await world.admin.post(`/minutes/${notes.id}/completion`).expect(409)).body.error).toBe('PARAGRAPHS_UNDECIDED');
    for (const item of notes.paragraphs) await world.admin.post(`/paragraphs/${item.id}/decision`, { decision: ['Rådet tar del av informationen.'] }).expect(200);
    const sha = (await world.admin.get(`/minutes/${notes.id}`).expect(200)).body.currentContentSha256;
    expect((await (await world.user('maria')).post(`/minutes/${notes.id}/approvals`, { contentSha256: sha }).expect(409)).body.error).toBe('NOTES_NOT_VERIFIED');
    const completed = (await world.admin.post(`/minutes/${notes.id}/completion`).expect(200)).body;
    expect(completed).toMatchObject({ status: 'completed', contentSha256: sha });
    expect((await world.admin.patch(`/paragraphs/${first}`, { description: 'Sent' }).expect(409)).body.error).toBe('MINUTES_LOCKED');
    expect((await world.admin.get(`/minutes/${notes.id}/postings`).expect(200)).body).toEqual([]);
    const text = (await readDocx((await world.admin.get(`/minutes/${notes.id}/docx`).buffer(true).parse(binaryParser).expect(200)).body)).text;
    expect(text).toContain('Minnesanteckningar');
    expect(text).toContain('Rådet tar del av informationen.');
    expect(text).not.toContain('ANSLAG');
    expect(text).not.toContain('Omröstning');
  });

  it("makes the utskott's verified decision the proposal of the nämnd's item it prepared", async () => {
    clock.current = new Date('2026-06-01T09:00:00Z');
    const utskott = await tenant.organ({ name: 'Socialnämndens arbetsutskott', shortName: 'AU', kind: 'subcommittee', parentOrganId: world.organId });
    await tenant.seat({ personId: person('hakan'), organId: utskott, role: 'member', position: 'chair', party: 'M' });
    await tenant.seat({ personId: person('anna'), organId: utskott, role: 'member', party: 'S' });
    await tenant.seat({ personId: person('karin'), organId: utskott, role: 'member', party: 'SD' });
    const matter = await world.signedMatter('Riktlinjer för försörjningsstöd');
    const auMeeting = (await world.admin.post('/meetings', { organId: utskott, startsAt: '2026-06-08T09:00:00+02:00', endsAt: '2026-06-08T11:00:00+02:00', place: 'Lilla salen' }).expect(201)).body.id;
    await world.admin.post(`/meetings/${auMeeting}/agenda-items`, { kind: 'matter', matterId: matter.matterId }).expect(201);
    await tenant.run((ctx) => testApp.app.get(NoticeService).recordSent(ctx, auMeeting, { finalizedAt: clock.now(), dispatchedAt: clock.now() }));
    const board = await world.meeting('2026-06-22T14:00:00+02:00', '2026-06-22T16:00:00+02:00');
    const boardItem = (await world.secretary.post(`/meetings/${board}/agenda-items`, { kind: 'matter', matterId: matter.matterId }).expect(201)).body;
    expect(boardItem.proposal).toEqual(['Nämnden beslutar enligt förvaltningens förslag i ärendet Riktlinjer för försörjningsstöd.']);

    clock.current = new Date('2026-06-08T09:30:00Z');
    await world.admin.post(`/meetings/${auMeeting}/held`).expect(200);
    const au = (await world.admin.post(`/meetings/${auMeeting}/minutes`).expect(201)).body;
    const auParagraph = au.paragraphs.find((item: ParagraphBody) => item.title === 'Riktlinjer för försörjningsstöd');
    const proposal = ['Arbetsutskottet föreslår nämnden att anta riktlinjerna.', 'Riktlinjerna gäller från den 1 augusti 2026.'];
    for (const item of au.paragraphs) {
      await world.admin.post(`/paragraphs/${item.id}/decision`, { decision: item.id === auParagraph.id ? proposal : ['Noteras.'] }).expect(200);
    }
    await world.admin.patch(`/minutes/${au.id}`, { verifierPersonIds: [person('anna')] }).expect(200);
    const sha = (await world.admin.get(`/minutes/${au.id}`).expect(200)).body.currentContentSha256;
    await chair.post(`/minutes/${au.id}/approvals`, { contentSha256: sha }).expect(201);
    expect((await verifier.post(`/minutes/${au.id}/approvals`, { contentSha256: sha }).expect(201)).body.status).toBe('verified');
    const matterAfterUtskott = (await world.secretary.get(`/matters/${matter.matterId}`).expect(200)).body;
    expect(matterAfterUtskott.status).not.toBe('decided');

    const items = (await world.secretary.get(`/meetings/${board}/agenda-items`).expect(200)).body;
    expect(items.find((item: { id: string }) => item.id === boardItem.id).proposal).toEqual(proposal);

    await tenant.run((ctx) => testApp.app.get(NoticeService).recordSent(ctx, board, { finalizedAt: clock.now(), dispatchedAt: clock.now() }));
    clock.current = new Date('2026-06-22T14:30:00Z');
    await world.secretary.post(`/meetings/${board}/held`).expect(200);
    const boardMinutes = (await world.secretary.post(`/meetings/${board}/minutes`).expect(201)).body;
    const boardParagraph = boardMinutes.paragraphs.find((item: ParagraphBody) => item.title === 'Riktlinjer för försörjningsstöd');
    expect(boardParagraph).toMatchObject({ proposal, proposalLabel: 'utskottets förslag', preparedIn: `AU § ${auParagraph.number}` });
  });

  it("announces fullmäktige's meetings on the notice board from the day the notice goes out until the day after, and withdraws it when cancelled", async () => {
    clock.current = new Date('2026-09-01T09:00:00Z');
    const council = await tenant.organ({ name: 'Kommunfullmäktige', shortName: 'KF', kind: 'council', responsibleDepartmentId: tenant.departmentId });
    await tenant.seat({ personId: person('hakan'), organId: council, role: 'member', position: 'chair', party: 'M' });
    const kf = world.as((await tenant.user([{ role: 'secretary', organId: council }])).token);
    const budget = await world.signedMatter('Budget 2027', council, { organId: council });
    const secret = await world.signedMatter('Ansvarsfrihet i skyddat ärende', council, { organId: council, secret: true, secrecyProvision: 'OSL 21 kap. 1 §' });
    const meetingId = (await kf.post('/meetings', { organId: council, startsAt: '2026-09-21T18:00:00+02:00', endsAt: '2026-09-21T22:00:00+02:00', place: 'Fullmäktigesalen' }).expect(201)).body.id;
    for (const matterId of [budget.matterId, secret.matterId]) await kf.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId }).expect(201);
    await kf.post(`/meetings/${meetingId}/notices`).expect(201);
    const announcements = () => testApp.dataSource.query(`SELECT id, status, posted_on::text, taken_down_on::text, announcement FROM postings WHERE meeting_id = $1 AND kind = 'meeting_notice'`, [meetingId]);
    const [posting] = await announcements();
    expect(posting).toMatchObject({ status: 'scheduled', posted_on: '2026-09-14', taken_down_on: '2026-09-22' });
    expect(posting.announcement).toMatchObject({ place: 'Fullmäktigesalen', cancelled: false });
    expect(posting.announcement.items.map((item: { title: string }) => item.title)).toEqual(expect.arrayContaining(['Budget 2027', 'Sekretessärende']));
    expect(JSON.stringify(posting.announcement)).not.toContain('Ansvarsfrihet');
    const jobs: { id: string; kind: string; run_at: Date; status: string }[] = await testApp.dataSource.query(`SELECT id, kind, run_at, status FROM outbox_jobs WHERE payload->>'postingId' = $1 ORDER BY kind`, [posting.id]);
    expect(jobs.map((job) => [job.kind, job.run_at.toISOString()])).toEqual([
      ['posting.publish', '2026-09-14T06:00:00.000Z'],
      ['posting.remove', '2026-09-21T22:00:00.000Z'],
    ]);

    await kf.patch(`/meetings/${meetingId}`, { place: 'Folkets hus', startsAt: '2026-09-28T18:00:00+02:00', endsAt: '2026-09-28T22:00:00+02:00' }).expect(200);
    const [moved] = await announcements();
    expect(moved).toMatchObject({ id: posting.id, posted_on: '2026-09-21', taken_down_on: '2026-09-29' });
    expect(moved.announcement.place).toBe('Folkets hus');
    const pending: { kind: string; run_at: Date }[] = await testApp.dataSource.query(`SELECT kind, run_at FROM outbox_jobs WHERE payload->>'postingId' = $1 AND status = 'pending' ORDER BY kind`, [posting.id]);
    expect(pending.map((job) => [job.kind, job.run_at.toISOString()])).toEqual([
      ['posting.publish', '2026-09-21T06:00:00.000Z'],
      ['posting.remove', '2026-09-28T22:00:00.000Z'],
    ]);

    const publish: { id: string }[] = await testApp.dataSource.query(`SELECT id FROM outbox_jobs WHERE payload->>'postingId' = $1 AND kind = 'posting.publish' AND status = 'pending'`, [posting.id]);
    clock.current = new Date('2026-09-21T06:00:00Z');
    await testApp.app.get(PostingService).run(publish[0].id, 'publish');
    const code = (await testApp.dataSource.query(`SELECT code FROM municipalities WHERE id = $1`, [tenant.municipalityId]))[0].code;
    const board = (await testApp.http().get(`/anslagstavla/${code}`).expect(200)).text;
    expect(board).toContain('Kungörelse – Kommunfullmäktige sammanträder 28 september 2026');
    expect(board).toContain('Folkets hus');
    expect(board).toContain('Budget 2027');
    expect(board).not.toContain('Ansvarsfrihet');

    await kf.post(`/meetings/${meetingId}/cancellation`, { reason: 'Budgeten bereds vidare i kommunstyrelsen' }).expect(201);
    const cancelledBoard = (await testApp.http().get(`/anslagstavla/${code}`).expect(200)).text;
    expect(cancelledBoard).toContain('<p class="cancelled">Sammanträdet är inställt. Skäl: Budgeten bereds vidare i kommunstyrelsen');

    const cancelledBeforeNotice = (await kf.post('/meetings', { organId: council, startsAt: '2026-10-26T18:00:00+01:00', endsAt: '2026-10-26T22:00:00+01:00', place: 'Fullmäktigesalen' }).expect(201)).body.id;
    await kf.post(`/meetings/${cancelledBeforeNotice}/agenda-items`, { kind: 'information', title: 'Information om delårsrapporten' }).expect(201);
    await kf.post(`/meetings/${cancelledBeforeNotice}/notices`).expect(201);
    await kf.post(`/meetings/${cancelledBeforeNotice}/cancellation`, { reason: 'Inga ärenden är beredda' }).expect(201);
    const [withdrawn] = await testApp.dataSource.query(`SELECT id, status, posted_at FROM postings WHERE meeting_id = $1`, [cancelledBeforeNotice]);
    expect(withdrawn).toMatchObject({ status: 'down', posted_at: null });
    const left: { status: string }[] = await testApp.dataSource.query(`SELECT status FROM outbox_jobs WHERE payload->>'postingId' = $1`, [withdrawn.id]);
    expect(left.map((job) => job.status)).toEqual(['cancelled', 'cancelled']);
  });

  it("has fullmäktige's minutes verified by the chair and two verifiers unless its rules say more", async () => {
    clock.current = new Date('2026-09-01T09:00:00Z');
    const council = await tenant.organ({ name: 'Kommunfullmäktige i justeringsprov', shortName: 'KFJ', kind: 'council', responsibleDepartmentId: tenant.departmentId });
    await tenant.seat({ personId: person('hakan'), organId: council, role: 'member', position: 'chair', party: 'M' });
    for (const key of ['anna', 'erik', 'maria']) await tenant.seat({ personId: person(key), organId: council, role: 'member', party: 'S' });
    const kf = world.as((await tenant.user([{ role: 'secretary', organId: council }])).token);
    const meetingId = (await kf.post('/meetings', { organId: council, startsAt: '2026-09-14T18:00:00+02:00', endsAt: '2026-09-14T20:00:00+02:00', place: 'Fullmäktigesalen' }).expect(201)).body.id;
    await kf.post(`/meetings/${meetingId}/agenda-items`, { kind: 'information', title: 'Information om delårsrapporten' }).expect(201);
    await tenant.run((ctx) => testApp.app.get(NoticeService).recordSent(ctx, meetingId, { finalizedAt: clock.now(), dispatchedAt: clock.now() }));
    clock.current = new Date('2026-09-14T18:30:00Z');
    await kf.post(`/meetings/${meetingId}/held`).expect(200);
    const minutes = (await kf.post(`/meetings/${meetingId}/minutes`).expect(201)).body;
    const one = await kf.patch(`/minutes/${minutes.id}`, { verifierPersonIds: [person('anna')] }).expect(400);
    expect(one.body).toMatchObject({ error: 'VERIFIER_COUNT', message: 'Kommunfullmäktige i justeringsprov ska utse 2 justerare' });
    await kf.patch(`/minutes/${minutes.id}`, { verifierPersonIds: [person('anna'), person('erik')] }).expect(200);
  });

  it("puts fullmäktige's kungörelse up a week before the meeting day even where the council's notice is set to go out later", async () => {
    clock.current = new Date('2026-09-01T09:00:00Z');
    const council = await tenant.organ({ name: 'Kommunfullmäktige med kort kallelsetid', shortName: 'KFK', kind: 'council', responsibleDepartmentId: tenant.departmentId });
    // Rules stored before the register refused a council's notice later than a week before.
    await testApp.dataSource.query(`UPDATE organs SET rules_notice_lead_days = 3 WHERE id = $1`, [council]);
    const kf = world.as((await tenant.user([{ role: 'secretary', organId: council }])).token);
    const meetingId = (await kf.post('/meetings', { organId: council, startsAt: '2026-10-12T18:00:00+02:00', endsAt: '2026-10-12T22:00:00+02:00', place: 'Fullmäktigesalen' }).expect(201)).body.id;
    await kf.post(`/meetings/${meetingId}/agenda-items`, { kind: 'information', title: 'Information om budgetprocessen' }).expect(201);
    const notice = (await kf.post(`/meetings/${meetingId}/notices`).expect(201)).body;
    expect(notice.dispatchAt).toBe('2026-10-09T06:00:00.000Z');
    const [posting] = await testApp.dataSource.query(`SELECT id, posted_on::text, taken_down_on::text FROM postings WHERE meeting_id = $1 AND kind = 'meeting_notice'`, [meetingId]);
    expect(posting).toMatchObject({ posted_on: '2026-10-05', taken_down_on: '2026-10-13' });
    const [publish]: { run_at: Date }[] = await testApp.dataSource.query(`SELECT run_at FROM outbox_jobs WHERE payload->>'postingId' = $1 AND kind = 'posting.publish' AND status = 'pending'`, [posting.id]);
    expect(publish.run_at.toISOString()).toBe('2026-10-04T22:00:00.000Z');
  });
});
