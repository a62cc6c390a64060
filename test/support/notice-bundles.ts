import { RequestContext } from '@namndrum/core';
import { NoticeBundleService, NoticeService } from '@namndrum/meetings';
import { agendaPageColumn, pageText, poppler, squash } from './pdf-reading';
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

export interface ItemOnAgenda {
  position: number;
  title: string;
}

export interface PartOfBundle {
  itemNumber: number | null;
  firstPage: number;
  pageCount: number;
}

/**
 * The agenda's Sida column against the rendered pages: each item prints the range from its first document's first
 * page to its last document's last ("5", "9 - 34"), in the DOCX and in the PDF made from it, and the item's first
 * document starts there with the item's title; an item without documents prints no page.
 */
export async function expectAgendaPages(pdf: Buffer, docx: Buffer, items: ItemOnAgenda[], parts: PartOfBundle[]): Promise<void> {
  const cover = squash(await poppler('pdftotext', pdf, ['-f', '1', '-l', String(parts[0].pageCount)]));
  const agenda = await agendaPageColumn(docx);
  for (const item of items) {
    const own = parts.filter((part) => part.itemNumber === item.position);
    if (own.length === 0) {
      expect(agenda.get(item.position)).toBe('');
      continue;
    }
    const first = own[0].firstPage;
    const last = own.at(-1)!.firstPage + own.at(-1)!.pageCount - 1;
    expect(agenda.get(item.position)).toBe(first === last ? String(first) : `${first} - ${last}`);
    // pdftotext reads the table's cells with their own spacing.
    if (first !== last) expect(cover).toMatch(new RegExp(`\\b${first}\\s*-\\s*${last}\\b`));
    expect(await pageText(pdf, first)).toContain(squash(item.title).slice(0, 40));
  }
}
