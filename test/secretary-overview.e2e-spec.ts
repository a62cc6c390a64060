import { TenantRepository } from '@namndrum/core';
import { NoticeService } from '@namndrum/meetings';
import { Posting } from '@namndrum/minutes';
import { createTenant, Tenant } from './factories/tenant.factory';
import { Api, MeetingWorld, meetingWorld, stockholmDaysFromNow, TestClock } from './support/meeting-fixture';
import { createTestApp, TestApp } from './support/test-app';

interface OverviewBody {
  today: string;
  organs: {
    organId: string;
    name: string;
    comingMeetings: { id: string; status: string; noticeDeadline: string; noticeOverdue: boolean; started: boolean; itemCount: number; notice: { status: string; dispatchAt: string; sentLate: boolean } | null }[];
    minutesToDo: { meetingId: string; minutesId: string | null; verificationDeadline: string | null; overdue: boolean }[];
    postingsUp: { id: string; takenDownOn: string; lastAppealDay: string | null }[];
    waitingMatters: { id: string; caseNumber: string; title: string; masked: boolean }[];
  }[];
}

/**
 * The start page's one request: every deadline a secretary watches, for their own organs only, with
 * a secret matter's title masked for a reader without access to it.
 */
describe('secretary overview', () => {
  const clock = new TestClock();
  let testApp: TestApp;
  let tenant: Tenant;
  let world: MeetingWorld;
  let overview: OverviewBody['organs'][number];
  let today: string;
  const ids: Record<string, string> = {};

  const fetchOverview = async (as: Api) => (await as.get('/secretary-overview').expect(200)).body as OverviewBody;
  const sun = (body: OverviewBody) => body.organs.find((organ) => organ.organId === world.organId)!;

  /** A meeting whose notice went out and which has been held; the clock goes back to the real time. */
  const heldMeeting = async (daysAgo: number): Promise<string> => {
    const startsAt = stockholmDaysFromNow(-daysAgo, '14:00');
    clock.current = new Date(new Date(startsAt).getTime() - 10 * 24 * 3600_000);
    const meetingId = await world.meeting(startsAt, stockholmDaysFromNow(-daysAgo, '16:00'));
    await tenant.run((ctx) => testApp.app.get(NoticeService).recordSent(ctx, meetingId, { finalizedAt: clock.now(), dispatchedAt: clock.now() }));
    clock.current = null;
    await world.secretary.post(`/meetings/${meetingId}/held`).expect(200);
    return meetingId;
  };

  beforeAll(async () => {
    testApp = await createTestApp([], { clock });
    tenant = await createTenant(testApp, 'Översiktskommun');
    world = await meetingWorld(testApp, tenant);

    ids.minutesOverdue = await heldMeeting(30);
    const minutes = (await world.secretary.post(`/meetings/${ids.minutesOverdue}/minutes`).expect(201)).body;
    ids.minutes = minutes.id;
    ids.minutesToOpen = await heldMeeting(2);

    ids.noticeOverdue = await world.meeting(stockholmDaysFromNow(3), stockholmDaysFromNow(3, '17:00'));
    ids.scheduled = await world.meeting(stockholmDaysFromNow(30), stockholmDaysFromNow(30, '17:00'));
    ids.late = await world.meeting(stockholmDaysFromNow(2), stockholmDaysFromNow(2, '17:00'));
    const onAgenda = await world.signedMatter('Skolskjuts på landsbygden');
    await world.secretary.post(`/meetings/${ids.scheduled}/agenda-items`, { kind: 'matter', matterId: onAgenda.matterId }).expect(201);
    await world.secretary.post(`/meetings/${ids.scheduled}/notices`).expect(201);
    await world.secretary.post(`/meetings/${ids.late}/agenda-items`, { kind: 'information', title: 'Information om lokalförsörjningen' }).expect(201);
    await world.secretary.post(`/meetings/${ids.late}/notices`).expect(201);
    ids.onAgenda = onAgenda.matterId;
    ids.waiting = (await world.signedMatter('Läsårstider för läsåret 2027/2028')).matterId;
    ids.secret = (await world.signedMatter('Placering av barn', world.organId, { secret: true, secrecyProvision: 'OSL 26 kap. 1 §' })).matterId;
    ids.unsigned = (await world.unsignedMatter('Ny förskola i Grangärde')).matterId;

    // The posting of verified minutes, as the worker leaves it once it is up.
    await tenant.run(async (ctx) => {
      const repo = new TenantRepository(ctx, Posting, 'Anslaget');
      const posting = await repo.save(
        repo.create({
          kind: 'minutes', organId: world.organId, meetingId: ids.minutesOverdue, minutesId: ids.minutes, paragraphId: null, documentType: 'Protokoll', organName: 'Social- och utbildningsnämnden',
          languages: ['sv'], meetingDate: minutes.meetingDate, paragraphs: '§§ 1–3', verifiedOn: '2026-01-02', postedOn: '2026-01-02', takenDownOn: '2099-01-24', lastAppealDay: '2099-01-23',
          storagePlace: 'Kansliet', announcement: null, fileSha256: null, status: 'up', postedAt: new Date(), takenDownAt: null,
        }),
      );
      ids.posting = posting.id;
    });
    const body = await fetchOverview(world.secretary);
    today = body.today;
    overview = sun(body);
  }, 120_000);

  afterAll(async () => {
    clock.current = null;
    await testApp?.close();
  });

  it("flags a meeting whose notice is not finalized after the organ's deadline (seven days before at 08:00)", () => {
    const meeting = overview.comingMeetings.find((candidate) => candidate.id === ids.noticeOverdue)!;
    expect(meeting).toMatchObject({ status: 'planned', noticeOverdue: true, started: false, notice: null, itemCount: 0 });
    expect(new Date(meeting.noticeDeadline).toISOString()).toBe(new Date(stockholmDaysFromNow(-4, '08:00')).toISOString());
  });

  it('shows a finalized notice scheduled at its deadline, and one finalized too late as sent late at once', () => {
    const scheduled = overview.comingMeetings.find((candidate) => candidate.id === ids.scheduled)!;
    expect(scheduled).toMatchObject({ status: 'notice_finalized', noticeOverdue: false, itemCount: 1, notice: { status: 'scheduled', sentLate: false } });
    expect(scheduled.notice!.dispatchAt).toBe(scheduled.noticeDeadline);
    expect(new Date(scheduled.noticeDeadline).toISOString()).toBe(new Date(stockholmDaysFromNow(23, '08:00')).toISOString());
    const late = overview.comingMeetings.find((candidate) => candidate.id === ids.late)!;
    expect(late).toMatchObject({ noticeOverdue: false, notice: { sentLate: true } });
    expect(new Date(late.notice!.dispatchAt).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('lists the coming meetings nearest first and leaves held meetings out of them', () => {
    expect(overview.comingMeetings.map((meeting) => meeting.id)).toEqual([ids.late, ids.noticeOverdue, ids.scheduled]);
  });

  it('lists held meetings whose minutes are to be opened first, then minutes past their justering deadline', () => {
    expect(overview.minutesToDo).toEqual([
      expect.objectContaining({ meetingId: ids.minutesToOpen, minutesId: null, verificationDeadline: null, overdue: false }),
      expect.objectContaining({ meetingId: ids.minutesOverdue, minutesId: ids.minutes, overdue: true }),
    ]);
    expect(overview.minutesToDo[1].verificationDeadline! < today).toBe(true);
  });

  it('shows the postings up now with the day they come down', () => {
    expect(overview.postingsUp).toEqual([expect.objectContaining({ id: ids.posting, takenDownOn: '2099-01-24', lastAppealDay: '2099-01-23' })]);
  });

  it('lists the matters with a signed tjänsteskrivelse that are on no agenda, and not those on one or unsigned', () => {
    const waiting = overview.waitingMatters.map((matter) => matter.id);
    expect(waiting).toEqual([ids.waiting, ids.secret]);
    expect(overview.waitingMatters[0]).toMatchObject({ title: 'Läsårstider för läsåret 2027/2028', masked: false });
    expect(overview.waitingMatters[1]).toMatchObject({ title: 'Placering av barn', masked: false });
  });

  it('masks a secret waiting matter for an admin without access to it: case number and "Sekretessärende" only', async () => {
    const body = await fetchOverview(world.admin);
    const secret = sun(body).waitingMatters.find((matter) => matter.id === ids.secret)!;
    expect(secret).toEqual({ id: ids.secret, caseNumber: expect.stringMatching(/ 20\d\d\/\d+$/), title: 'Sekretessärende', masked: true, reportSignedAt: expect.any(String) });
    expect(JSON.stringify(body)).not.toContain('Placering av barn');
  });

  it("shows another organ's secretary only their own organ, and refuses a member without a secretary's grant", async () => {
    const otherOrgan = await tenant.organ({ name: 'Kultur- och fritidsnämnden' });
    const otherSecretary = world.as((await tenant.user([{ role: 'secretary', organId: otherOrgan }])).token);
    const body = await fetchOverview(otherSecretary);
    expect(body.organs.map((organ) => organ.organId)).toEqual([otherOrgan]);
    expect(body.organs[0]).toMatchObject({ comingMeetings: [], minutesToDo: [], postingsUp: [], waitingMatters: [] });
    expect(JSON.stringify(body)).not.toContain(world.organId);
    const member = await world.user('anna');
    expect((await member.get('/secretary-overview').expect(403)).body.message).toEqual(expect.any(String));
  });

  it('puts the organ with a missed deadline before one with nothing overdue, for an admin who serves every organ', async () => {
    const body = await fetchOverview(world.admin);
    expect(body.organs[0].organId).toBe(world.organId);
    expect(body.organs.map((organ) => organ.name)).toContain('Kultur- och fritidsnämnden');
  });
});
