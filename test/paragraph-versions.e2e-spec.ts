import { NoticeService } from '@namndrum/meetings';
import { createTenant, Tenant } from './factories/tenant.factory';
import { MeetingWorld, meetingWorld, TestClock } from './support/meeting-fixture';
import { createTestApp, TestApp } from './support/test-app';

interface ParagraphBody {
  id: string;
  version: number;
  decision: string[];
  servingMembers: { personId: string; name: string; party: string | null; seatPersonId: string; substitute: boolean }[];
  standbySubstitutes: { personId: string; name: string }[];
  disqualifications: { personId: string; substitutePersonId: string | null; substituteName: string | null }[];
}

/**
 * The paragraph as two tabs (or two secretaries) edit it at once: a change made on a version read
 * before another change is refused, and who serves at the paragraph is told seat by seat.
 */
describe('minutes: paragraph versions and who serves', () => {
  const clock = new TestClock();
  let testApp: TestApp;
  let tenant: Tenant;
  let world: MeetingWorld;
  let paragraph: ParagraphBody;
  const person = (key: string) => world.people[key].personId;

  beforeAll(async () => {
    testApp = await createTestApp([], { clock });
    tenant = await createTenant(testApp, 'Versionskommun');
    world = await meetingWorld(testApp, tenant);
    clock.current = new Date('2026-03-20T09:00:00Z');
    const matter = await world.signedMatter('Taxa för tillsyn 2026');
    const meetingId = await world.meeting('2026-03-30T14:00:00+02:00', '2026-03-30T16:00:00+02:00');
    await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId: matter.matterId }).expect(201);
    await tenant.run((ctx) => testApp.app.get(NoticeService).recordSent(ctx, meetingId, { finalizedAt: clock.now(), dispatchedAt: clock.now() }));
    clock.current = new Date('2026-03-30T16:05:00+02:00');
    await world.secretary.post(`/meetings/${meetingId}/held`).expect(200);
    const minutes = (await world.secretary.post(`/meetings/${meetingId}/minutes`).expect(201)).body;
    paragraph = minutes.paragraphs.find((item: { title: string }) => item.title === 'Taxa för tillsyn 2026');
    await world.secretary.put(`/minutes/${minutes.id}/attendance`, {
      attendees: [
        ...['hakan', 'anna', 'erik', 'maria', 'karin'].map((key) => ({ personId: person(key), capacity: 'member' })),
        { personId: person('kerstin'), capacity: 'substitute' },
      ],
    }).expect(200);
  }, 60_000);

  afterAll(async () => {
    clock.current = null;
    await testApp?.close();
  });

  it('refuses a decision text written on a version another tab has changed since, and keeps the other text', async () => {
    const read = (await world.secretary.get(`/paragraphs/${paragraph.id}`).expect(200)).body as ParagraphBody;
    const first = (await world.secretary.patch(`/paragraphs/${paragraph.id}`, { decision: ['Taxan fastställs.'], expectedVersion: read.version }).expect(200)).body as ParagraphBody;
    expect(first.version).toBe(read.version + 1);
    const stale = await world.secretary.patch(`/paragraphs/${paragraph.id}`, { decision: ['Taxan fastställs inte.'], expectedVersion: read.version }).expect(409);
    expect(stale.body).toMatchObject({ error: 'STALE_PARAGRAPH', details: [{ field: 'expectedVersion' }] });
    expect(stale.body.message).toContain('har ändrats sedan du läste den');
    const now = (await world.secretary.get(`/paragraphs/${paragraph.id}`).expect(200)).body as ParagraphBody;
    expect(now).toMatchObject({ decision: ['Taxan fastställs.'], version: first.version });
    const kept = (await world.secretary.patch(`/paragraphs/${paragraph.id}`, { decision: ['Taxan fastställs inte.'], expectedVersion: now.version }).expect(200)).body as ParagraphBody;
    expect(kept.decision).toEqual(['Taxan fastställs inte.']);
  });

  it('lists the members serving at the paragraph and the substitute who takes a disqualified member’s seat', async () => {
    const before = (await world.secretary.get(`/paragraphs/${paragraph.id}`).expect(200)).body as ParagraphBody;
    expect(before.servingMembers.map((seat) => seat.personId).sort()).toEqual(['hakan', 'anna', 'erik', 'maria', 'karin'].map(person).sort());
    expect(before.servingMembers.find((seat) => seat.personId === person('karin'))).toMatchObject({ name: 'Karin Testsson', party: 'SD', substitute: false });
    expect(before.standbySubstitutes).toEqual([{ personId: person('kerstin'), name: 'Kerstin Testsson', party: 'S' }]);
    const after = (await world.secretary.post(`/paragraphs/${paragraph.id}/disqualifications`, { personId: person('erik'), substitutePersonId: person('kerstin') }).expect(201)).body as ParagraphBody;
    expect(after.disqualifications).toEqual([expect.objectContaining({ personId: person('erik'), substitutePersonId: person('kerstin'), substituteName: 'Kerstin Testsson' })]);
    expect(after.servingMembers.find((seat) => seat.seatPersonId === person('erik'))).toMatchObject({ personId: person('kerstin'), substitute: true });
    expect(after.standbySubstitutes).toEqual([]);
  });
});
