import { RequestContext } from '@namndrum/core';
import { NoticeBundleService, NoticeService } from '@namndrum/meetings';
import { TestApp } from './test-app';

/**
 * What the worker's notice.bundle job does, in the test's own process, for tests without a worker: reads the version's
 * views in one transaction, renders the handlingar with the real LibreOffice, stores them in another.
 */
export async function renderNoticeBundle(testApp: TestApp, noticeId: string): Promise<void> {
  const [{ municipality_id: municipalityId }]: { municipality_id: string }[] = await testApp.dataSource.query(`SELECT municipality_id FROM meeting_notices WHERE id = $1`, [noticeId]);
  const notices = testApp.app.get(NoticeService);
  const bundles = testApp.app.get(NoticeBundleService);
  const views = await testApp.dataSource.transaction(async (em) => {
    const ctx = RequestContext.system(em, municipalityId, 'test');
    return notices.versionViews(ctx, await notices.get(ctx, noticeId));
  });
  const rendered = await bundles.renderVersion(views);
  await testApp.dataSource.transaction(async (em) => {
    const ctx = RequestContext.system(em, municipalityId, 'test');
    await bundles.store(ctx, await notices.get(ctx, noticeId), rendered);
  });
}
