import { NoticeService } from '@namndrum/meetings';
import { createTenant, Tenant } from './factories/tenant.factory';
import { MeetingWorld, meetingWorld, TestClock } from './support/meeting-fixture';
import { createTestApp, TestApp } from './support/test-app';

interface ParagraphBody {
  id: string;
  number: number;
  version: number;
  motions: { id: string; personId: string; kind: string; text: string | null; version: number }[];
  notes: { id: string; personId: string | null; text: string; version: number }[];
  votes: {
    id: string;
    status: string;
    yes: number;
    no: number;
    abstain: number;
    result: string | null;
    announced: { yes: number; no: number; abstain: number } | null;
    ballots: { personId: string; choice: string }[];
  }[];
}

/**
 * What the secretary enters while the meeting goes on, saved as it is entered: ballots cast and
 * corrected one at a time while the vote is open, a vote entered by the totals the chair announced
 * (refused, changing nothing, when the ballots do not add up to them), and the wording of motions and
 * minutes notes saved as typed without overwriting a second tab's change unseen.
 */
describe('minutes at the meeting: entered as it happens', () => {
  const clock = new TestClock();
  let testApp: TestApp;
  let tenant: Tenant;
  let world: MeetingWorld;
  let paragraphId: string;
  let voteId: string;

  const person = (key: string) => world.people[key].personId;
  const paragraph = async (): Promise<ParagraphBody> => (await world.secretary.get(`/paragraphs/${paragraphId}`).expect(200)).body;
  const choiceOf = (body: ParagraphBody, key: string) => body.votes[0].ballots.find((ballot) => ballot.personId === person(key))?.choice;

  beforeAll(async () => {
    testApp = await createTestApp([], { clock });
    tenant = await createTenant(testApp, 'Sammanträdeskommun');
    world = await meetingWorld(testApp, tenant);
    clock.current = new Date('2026-04-20T09:00:00Z');
    const matter = await world.signedMatter('Avgifter för bygglov 2026');
    const meetingId = await world.meeting('2026-04-30T14:00:00+02:00', '2026-04-30T16:00:00+02:00');
    await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId: matter.matterId }).expect(201);
    await tenant.run((ctx) => testApp.app.get(NoticeService).recordSent(ctx, meetingId, { finalizedAt: clock.now(), dispatchedAt: clock.now() }));
    clock.current = new Date('2026-04-30T14:30:00Z');
    await world.secretary.post(`/meetings/${meetingId}/held`).expect(200);
    const minutes = (await world.secretary.post(`/meetings/${meetingId}/minutes`).expect(201)).body;
    paragraphId = minutes.paragraphs.find((item: { title: string }) => item.title === 'Avgifter för bygglov 2026').id;
  }, 60_000);

  afterAll(async () => {
    clock.current = null;
    await testApp?.close();
  });

  it('saves a ballot as it is chosen and lets it be corrected while the vote is open, by serving members only', async () => {
    const moved = (await world.secretary.post(`/paragraphs/${paragraphId}/motions`, { personId: person('karin'), kind: 'rejection' }).expect(201)).body;
    await world.secretary.post(`/paragraphs/${paragraphId}/propositions`, { alternatives: ['proposal', moved.motions[0].id], chosen: 'proposal' }).expect(201);
    voteId = (await world.secretary.post(`/paragraphs/${paragraphId}/votes`, { yesAlternative: 'proposal', noAlternative: moved.motions[0].id }).expect(201)).body.votes[0].id;

    const first = (await world.secretary.put(`/votes/${voteId}/ballots`, { ballots: [{ personId: person('anna'), choice: 'no' }] }).expect(200)).body;
    expect(choiceOf(first, 'anna')).toBe('no');
    const corrected = (await world.secretary.put(`/votes/${voteId}/ballots`, { ballots: [{ personId: person('anna'), choice: 'yes' }] }).expect(200)).body;
    expect(choiceOf(corrected, 'anna')).toBe('yes');
    expect(corrected.votes[0].ballots).toHaveLength(1);

    const substitute = await world.secretary.put(`/votes/${voteId}/ballots`, { ballots: [{ personId: person('kerstin'), choice: 'no' }] }).expect(409);
    expect(substitute.body.error).toBe('NOT_SERVING');
    await world.secretary.put(`/votes/${voteId}/ballots`, { ballots: [{ personId: person('erik'), choice: 'yes' }, { personId: person('erik'), choice: 'no' }] }).expect(400);
    expect((await paragraph()).votes[0].ballots).toHaveLength(1);
  });

  it('refuses to count a vote whose ballots do not add up to the totals the chair announced, in Swedish and changing nothing, and keeps the totals once they do', async () => {
    // By party group: the S members vote Ja, everyone else Nej.
    await world.secretary.put(`/votes/${voteId}/ballots`, { ballots: ['anna', 'erik', 'maria'].map((key) => ({ personId: person(key), choice: 'yes' })) }).expect(200);
    await world.secretary.put(`/votes/${voteId}/ballots`, { ballots: ['hakan', 'karin'].map((key) => ({ personId: person(key), choice: 'no' })) }).expect(200);

    const refused = await world.secretary.post(`/votes/${voteId}/close`, { announced: { yes: 2, no: 3, abstain: 0 } }).expect(400);
    expect(refused.body).toMatchObject({
      error: 'TOTALS_MISMATCH',
      message: 'Ordförandens siffror (2 ja, 3 nej, 0 avstår) stämmer inte med rösterna som förts in (3 ja, 2 nej, 0 avstår): rätta rösterna eller siffrorna. Voteringen är inte avslutad.',
    });
    const unchanged = await paragraph();
    expect(unchanged.votes[0]).toMatchObject({ status: 'open', result: null, announced: null });

    // The exception: Maria voted Nej.
    await world.secretary.put(`/votes/${voteId}/ballots`, { ballots: [{ personId: person('maria'), choice: 'no' }] }).expect(200);
    const closed = (await world.secretary.post(`/votes/${voteId}/close`, { announced: { yes: 2, no: 3, abstain: 0 } }).expect(200)).body;
    expect(closed.votes[0]).toMatchObject({ status: 'closed', yes: 2, no: 3, abstain: 0, result: 'no', announced: { yes: 2, no: 3, abstain: 0 } });
    expect(choiceOf(closed, 'maria')).toBe('no');
    expect((await world.secretary.put(`/votes/${voteId}/ballots`, { ballots: [{ personId: person('maria'), choice: 'yes' }] }).expect(409)).body.error).toBe('VOTE_CLOSED');
  });

  it('saves the wording of a motion as it is typed, refusing a change made on an older version', async () => {
    const moved = (await world.secretary.post(`/paragraphs/${paragraphId}/motions`, { personId: person('erik'), kind: 'amendment', text: 'Avgiften' }).expect(201)).body;
    const motion = moved.motions.find((item: { kind: string }) => item.kind === 'amendment');
    const typed = (await world.secretary.patch(`/motions/${motion.id}`, { text: 'Avgiften sänks med 10 procent.', expectedVersion: motion.version }).expect(200)).body;
    const saved = typed.motions.find((item: { id: string }) => item.id === motion.id);
    expect(saved).toMatchObject({ text: 'Avgiften sänks med 10 procent.', kind: 'amendment', personId: person('erik') });
    expect(saved.version).toBeGreaterThan(motion.version);

    const stale = await world.secretary.patch(`/motions/${motion.id}`, { text: 'Text från en äldre flik.', expectedVersion: motion.version }).expect(409);
    expect(stale.body.error).toBe('STALE_MOTION');
    expect((await paragraph()).motions.find((item) => item.id === motion.id)?.text).toBe('Avgiften sänks med 10 procent.');

    const moverChanged = (await world.secretary.patch(`/motions/${motion.id}`, { personId: person('anna'), expectedVersion: saved.version }).expect(200)).body;
    expect(moverChanged.motions.find((item: { id: string }) => item.id === motion.id)).toMatchObject({ personId: person('anna'), text: 'Avgiften sänks med 10 procent.' });
    expect((await world.secretary.patch(`/motions/${motion.id}`, { personId: person('kerstin') }).expect(409)).body.error).toBe('NOT_SERVING');
    expect((await world.secretary.patch(`/motions/${motion.id}`, { text: null }).expect(400)).body.error).toBe('MOTION_TEXT_REQUIRED');
  });

  it('saves the text of a minutes note as it is typed, refusing a change made on an older version', async () => {
    const added = (await world.secretary.post(`/paragraphs/${paragraphId}/notes`, { personId: person('karin'), text: 'Karin', chairPermission: true }).expect(201)).body;
    const note = added.notes[0];
    const typed = (await world.secretary.patch(`/minutes-notes/${note.id}`, { text: 'Karin Testsson vill att det antecknas att taxan bör ses över.', expectedVersion: note.version }).expect(200)).body;
    expect(typed.notes[0]).toMatchObject({ text: 'Karin Testsson vill att det antecknas att taxan bör ses över.', personId: person('karin') });

    const stale = await world.secretary.patch(`/minutes-notes/${note.id}`, { text: 'Text från en äldre flik.', expectedVersion: note.version }).expect(409);
    expect(stale.body.error).toBe('STALE_NOTE');
    const ofOrgan = (await world.secretary.patch(`/minutes-notes/${note.id}`, { personId: null, expectedVersion: typed.notes[0].version }).expect(200)).body;
    expect(ofOrgan.notes[0]).toMatchObject({ personId: null, text: 'Karin Testsson vill att det antecknas att taxan bör ses över.' });
    await world.secretary.patch(`/minutes-notes/${note.id}`, { text: '' }).expect(400);
  });
});
