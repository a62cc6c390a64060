import { Inject, Injectable } from '@nestjs/common';
import { AuditService, Clock, ConflictError, FILE_STORAGE, FileStorage, NotFoundError, OUTBOX_KINDS, OutboxService, Permission, RequestContext, TenantRepository, StoredFileStream } from '@namndrum/core';
import {
  assemblePdf,
  ConversionError,
  countPdfPages,
  DOCUMENT_CONVERTER,
  DOCUMENT_KIND_TERMS,
  DocumentConverter,
  DOCX_MEDIA_TYPE,
  MeetingNoticeView,
  noticePageRanges,
  NoticeItemDocument,
  OutlineEntry,
  renderMeetingNotice,
  renderNoticeItemDocument,
  SourceDocument,
  swedishLongDateTime,
} from '@namndrum/documents';
import { DocumentService } from '@namndrum/matters';
import { MeetingNotice, NoticeBundlePart } from './entities';
import { lockMeeting } from './meeting-lock';
import { bundleKey, meetingDate, NoticeService, VersionViews } from './notice.service';

/** Wide enough for any real page number: the first rendering of the kallelse's own pages takes at least the room the real numbers need. */
const PLACEHOLDER_PAGES = { first: 999, last: 999 };
/**
 * The kallelse's own pages are rendered again until their page count settles. Real numbers take no more room than the
 * placeholders, so the count can only fall, and it settles at once in practice.
 */
const MAX_COVER_RENDERINGS = 3;

export interface RenderedPart {
  itemNumber: number | null;
  title: string;
  documentId: string | null;
  pdf: Buffer;
  firstPage: number;
  pageCount: number;
}

/** A version's handlingar: the kallelse DOCX with its page numbers, the whole PDF and each of its documents. */
export interface RenderedBundle {
  docx: Buffer;
  pdf: Buffer;
  pageCount: number;
  parts: RenderedPart[];
}

/** A version's bundle, the masked one when it holds something secret, and its items' ids by agenda number. */
export interface RenderedVersion {
  full: RenderedBundle;
  masked: RenderedBundle | null;
  itemIds: Map<number, string>;
}

interface PlannedDocument {
  itemIndex: number;
  title: string;
  documentId: string | null;
  source: SourceDocument;
}

/**
 * Sammanträdeshandlingar: the kallelse's own pages, then every item's tjänsteskrivelse and bilagor in agenda
 * order, each converted to PDF by the engine and laid into one PDF with a bookmark per item and per document.
 * The agenda's page column is computed from the rendered pages, so the kallelse is rendered again once they are known.
 */
@Injectable()
export class NoticeBundleService {
  constructor(
    private readonly notices: NoticeService,
    private readonly documents: DocumentService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(DOCUMENT_CONVERTER) private readonly converter: DocumentConverter,
    @Inject(FILE_STORAGE) private readonly files: FileStorage,
  ) {}

  async render(view: MeetingNoticeView): Promise<RenderedBundle> {
    const planned = await this.plan(view);
    const placeholders = { ...view, items: view.items.map((item) => ({ ...item, pages: item.documents.length > 0 ? PLACEHOLDER_PAGES : null })) };
    const [firstCover, ...documentPdfs] = await this.converter.toPdf([
      { fileName: 'Kallelse.docx', mediaType: DOCX_MEDIA_TYPE, content: await renderMeetingNotice(placeholders) },
      ...planned.map((document) => document.source),
    ]);
    const documentPageCounts = await Promise.all(documentPdfs.map((pdf, index) => countPdfPages(pdf, planned[index].source.fileName)));
    let coverPages = await countPdfPages(firstCover);
    let docx: Buffer = Buffer.alloc(0);
    let cover = firstCover;
    for (let rendering = 0; rendering < MAX_COVER_RENDERINGS; rendering += 1) {
      const ranges = noticePageRanges(
        coverPages,
        view.items.map((item, itemIndex) => ({ number: item.number, documentPageCounts: planned.flatMap((document, index) => (document.itemIndex === itemIndex ? [documentPageCounts[index]] : [])) })),
      );
      docx = await renderMeetingNotice({ ...view, items: view.items.map((item) => ({ ...item, pages: ranges.get(item.number) ?? null })) });
      [cover] = await this.converter.toPdf([{ fileName: 'Kallelse.docx', mediaType: DOCX_MEDIA_TYPE, content: docx }]);
      const pages = await countPdfPages(cover);
      if (pages === coverPages) break;
      coverPages = pages;
    }
    const kindTitle = DOCUMENT_KIND_TERMS[view.kind].sv;
    const assembled = await assemblePdf(
      [{ fileName: 'Kallelse.docx', pdf: cover }, ...planned.map((document, index) => ({ fileName: document.source.fileName, pdf: documentPdfs[index] }))],
      outline(view, planned, kindTitle),
      { title: `${kindTitle} – ${view.organName} – ${swedishLongDateTime(view.startsAt)}`, author: view.municipalityName, subject: 'Sammanträdeshandlingar', language: 'sv-SE' },
    );
    const parts: RenderedPart[] = [
      { itemNumber: null, title: kindTitle, documentId: null, pdf: cover, firstPage: assembled.partStartPages[0], pageCount: assembled.partPageCounts[0] },
      ...planned.map((document, index) => ({
        itemNumber: view.items[document.itemIndex].number,
        title: document.title,
        documentId: document.documentId,
        pdf: documentPdfs[index],
        firstPage: assembled.partStartPages[index + 1],
        pageCount: assembled.partPageCounts[index + 1],
      })),
    ];
    return { docx, pdf: assembled.pdf, pageCount: assembled.pageCount, parts };
  }

  /** What the engine converts for a view, the kallelse's own pages first: the floor a benchmark converts directly. */
  async sourceDocuments(view: MeetingNoticeView): Promise<SourceDocument[]> {
    return [{ fileName: 'Kallelse.docx', mediaType: DOCX_MEDIA_TYPE, content: await renderMeetingNotice(view) }, ...(await this.plan(view)).map((document) => document.source)];
  }

  /** Every document of every item, in order, as the engine gets it: stored files as they are, the rest rendered as DOCX. */
  private async plan(view: MeetingNoticeView): Promise<PlannedDocument[]> {
    const planned: PlannedDocument[] = [];
    for (const [itemIndex, item] of view.items.entries()) {
      let attachmentNumber = 0;
      for (const document of item.documents) {
        if (document.kind === 'stored' || document.kind === 'file') attachmentNumber += 1;
        const title = documentTitle(document, attachmentNumber);
        const source: SourceDocument =
          document.kind === 'stored'
            ? { fileName: document.fileName, mediaType: document.mediaType, content: await this.files.get(document.sha256) }
            : { fileName: `${item.number} ${title}.docx`, mediaType: DOCX_MEDIA_TYPE, content: await renderNoticeItemDocument(document, { municipalityName: view.municipalityName, languages: view.languages }) };
        planned.push({ itemIndex, title, documentId: document.kind === 'stored' ? document.documentId : null, source });
      }
    }
    return planned;
  }

  /** Renders a version's bundle, and the masked one when it holds something secret, from its views; nothing is read from the database or stored. */
  async renderVersion(views: VersionViews): Promise<RenderedVersion> {
    return {
      full: await this.render(views.view),
      masked: views.masked ? await this.render(views.masked) : null,
      itemIds: new Map(views.items.map((item) => [item.position, item.id])),
    };
  }

  /** Stores what the worker rendered, in the caller's transaction: the PDFs, each part, and the DOCX with page numbers. */
  async store(ctx: RequestContext, notice: MeetingNotice, rendered: RenderedVersion): Promise<void> {
    await ctx.em.delete(NoticeBundlePart, { noticeId: notice.id });
    const parts = new TenantRepository(ctx, NoticeBundlePart, 'Handlingen');
    for (const [masked, bundle] of [[false, rendered.full], [true, rendered.masked]] as const) {
      if (!bundle) continue;
      for (const [position, part] of bundle.parts.entries()) {
        await parts.save(
          parts.create({
            noticeId: notice.id,
            masked,
            position,
            itemId: part.itemNumber === null ? null : (rendered.itemIds.get(part.itemNumber) ?? null),
            itemNumber: part.itemNumber,
            title: part.title,
            documentId: part.documentId,
            pdfSha256: await this.files.put(part.pdf),
            firstPage: part.firstPage,
            pageCount: part.pageCount,
          }),
        );
      }
    }
    Object.assign(notice, {
      bundleStatus: 'ready',
      bundleError: null,
      bundleSha256: await this.files.put(rendered.full.pdf),
      bundleSizeBytes: rendered.full.pdf.length,
      bundlePageCount: rendered.full.pageCount,
      maskedBundleSha256: rendered.masked ? await this.files.put(rendered.masked.pdf) : null,
      maskedBundleSizeBytes: rendered.masked?.pdf.length ?? null,
      // The DOCX now carries the same page numbers as the PDF, as plain text.
      fileSha256: await this.files.put(rendered.full.docx),
      fileSizeBytes: rendered.full.docx.length,
      maskedFileSha256: rendered.masked ? await this.files.put(rendered.masked.docx) : notice.maskedFileSha256,
      maskedFileSizeBytes: rendered.masked?.docx.length ?? notice.maskedFileSizeBytes,
    });
    await ctx.em.save(notice);
    // A registered file with no text of its own (an image, a spreadsheet) becomes searchable through its PDF.
    for (const part of rendered.full.parts) {
      if (part.documentId) await this.documents.fillMissingText(ctx, part.documentId, part.pdf);
    }
  }

  /** The handlingar PDF of a version; a reader without access to one of its secret matters gets the masked one. */
  async pdf(ctx: RequestContext, noticeId: string): Promise<{ fileName: string; content: StoredFileStream }> {
    const notice = await this.notices.get(ctx, noticeId);
    return { fileName: bundleFileName(notice), content: await this.files.openReadStream((await this.bundleFor(ctx, notice)).sha256) };
  }

  /** The handlingar of the meeting's latest version that has them. */
  async latestPdf(ctx: RequestContext, meetingId: string): Promise<{ fileName: string; content: StoredFileStream }> {
    const versions = await this.notices.list(ctx, meetingId);
    const latest = [...versions].reverse().find((notice) => notice.kind !== 'cancellation' && notice.status !== 'superseded' && notice.status !== 'withdrawn');
    if (!latest) throw new NotFoundError('Sammanträdeshandlingarna');
    return this.pdf(ctx, latest.id);
  }

  async parts(ctx: RequestContext, noticeId: string): Promise<NoticeBundlePart[]> {
    const notice = await this.notices.get(ctx, noticeId);
    const { masked } = await this.bundleFor(ctx, notice);
    return new TenantRepository(ctx, NoticeBundlePart, 'Handlingen').find({ noticeId: notice.id, masked }, { order: { position: 'ASC' } });
  }

  async partPdf(ctx: RequestContext, noticeId: string, position: number): Promise<{ fileName: string; content: StoredFileStream }> {
    const part = (await this.parts(ctx, noticeId)).find((candidate) => candidate.position === position);
    if (!part) throw new NotFoundError('Handlingen');
    const name = part.itemNumber === null ? part.title : `${part.itemNumber} ${part.title}`;
    return { fileName: `${name.replace(/[\\/:*?"<>|]+/g, ' ').trim()}.pdf`, content: await this.files.openReadStream(part.pdfSha256) };
  }

  /**
   * The secretary asks for the handlingar again, after a failed rendering (a corrected bilaga, an engine back up):
   * a new outbox row, and the held notice goes out as soon as they are ready.
   */
  async retry(ctx: RequestContext, noticeId: string): Promise<MeetingNotice> {
    const found = await this.notices.get(ctx, noticeId);
    const meeting = await lockMeeting(ctx, found.meetingId);
    const notice = await this.notices.get(ctx, noticeId);
    ctx.requireOrganPermission(Permission.MeetingsManage, meeting.organId);
    if (notice.status !== 'scheduled' || notice.bundleStatus !== 'failed') {
      throw new ConflictError('BUNDLE_NOT_FAILED', 'Handlingarna kan bara skapas på nytt för en kallelse som väntar på att skickas och vars handlingar inte kunde skapas');
    }
    notice.bundleGeneration += 1;
    notice.bundleStatus = 'pending';
    await ctx.em.save(notice);
    await this.outbox.schedule(ctx, [{ kind: OUTBOX_KINDS.noticeBundle, idempotencyKey: bundleKey(notice.id, notice.bundleGeneration), runAt: this.clock.now(), payload: { noticeId: notice.id } }]);
    await this.audit.record(ctx, { action: 'notice_bundle_requested', entityType: 'MeetingNotice', entityId: notice.id, after: { version: notice.version, generation: notice.bundleGeneration } });
    return notice;
  }

  /** The handlingar of the agenda as it stands, before finalizing: rendered now, nothing stored. */
  async preview(ctx: RequestContext, meetingId: string): Promise<{ fileName: string; content: Buffer }> {
    const { meeting, organ, view } = await this.notices.previewView(ctx, meetingId);
    const rendered = await this.render(view).catch((error: unknown) => {
      if (error instanceof ConversionError) throw new ConflictError('CONVERSION_FAILED', `Handlingarna kan inte visas: ${error.fileName} gick inte att göra om till PDF`);
      throw error;
    });
    return { fileName: `Förhandsgranskning handlingar ${organ.shortName} ${meetingDate(meeting)}.pdf`, content: rendered.pdf };
  }

  /** The bundle the reader gets: the masked one when they lack access to one of its secret matters. */
  private async bundleFor(ctx: RequestContext, notice: MeetingNotice): Promise<{ sha256: string; masked: boolean }> {
    if (notice.kind === 'cancellation') throw new NotFoundError('Sammanträdeshandlingarna');
    if (notice.bundleStatus !== 'ready' || notice.bundleSha256 === null) throw new ConflictError('BUNDLE_NOT_READY', bundleNotReadyMessage(notice));
    const masked = notice.maskedBundleSha256 !== null && (await this.notices.readsMasked(ctx, notice));
    return { sha256: masked ? notice.maskedBundleSha256! : notice.bundleSha256, masked };
  }
}

/** Why a version's handlingar cannot be had, in the secretary's words: which file failed, and whether it is tried again. */
export function bundleNotReadyMessage(notice: Pick<MeetingNotice, 'bundleStatus' | 'bundleError'>): string {
  const failed = notice.bundleError?.fileName ? `${notice.bundleError.fileName} gick inte att göra om till PDF` : 'omvandlingen till PDF misslyckades';
  switch (notice.bundleStatus) {
    case 'failed':
      return `Handlingarna kunde inte skapas: ${failed}. Ersätt filen och skapa handlingarna igen.`;
    case 'pending':
      return notice.bundleError ? `Handlingarna kunde inte skapas: ${failed}. Ett nytt försök görs om en stund.` : 'Handlingarna skapas just nu; försök igen om en liten stund.';
    default:
      return 'Den här versionen av kallelsen har inga handlingar som PDF.';
  }
}

/** "Kallelse SUN 2023-01-11 v1 med handlingar.pdf" */
export function bundleFileName(notice: MeetingNotice): string {
  return `${(notice.fileName ?? `Kallelse v${notice.version}.docx`).replace(/\.docx$/, '')} med handlingar.pdf`;
}

/** "Tjänsteskrivelse", "Bilaga 2: Målrapport", or the document's own title. */
function documentTitle(document: NoticeItemDocument, attachmentNumber: number): string {
  switch (document.kind) {
    case 'officer_report':
      return 'Tjänsteskrivelse';
    case 'text':
      return document.document.title;
    case 'stored':
    case 'file':
      return `Bilaga ${attachmentNumber}: ${document.title}`;
  }
}

/** The kallelse, then "3. Bildande av …" per item with a bookmark per document under it; an item without documents opens the agenda. */
function outline(view: MeetingNoticeView, planned: PlannedDocument[], kindTitle: string): OutlineEntry[] {
  return [
    { title: kindTitle, part: 0 },
    ...view.items.map((item, itemIndex): OutlineEntry => {
      const children = planned.flatMap((document, index) => (document.itemIndex === itemIndex ? [{ title: document.title, part: index + 1 }] : []));
      return children.length === 0 ? { title: `${item.number}. ${item.title}`, part: 0 } : { title: `${item.number}. ${item.title}`, children };
    }),
  ];
}
