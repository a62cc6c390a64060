import { AuditService, Clock, OutboxService } from '@namndrum/core';
import { NoticeBundler, NoticeBundleService, NoticeService } from '@namndrum/meetings';
import { Tenant, createTenant } from './factories/tenant.factory';
import { docxWithText } from './support/files';
import { MeetingWorld, meetingWorld, stockholmDaysFromNow } from './support/meeting-fixture';
import { createTestApp, TestApp } from './support/test-app';
import { truncatedDocx } from './support/zip-archives';

jest.setTimeout(120_000);

/**
 * A notice whose handlingar cannot be made, after the worker's last attempt: held and shown as failed until the
 * secretary replaces the file and asks again. The bundler runs here, in the test's process, as the worker runs it.
 */
describe('a notice held after its handlingar failed for good', () => {
  let testApp: TestApp;
  let tenant: Tenant;
  let world: MeetingWorld;
  let bundler: NoticeBundler;

  const bundleJob = async (noticeId: string): Promise<string> => {
    const [row]: { id: string }[] = await testApp.dataSource.query(`SELECT id FROM outbox_jobs WHERE kind = 'notice.bundle' AND status = 'pending' AND payload->>'noticeId' = $1`, [noticeId]);
    return row.id;
  };

  beforeAll(async () => {
    testApp = await createTestApp();
    tenant = await createTenant(testApp, 'Fasthållningskommun');
    world = await meetingWorld(testApp, tenant);
    const app = testApp.app;
    bundler = new NoticeBundler(testApp.dataSource, app.get(NoticeService), app.get(NoticeBundleService), app.get(OutboxService), app.get(AuditService), app.get(Clock));
  });

  afterAll(() => testApp.close());

  it('is failed after the last attempt, refuses its PDF with the file named, and goes out once the file is replaced and the secretary asks again', async () => {
    const meetingId = await world.meeting(stockholmDaysFromNow(10, '14:00'), stockholmDaysFromNow(10, '17:00'));
    const { matterId } = await world.unsignedMatter('Anbud på skolmat');
    const fields = { direction: 'incoming', documentDate: '2026-11-20', counterparty: 'Skolmat i Dalarna AB', description: 'Anbud' };
    const documentId = (await world.secretary.upload('post', `/matters/${matterId}/documents`, { content: await truncatedDocx(), fileName: 'Anbud.docx' }, fields).expect(201)).body.id;
    const draft = (
      await world.head
        .post(`/matters/${matterId}/officer-reports`, { organId: world.organId, title: 'Anbud på skolmat', proposedDecision: ['Nämnden antar anbudet.'], description: 'Ett anbud.', attachmentDocumentIds: [documentId] })
        .expect(201)
    ).body;
    await world.head.post(`/officer-reports/${draft.id}/submission`).expect(201);
    await world.head.post(`/officer-reports/${draft.id}/approval`).expect(201);
    await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId }).expect(201);
    const notice = (await world.secretary.post(`/meetings/${meetingId}/notices`).expect(201)).body;

    // Not failed yet: only a failed version can be asked for again.
    expect((await world.secretary.post(`/meeting-notices/${notice.id}/bundle`).expect(409)).body.error).toBe('BUNDLE_NOT_FAILED');

    const firstJob = await bundleJob(notice.id);
    expect(await bundler.render(firstJob, { number: 5, final: true })).toBeNull();
    const failed = (await world.secretary.get(`/meeting-notices/${notice.id}`).expect(200)).body;
    expect(failed).toMatchObject({ status: 'scheduled', bundleStatus: 'failed', bundleError: { fileName: 'Anbud.docx', attempts: 5 } });
    expect((await testApp.dataSource.query(`SELECT status FROM outbox_jobs WHERE id = $1`, [firstJob]))[0].status).toBe('failed');
    const refused = (await world.secretary.get(`/meeting-notices/${notice.id}/pdf`).expect(409)).body;
    expect(refused).toMatchObject({ error: 'BUNDLE_NOT_READY', message: 'Handlingarna kunde inte skapas: Anbud.docx gick inte att göra om till PDF. Ersätt filen och skapa handlingarna igen.' });
    const audit = await testApp.dataSource.query(`SELECT action FROM audit_entries WHERE entity_id = $1`, [notice.id]);
    expect(audit.map((entry: { action: string }) => entry.action)).toContain('notice_bundle_failed');

    // Only the secretary of the organ asks again.
    await world.head.post(`/meeting-notices/${notice.id}/bundle`).expect(403);
    await world.secretary.upload('put', `/documents/${documentId}/file`, { content: await docxWithText('Anbud', 'Skolmat i Dalarna AB lämnar anbud.'), fileName: 'Anbud.docx' }).expect(200);
    const asked = (await world.secretary.post(`/meeting-notices/${notice.id}/bundle`).expect(201)).body;
    expect(asked).toMatchObject({ bundleStatus: 'pending', bundleGeneration: 1 });

    expect(await bundler.render(await bundleJob(notice.id), { number: 1, final: false })).toEqual({ pages: expect.any(Number) });
    expect((await world.secretary.get(`/meeting-notices/${notice.id}`).expect(200)).body).toMatchObject({ bundleStatus: 'ready', bundleError: null });
    await world.secretary.get(`/meeting-notices/${notice.id}/pdf`).expect(200);
  });
});
