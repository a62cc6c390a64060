import { NoticeService } from '@namndrum/meetings';
import { Tenant, createTenant } from './factories/tenant.factory';
import { readDocx } from '../libs/documents/src/testing/read-docx';
import { binaryParser } from './support/files';
import { MeetingWorld, TestClock, meetingWorld, stockholmDaysFromNow } from './support/meeting-fixture';
import { createTestApp, TestApp } from './support/test-app';
import { renderNoticeBundle } from './support/notice-bundles';
import { poppler, squash } from './support/pdf-reading';

describe('meetings, agendas and notices over HTTP', () => {
  let testApp: TestApp;
  let tenant: Tenant;
  let world: MeetingWorld;
  const clock = new TestClock();

  const outboxRow = async (noticeId: string) =>
    (await testApp.dataSource.query(`SELECT kind, status, run_at FROM outbox_jobs WHERE idempotency_key = $1`, [`notice-dispatch:${noticeId}`]))[0];

  beforeAll(async () => {
    testApp = await createTestApp([], { clock });
    tenant = await createTenant(testApp, 'Möteskommun');
    world = await meetingWorld(testApp, tenant);
  });

  afterEach(() => {
    clock.current = null;
  });

  afterAll(() => testApp.close());

  describe('the meeting plan', () => {
    it("creates a meeting with the organ's standing items, and a year's plan all or nothing", async () => {
      const id = await world.meeting('2027-02-10T14:00:00+01:00', '2027-02-10T17:00:00+01:00', {
        groupMeetings: [
          { startTime: '13:00', endTime: '14:00', parties: ['KD', 'M', 'S'], room: 'sessionssalen' },
          { startTime: '13:00', endTime: '14:00', parties: ['SD'], room: 'smtr-rum "Grangärde"' },
        ],
      });
      const meeting = (await world.secretary.get(`/meetings/${id}`).expect(200)).body;
      expect(meeting).toMatchObject({ status: 'planned', startsAt: '2027-02-10T13:00:00.000Z', place: 'Sessionssalen, Stadshuset', calendarSequence: 0 });
      const items = (await world.secretary.get(`/meetings/${id}/agenda-items`).expect(200)).body;
      expect(items.map((item: { position: number; title: string }) => `${item.position} ${item.title}`)).toEqual([
        '1 Val av justerande',
        '2 Anmälan av extra ärenden',
        '3 Anmälan av delegationsbeslut',
        '4 Meddelanden',
        '5 Information',
      ]);

      const plan = { organId: world.organId, year: 2028, meetings: [{ startsAt: '2028-01-12T14:00:00+01:00', endsAt: '2028-01-12T16:00:00+01:00', place: 'Sessionssalen' }] };
      const bad = { ...plan, meetings: [...plan.meetings, { startsAt: '2029-01-12T14:00:00+01:00', endsAt: '2029-01-12T16:00:00+01:00', place: 'Sessionssalen' }] };
      expect((await world.secretary.post('/meetings/plan', bad).expect(400)).body.details[0].field).toBe('meetings[1].startsAt');
      expect((await world.secretary.get(`/meetings?organId=${world.organId}&year=2028`).expect(200)).body.total).toBe(0);
      await world.secretary.post('/meetings/plan', plan).expect(201);
      expect((await world.secretary.get(`/meetings?organId=${world.organId}&year=2028`).expect(200)).body.total).toBe(1);
    });

    describe('moving a meeting with group meetings', () => {
      const groupMeetings = [
        { startTime: '12:30', endTime: '13:30', parties: ['M', 'S'], room: 'sessionssalen' },
        { startTime: '13:00', endTime: '14:00', parties: ['SD'], room: 'smtr-rum "Grangärde"' },
      ];
      const meetingWithGroups = () => world.meeting('2027-03-10T14:00:00+01:00', '2027-03-10T17:00:00+01:00', { groupMeetings });
      const times = (meeting: { groupMeetings: { startTime: string; endTime: string }[] }) => meeting.groupMeetings.map((group) => `${group.startTime}–${group.endTime}`);

      it('moves the group meetings with it by default, to another day and time', async () => {
        const id = await meetingWithGroups();
        const moved = (await world.secretary.patch(`/meetings/${id}`, { startsAt: '2027-03-17T10:00:00+01:00', endsAt: '2027-03-17T12:00:00+01:00' }).expect(200)).body;
        expect(times(moved)).toEqual(['08:30–09:30', '09:00–10:00']);
        expect(moved.groupMeetings.map((group: { parties: string[]; room: string }) => `${group.parties.join('/')} i ${group.room}`)).toEqual(['M/S i sessionssalen', 'SD i smtr-rum "Grangärde"']);
      });

      it('keeps them where they are when asked, as long as they end before the new start', async () => {
        const id = await meetingWithGroups();
        const kept = (await world.secretary.patch(`/meetings/${id}`, { startsAt: '2027-03-10T15:00:00+01:00', endsAt: '2027-03-10T18:00:00+01:00', groupMeetingsOnMove: 'keep' }).expect(200)).body;
        expect(times(kept)).toEqual(['12:30–13:30', '13:00–14:00']);
      });

      it('refuses to keep a group meeting that would end after the new start, naming it, and changes nothing', async () => {
        const id = await meetingWithGroups();
        const refused = await world.secretary.patch(`/meetings/${id}`, { startsAt: '2027-03-10T13:30:00+01:00', endsAt: '2027-03-10T16:00:00+01:00', groupMeetingsOnMove: 'keep' }).expect(409);
        expect(refused.body).toMatchObject({ error: 'GROUP_MEETINGS_AFTER_START', message: expect.stringContaining('Gruppmöte 2 (13:00–14:00)') });
        expect(refused.body.details[0].field).toBe('groupMeetingsOnMove');
        const unchanged = (await world.secretary.get(`/meetings/${id}`).expect(200)).body;
        expect(unchanged.startsAt).toBe('2027-03-10T13:00:00.000Z');
        expect(times(unchanged)).toEqual(['12:30–13:30', '13:00–14:00']);
      });

      it('refuses to move a group meeting past midnight, and to be told both new group meetings and what to do with the old', async () => {
        const id = await meetingWithGroups();
        const early = await world.secretary.patch(`/meetings/${id}`, { startsAt: '2027-03-10T01:00:00+01:00', endsAt: '2027-03-10T03:00:00+01:00' }).expect(409);
        expect(early.body).toMatchObject({ error: 'GROUP_MEETINGS_CANNOT_MOVE', message: expect.stringContaining('Gruppmöte 1 (12:30–13:30) kan inte flyttas med sammanträdet') });
        const both = await world.secretary.patch(`/meetings/${id}`, { startsAt: '2027-03-10T15:00:00+01:00', groupMeetings, groupMeetingsOnMove: 'move' }).expect(400);
        expect(both.body.error).toBe('GROUP_MEETINGS_AMBIGUOUS');
        expect((await world.secretary.patch(`/meetings/${id}`, { groupMeetingsOnMove: 'later' }).expect(400)).body.details[0].field).toBe('groupMeetingsOnMove');
      });
    });

    it('has no public page before its notice has gone out', async () => {
      const id = await world.meeting('2027-06-09T14:00:00+02:00', '2027-06-09T17:00:00+02:00');
      await testApp.http().get(`/sammantraden/${id}`).expect(404);
      await testApp.http().get('/sammantraden/inte-ett-id').expect(400);
    });

    it('refuses a meeting that ends before it starts, and a time without a zone', async () => {
      const before = (await world.secretary.get(`/meetings?organId=${world.organId}`).expect(200)).body.total;
      const response = await world.secretary.post('/meetings', { organId: world.organId, startsAt: '2027-03-01T14:00:00+01:00', endsAt: '2027-03-01T13:00:00+01:00', place: 'Sessionssalen' }).expect(400);
      expect(response.body).toMatchObject({ error: 'MEETING_ENDS_BEFORE_START', details: [{ field: 'endsAt' }] });
      expect(response.body.message).toBe('Sammanträdet måste sluta efter att det har börjat');
      await world.secretary.post('/meetings', { organId: world.organId, startsAt: '2027-03-01T14:00:00', endsAt: '2027-03-01T16:00:00', place: 'Sessionssalen' }).expect(400);
      expect((await world.secretary.get(`/meetings?organId=${world.organId}`).expect(200)).body.total).toBe(before);
    });

    it('lets only the secretary of the organ (or an admin) plan meetings', async () => {
      const member = await world.user('erik');
      await member.post('/meetings', { organId: world.organId, startsAt: '2027-03-01T14:00:00+01:00', endsAt: '2027-03-01T16:00:00+01:00', place: 'Sessionssalen' }).expect(403);
      await member.get(`/meetings?organId=${world.organId}`).expect(200);
    });
  });

  describe('the agenda', () => {
    let meetingId: string;

    beforeAll(async () => {
      meetingId = await world.meeting('2027-04-14T14:00:00+02:00', '2027-04-14T17:00:00+02:00');
    });

    it('places only a matter with a signed tjänsteskrivelse, before the closing standard items', async () => {
      const unsigned = await world.unsignedMatter('Ärende utan signerad tjänsteskrivelse');
      const refused = await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId: unsigned.matterId }).expect(409);
      expect(refused.body).toMatchObject({ error: 'REPORT_NOT_SIGNED', details: [{ field: 'matterId' }] });
      expect((await world.secretary.get(`/meetings/${meetingId}/agenda-items`).expect(200)).body).toHaveLength(5);

      const signed = await world.signedMatter('Bildande av arbetsutskott');
      const item = (await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId: signed.matterId }).expect(201)).body;
      expect(item).toMatchObject({ position: 3, kind: 'matter', title: 'Bildande av arbetsutskott', caseNumber: signed.caseNumber, officerReportId: signed.reportId, addedAfterNotice: false });
      expect(item.proposal).toEqual(['Nämnden beslutar enligt förvaltningens förslag i ärendet Bildande av arbetsutskott.']);
      await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId: signed.matterId }).expect(409);

      const info = (await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'information', title: 'Information om förvaltningens plan för målaktiviteter', documentsLater: true }).expect(201)).body;
      expect(info.position).toBe(4);
      const titles = (await world.secretary.get(`/meetings/${meetingId}/agenda-items`).expect(200)).body.map((entry: { position: number; title: string }) => `${entry.position} ${entry.title}`);
      expect(titles).toEqual([
        '1 Val av justerande',
        '2 Anmälan av extra ärenden',
        '3 Bildande av arbetsutskott',
        '4 Information om förvaltningens plan för målaktiviteter',
        '5 Anmälan av delegationsbeslut',
        '6 Meddelanden',
        '7 Information',
      ]);
      const events = (await world.secretary.get(`/matters/${signed.matterId}/events`).expect(200)).body;
      expect(events.map((event: { kind: string }) => event.kind)).toContain('sent_to_organ');
    });

    it('reorders, removes with renumbering, and marks items public only where the organ meets openly', async () => {
      const items = (await world.secretary.get(`/meetings/${meetingId}/agenda-items`).expect(200)).body as { id: string; title: string }[];
      const reversed = [...items].reverse().map((item) => item.id);
      await world.secretary.put(`/meetings/${meetingId}/agenda-items/order`, { itemIds: reversed.slice(1) }).expect(400);
      await world.secretary.put(`/meetings/${meetingId}/agenda-items/order`, { itemIds: reversed }).expect(200);
      const afterReorder = (await world.secretary.get(`/meetings/${meetingId}/agenda-items`).expect(200)).body;
      expect(afterReorder.map((item: { id: string }) => item.id)).toEqual(reversed);
      expect(afterReorder.map((item: { position: number }) => item.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);

      await world.secretary.put(`/meetings/${meetingId}/agenda-items/order`, { itemIds: items.map((item) => item.id) }).expect(200);
      const information = items.find((item) => item.title === 'Information')!;
      await world.secretary.delete(`/agenda-items/${information.id}`).expect(204);
      const remaining = (await world.secretary.get(`/meetings/${meetingId}/agenda-items`).expect(200)).body;
      expect(remaining.map((item: { position: number }) => item.position)).toEqual([1, 2, 3, 4, 5, 6]);

      const refused = await world.secretary.patch(`/agenda-items/${items[2].id}`, { public: true }).expect(400);
      expect(refused.body.error).toBe('MEETINGS_CLOSED');
      expect((await world.secretary.patch(`/agenda-items/${items[2].id}`, { documentsLater: true }).expect(200)).body.documentsLater).toBe(true);
      await world.secretary.patch(`/agenda-items/${items[2].id}`, { documentsLater: false }).expect(200);
    });

    it('never makes an item of myndighetsutövning public, and closes an open item when its matter is marked so later', async () => {
      const open = await tenant.organ({ name: 'Miljö- och byggnadsnämnden', rules: { openMeetings: true } });
      const openMeeting = (await world.admin.post('/meetings', { organId: open, startsAt: '2027-05-05T18:00:00+02:00', endsAt: '2027-05-05T21:00:00+02:00', place: 'Folkets hus' }).expect(201)).body.id;
      const permit = await world.signedMatter('Bygglov för nybyggnad av garage', open, { exerciseOfPublicAuthority: true });
      expect((await world.secretary.get(`/matters/${permit.matterId}`).expect(200)).body.exerciseOfPublicAuthority).toBe(true);
      const before = (await world.admin.get(`/meetings/${openMeeting}/agenda-items`).expect(200)).body;
      const refused = await world.admin.post(`/meetings/${openMeeting}/agenda-items`, { kind: 'matter', matterId: permit.matterId, public: true }).expect(400);
      expect(refused.body).toMatchObject({ error: 'AUTHORITY_MATTER_CLOSED', details: [{ field: 'public' }] });
      expect((await world.admin.get(`/meetings/${openMeeting}/agenda-items`).expect(200)).body).toEqual(before);
      const closedItem = (await world.admin.post(`/meetings/${openMeeting}/agenda-items`, { kind: 'matter', matterId: permit.matterId }).expect(201)).body;
      expect((await world.admin.patch(`/agenda-items/${closedItem.id}`, { public: true }).expect(400)).body.error).toBe('AUTHORITY_MATTER_CLOSED');

      const plan = await world.signedMatter('Detaljplan för kvarteret Läraren', open);
      const openItem = (await world.admin.post(`/meetings/${openMeeting}/agenda-items`, { kind: 'matter', matterId: plan.matterId, public: true }).expect(201)).body;
      expect(openItem.public).toBe(true);
      await world.secretary.patch(`/matters/${plan.matterId}`, { exerciseOfPublicAuthority: true }).expect(200);
      const items = (await world.admin.get(`/meetings/${openMeeting}/agenda-items`).expect(200)).body;
      expect(items.find((item: { id: string }) => item.id === openItem.id).public).toBe(false);
      const audit = (await world.admin.get(`/audit-entries?entityId=${openItem.id}`).expect(200)).body.items.map((entry: { action: string }) => entry.action);
      expect(audit).toContain('close_item');
    });

    it("lets an utskott prepare a matter addressed to its nämnd, which then carries the utskott's proposal", async () => {
      const au = await tenant.organ({ name: 'Arbetsutskottet', kind: 'subcommittee', parentOrganId: world.organId });
      const other = await tenant.organ({ name: 'Kulturnämnden' });
      const matter = await world.signedMatter('Ändrad delegationsordning');
      const auMeeting = (await world.admin.post('/meetings', { organId: au, startsAt: '2027-04-07T09:00:00+02:00', endsAt: '2027-04-07T12:00:00+02:00', place: 'Säfsen' }).expect(201)).body.id;
      const prepared = (await world.admin.post(`/meetings/${auMeeting}/agenda-items`, { kind: 'matter', matterId: matter.matterId }).expect(201)).body;
      expect(prepared.preparedInItemId).toBeNull();

      const otherMeeting = (await world.admin.post('/meetings', { organId: other, startsAt: '2027-04-08T09:00:00+02:00', endsAt: '2027-04-08T12:00:00+02:00', place: 'Säfsen' }).expect(201)).body.id;
      expect((await world.admin.post(`/meetings/${otherMeeting}/agenda-items`, { kind: 'matter', matterId: matter.matterId }).expect(409)).body.error).toBe('REPORT_FOR_OTHER_ORGAN');

      const onCommittee = (await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId: matter.matterId }).expect(201)).body;
      expect(onCommittee).toMatchObject({ preparedInItemId: prepared.id, proposal: prepared.proposal });
      await world.secretary.delete(`/agenda-items/${onCommittee.id}`).expect(204);
    });

    it('refuses to finalize an agenda with no matters', async () => {
      const empty = await world.meeting('2027-05-12T14:00:00+02:00', '2027-05-12T17:00:00+02:00');
      const response = await world.secretary.post(`/meetings/${empty}/notices`).expect(409);
      expect(response.body.error).toBe('AGENDA_EMPTY');
      expect((await world.secretary.get(`/meetings/${empty}/notices`).expect(200)).body).toEqual([]);
      expect((await world.secretary.get(`/meetings/${empty}`).expect(200)).body.status).toBe('planned');
    });
  });

  describe('scheduling the notice in Stockholm time', () => {
    const finalizeAt = async (now: string, startsAt: string, endsAt: string) => {
      const meetingId = await world.meeting(startsAt, endsAt);
      const matter = await world.signedMatter(`Ärende till ${startsAt}`);
      await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId: matter.matterId }).expect(201);
      clock.current = new Date(now);
      const notice = (await world.secretary.post(`/meetings/${meetingId}/notices`).expect(201)).body;
      clock.current = null;
      return { meetingId, notice };
    };

    it('sends a notice for 2026-04-02 14:00 on 2026-03-26 at 08:00 (07:00 UTC, before the change to summer time)', async () => {
      const { notice } = await finalizeAt('2026-03-01T09:00:00Z', '2026-04-02T14:00:00+02:00', '2026-04-02T17:00:00+02:00');
      expect(notice).toMatchObject({ version: 1, kind: 'notice', status: 'scheduled', dispatchAt: '2026-03-26T07:00:00.000Z', sentLate: false });
      const row = await outboxRow(notice.id);
      expect(row).toMatchObject({ kind: 'notice.dispatch', status: 'pending' });
      expect(new Date(row.run_at).toISOString()).toBe('2026-03-26T07:00:00.000Z');
    });

    it('sends a notice for 2026-10-29 on 2026-10-22 at 08:00 (06:00 UTC, summer time)', async () => {
      const { notice } = await finalizeAt('2026-09-01T09:00:00Z', '2026-10-29T14:00:00+01:00', '2026-10-29T17:00:00+01:00');
      expect(notice.dispatchAt).toBe('2026-10-22T06:00:00.000Z');
    });

    it('sends at once and flags it late when finalized after the deadline, in the API and the audit log', async () => {
      const { meetingId, notice } = await finalizeAt('2026-10-25T12:00:00Z', '2026-10-29T14:00:00+01:00', '2026-10-29T17:00:00+01:00');
      expect(notice).toMatchObject({ sentLate: true, dispatchAt: '2026-10-25T12:00:00.000Z' });
      expect((await world.secretary.get(`/meetings/${meetingId}`).expect(200)).body.status).toBe('notice_finalized');
      const audit = (await world.admin.get(`/audit-entries?entityId=${notice.id}`).expect(200)).body.items.map((entry: { action: string }) => entry.action);
      expect(audit).toEqual(expect.arrayContaining(['notice_notice', 'notice_sent_late']));
    });

    it('flags a supplementary or revised notice that goes out after the deadline as sent late, in the API and the audit log', async () => {
      const meetingId = await world.meeting('2026-04-02T14:00:00+02:00', '2026-04-02T17:00:00+02:00');
      await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'information', title: 'Information om lokalförsörjningen' }).expect(201);
      clock.current = new Date('2026-03-20T09:00:00Z');
      await tenant.run((ctx) => testApp.app.get(NoticeService).recordSent(ctx, meetingId, { finalizedAt: clock.now(), dispatchedAt: clock.now() }));
      const auditOf = async (noticeId: string) => (await world.admin.get(`/audit-entries?entityId=${noticeId}`).expect(200)).body.items.map((entry: { action: string }) => entry.action);

      // Before the deadline (2026-03-26 08:00): on time.
      clock.current = new Date('2026-03-21T09:00:00Z');
      await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'information', title: 'Information om sommarskolan' }).expect(201);
      const early = (await world.secretary.post(`/meetings/${meetingId}/notices`).expect(201)).body;
      expect(early).toMatchObject({ kind: 'supplementary', sentLate: false });
      expect(await auditOf(early.id)).not.toContain('notice_sent_late');

      clock.current = new Date('2026-03-30T09:00:00Z');
      await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'information', title: 'Information om kösituationen' }).expect(201);
      const supplementary = (await world.secretary.post(`/meetings/${meetingId}/notices`).expect(201)).body;
      expect(supplementary).toMatchObject({ kind: 'supplementary', sentLate: true, dispatchAt: '2026-03-30T09:00:00.000Z' });
      expect(await auditOf(supplementary.id)).toEqual(expect.arrayContaining(['notice_supplementary', 'notice_sent_late']));

      await world.secretary.patch(`/meetings/${meetingId}`, { place: 'Folkets hus' }).expect(200);
      const versions = (await world.secretary.get(`/meetings/${meetingId}/notices`).expect(200)).body;
      const revised = versions.find((version: { kind: string }) => version.kind === 'revised');
      expect(revised).toMatchObject({ sentLate: true });
      expect(await auditOf(revised.id)).toEqual(expect.arrayContaining(['notice_revised', 'notice_sent_late']));
    });

    it('keeps every version: finalizing again supersedes the scheduled one and its dispatch', async () => {
      const { meetingId, notice } = await finalizeAt('2026-03-01T09:00:00Z', '2026-06-10T14:00:00+02:00', '2026-06-10T17:00:00+02:00');
      clock.current = new Date('2026-03-02T09:00:00Z');
      const second = (await world.secretary.post(`/meetings/${meetingId}/notices`).expect(201)).body;
      expect(second.version).toBe(2);
      const versions = (await world.secretary.get(`/meetings/${meetingId}/notices`).expect(200)).body;
      expect(versions.map((version: { version: number; status: string }) => `${version.version}:${version.status}`)).toEqual(['1:superseded', '2:scheduled']);
      expect((await outboxRow(notice.id)).status).toBe('cancelled');
      for (const version of versions) {
        const docx = await world.secretary.get(`/meeting-notices/${version.id}/docx`).buffer(true).parse(binaryParser).expect(200);
        expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
        expect((await readDocx(docx.body)).text).toContain('Onsdag 10 juni 2026, kl. 14:00');
      }
    });

    it('renders a finalized notice again when the agenda changes before it goes out', async () => {
      const { meetingId, notice } = await finalizeAt('2026-03-01T09:00:00Z', '2026-05-20T14:00:00+02:00', '2026-05-20T17:00:00+02:00');
      const added = (await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'information', title: 'Information om lokalförsörjningen' }).expect(201)).body;
      expect(added.addedAfterNotice).toBe(false);
      const versions = (await world.secretary.get(`/meetings/${meetingId}/notices`).expect(200)).body;
      expect(versions.map((version: { version: number; status: string }) => `${version.version}:${version.status}`)).toEqual(['1:superseded', '2:scheduled']);
      expect(versions[1].itemIds).toContain(added.id);
      expect(versions[0].itemIds).not.toContain(added.id);
      expect((await outboxRow(notice.id)).status).toBe('cancelled');
      expect((await outboxRow(versions[1].id)).status).toBe('pending');
    });

    it('names the documents of a secret matter but never lays them into the notice', async () => {
      const meetingId = await world.meeting('2026-06-17T14:00:00+02:00', '2026-06-17T17:00:00+02:00');
      const secret = await world.signedMatter('Ansökan om försörjningsstöd', undefined, { secret: true, secrecyProvision: 'OSL 26 kap. 1 §' });
      await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId: secret.matterId }).expect(201);
      clock.current = new Date('2026-03-01T09:00:00Z');
      const notice = (await world.secretary.post(`/meetings/${meetingId}/notices`).expect(201)).body;
      clock.current = null;
      await renderNoticeBundle(testApp, notice.id);
      const pdf = await world.secretary.get(`/meeting-notices/${notice.id}/pdf`).buffer(true).parse(binaryParser).expect(200);
      const text = squash(await poppler('pdftotext', pdf.body));
      expect(text).toContain('Ansökan om försörjningsstöd');
      expect(text).toContain('Handlingarna i ärendet omfattas av sekretess och delges ledamöterna separat');
      expect(text).not.toContain('Beskrivning av ärendet Ansökan om försörjningsstöd');
    });

    it('renders the notice: organ, addressees, Tid, Plats, the agenda with case numbers, the chair and the secretary; the reports follow in the handlingar PDF', async () => {
      const { notice } = await finalizeAt('2026-03-01T09:00:00Z', '2026-04-02T14:00:00+02:00', '2026-04-02T17:00:00+02:00');
      const inOrder = (text: string, order: string[]) => {
        let at = -1;
        for (const expected of order) {
          const found = text.indexOf(expected, at + 1);
          expect({ expected, found: found > at }).toEqual({ expected, found: true });
          at = found;
        }
      };
      const kallelse = ['Social- och utbildningsnämnden', 'Social- och utbildningsnämndens ledamöter', 'Ersättare för kännedom', 'Tid:', 'Torsdag 2 april 2026, kl. 14:00', 'Plats:', 'Sessionssalen, Stadshuset', 'Val av justerande', 'Ärende till 2026-04-02T14:00:00+02:00', 'Hakan Testsson', 'ordförande', 'Rita Österholm', 'rita@'];
      const docx = await world.secretary.get(`/meeting-notices/${notice.id}/docx`).buffer(true).parse(binaryParser).expect(200);
      inOrder((await readDocx(docx.body)).text, kallelse);
      // The DOCX is the kallelse's own pages; the worker lays the tjänsteskrivelser into the PDF after them.
      expect((await readDocx(docx.body)).text).not.toContain('Förvaltningens förslag till beslut');
      await renderNoticeBundle(testApp, notice.id);
      const pdf = await world.secretary.get(`/meeting-notices/${notice.id}/pdf`).buffer(true).parse(binaryParser).expect(200);
      inOrder(squash(await poppler('pdftotext', pdf.body)), [...kallelse.filter((line) => line !== 'Tid:' && line !== 'Plats:'), 'Förvaltningens förslag till beslut']);
    });
  });

  describe('absence and substitutes', () => {
    let meetingId: string;
    let startsAt: string;

    beforeAll(async () => {
      startsAt = stockholmDaysFromNow(20, '14:00');
      meetingId = await world.meeting(startsAt, stockholmDaysFromNow(20, '17:00'));
    });

    const calls = async () =>
      (await world.secretary.get(`/meetings/${meetingId}/substitute-calls`).expect(200)).body.filter((call: { status: string }) => call.status === 'called');

    it('calls in the same party first, passes the call on when that substitute is absent too, and releases on withdrawal', async () => {
      const erik = await world.user('erik');
      const absence = (await erik.post(`/meetings/${meetingId}/absences`, {}).expect(201)).body;
      expect(absence).toMatchObject({ personId: world.people.erik.personId, seatRole: 'member' });
      expect((await calls()).map((call: { substitutePersonId: string }) => call.substitutePersonId)).toEqual([world.people.kerstin.personId]);

      await world.secretary.post(`/meetings/${meetingId}/absences`, { personId: world.people.kerstin.personId }).expect(201);
      expect((await calls()).map((call: { substitutePersonId: string }) => call.substitutePersonId)).toEqual([world.people.anders.personId]);

      const attendance = (await world.secretary.get(`/meetings/${meetingId}/expected-attendance`).expect(200)).body;
      expect(attendance).toMatchObject({ seats: 5, expectedServing: 5, quorumExpected: true, uncovered: [] });
      const erikSeat = attendance.members.find((seat: { member: { personId: string } }) => seat.member.personId === world.people.erik.personId);
      expect(erikSeat).toMatchObject({ absent: true, servingSubstitute: { personId: world.people.anders.personId } });
      expect(attendance.absentSubstitutes.map((person: { personId: string }) => person.personId)).toEqual([world.people.kerstin.personId]);
      expect(erikSeat.absenceId).toBe(absence.id);
      const substituteStates = attendance.substitutes.map((seat: { personId: string; absent: boolean; servingFor: { personId: string } | null }) => ({ personId: seat.personId, absent: seat.absent, servingFor: seat.servingFor?.personId ?? null }));
      expect(substituteStates).toEqual(
        expect.arrayContaining([
          { personId: world.people.kerstin.personId, absent: true, servingFor: null },
          { personId: world.people.anders.personId, absent: false, servingFor: world.people.erik.personId },
        ]),
      );
      const orders = attendance.substitutes.map((seat: { substituteOrder: number | null }) => seat.substituteOrder ?? Number.POSITIVE_INFINITY);
      expect(orders).toEqual([...orders].sort((a, b) => a - b));

      const mails = await testApp.dataSource.query(
        `SELECT purpose, email FROM mail_deliveries WHERE meeting_id = $1 ORDER BY created_at, purpose`,
        [meetingId],
      );
      expect(mails).toEqual([
        { purpose: 'substitute_called', email: world.people.kerstin.email },
        { purpose: 'substitute_called', email: world.people.anders.email },
        { purpose: 'substitute_released', email: world.people.kerstin.email },
      ]);

      await erik.delete(`/absences/${absence.id}`).expect(200);
      expect(await calls()).toEqual([]);
      await erik.delete(`/absences/${absence.id}`).expect(409);
    });

    it("calls in the member's personal substitute first where the organ's policy says so, then the party in the agreed order", async () => {
      const council = await meetingWorld(testApp, tenant, { organName: 'Pensionärsrådet', domain: `personal.${tenant.municipalityId.slice(0, 8)}.test.example` });
      await council.admin.patch(`/organs/${council.organId}`, { rules: { substituteCallIn: 'personal_substitute_first' } }).expect(200);
      const seats = (await council.admin.get(`/memberships?organId=${council.organId}&pageSize=50`).expect(200)).body.items;
      const seatOf = (key: string) => seats.find((seat: { personId: string }) => seat.personId === council.people[key].personId).id;
      const linked = (await council.secretary.patch(`/memberships/${seatOf('erik')}`, { personalSubstituteMembershipIds: [seatOf('anders'), seatOf('mikael')] }).expect(200)).body;
      expect(linked.personalSubstituteMembershipIds).toEqual([seatOf('anders'), seatOf('mikael')]);
      const composition = (await council.secretary.get(`/organs/${council.organId}/composition`).expect(200)).body;
      expect(composition.members.find((seat: { membershipId: string }) => seat.membershipId === seatOf('erik')).personalSubstituteMembershipIds).toEqual([seatOf('anders'), seatOf('mikael')]);
      expect(composition.substitutes.find((seat: { membershipId: string }) => seat.membershipId === seatOf('mikael')).personalSubstituteFor).toEqual([seatOf('erik')]);

      const meeting = await council.meeting(stockholmDaysFromNow(21, '14:00'), stockholmDaysFromNow(21, '17:00'));
      const called = async () =>
        (await council.secretary.get(`/meetings/${meeting}/substitute-calls`).expect(200)).body
          .filter((call: { status: string }) => call.status === 'called')
          .map((call: { absentPersonId: string; substitutePersonId: string }) => `${call.absentPersonId}→${call.substitutePersonId}`);
      const id = (key: string) => council.people[key].personId;
      // Maria (S) reports first: Kerstin, first of the party; Anders is Erik's and stays free for him.
      await council.secretary.post(`/meetings/${meeting}/absences`, { personId: id('maria') }).expect(201);
      await council.secretary.post(`/meetings/${meeting}/absences`, { personId: id('erik') }).expect(201);
      expect(await called()).toEqual([`${id('maria')}→${id('kerstin')}`, `${id('erik')}→${id('anders')}`]);
      // Anders cannot come: Erik's second personal substitute, Mikael of another party, before the rest of the list.
      await council.secretary.post(`/meetings/${meeting}/absences`, { personId: id('anders') }).expect(201);
      expect(await called()).toEqual([`${id('maria')}→${id('kerstin')}`, `${id('erik')}→${id('mikael')}`]);
    });

    it('refuses absence for someone else unless secretary, for someone without a seat, and after the meeting has started', async () => {
      const maria = await world.user('maria');
      const forOther = await maria.post(`/meetings/${meetingId}/absences`, { personId: world.people.anna.personId }).expect(403);
      expect(forOther.body.message).toBe('Bara organets sekreterare kan anmäla förhinder för någon annan');
      const outsider = await tenant.person({ firstName: 'Utan', lastName: 'Uppdrag' });
      expect((await world.secretary.post(`/meetings/${meetingId}/absences`, { personId: outsider }).expect(400)).body.error).toBe('NO_SEAT');
      clock.current = new Date(new Date(startsAt).getTime() + 30 * 60_000);
      expect((await maria.post(`/meetings/${meetingId}/absences`, {}).expect(409)).body.error).toBe('MEETING_STARTED');
      clock.current = null;
      const open = (await world.secretary.get(`/meetings/${meetingId}/absences`).expect(200)).body.filter((entry: { withdrawnAt: string | null }) => entry.withdrawnAt === null);
      expect(open.map((entry: { personId: string }) => entry.personId)).toEqual([world.people.kerstin.personId]);
    });
  });
});
