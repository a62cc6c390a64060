import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FILE_STORAGE, FileStorage, RequestContext } from '@namndrum/core';
import { DOCUMENT_CONVERTER, DocumentConverter, DOCX_MEDIA_TYPE } from '@namndrum/documents';
import { ArchivalCopy, ArchiveSubject, OfficerReportService } from '@namndrum/matters';
import { DataSource, EntityManager } from 'typeorm';
import { MinutesArchiveService, MinutesArchiveSubject } from '../minutes-archive.service';

interface ArchiveJob {
  municipalityId: string;
  subject: ArchiveSubject;
}

/**
 * Stores a signed or verified document as PDF/A-2b (the `document.archive` outbox row). The DOCX is
 * rendered in one short transaction, converted outside any (LibreOffice takes seconds), and the PDF
 * recorded with the row marked done in a second, which finds the row done if another run got there
 * first. A conversion that fails throws, and the queue tries again.
 */
@Injectable()
export class DocumentArchiver {
  private readonly logger = new Logger(DocumentArchiver.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly officerReports: OfficerReportService,
    private readonly minutesArchive: MinutesArchiveService,
    @Inject(DOCUMENT_CONVERTER) private readonly converter: DocumentConverter,
    @Inject(FILE_STORAGE) private readonly files: FileStorage,
  ) {}

  async archive(outboxId: string): Promise<{ pdfSha256: string } | null> {
    const started = Date.now();
    const prepared = await this.dataSource.transaction(async (em) => {
      const job = await this.pendingJob(em, outboxId, false);
      if (!job) return null;
      const copy = await this.archivalCopy(RequestContext.system(em, job.municipalityId, `outbox:${outboxId}`), job.subject);
      return { job, copy };
    });
    if (!prepared) return null;
    const { job, copy } = prepared;
    const [pdf] = await this.converter.toPdf([{ fileName: copy.fileName, mediaType: DOCX_MEDIA_TYPE, content: copy.docx }], { archival: true });
    const pdfSha256 = await this.files.put(pdf);
    const recorded = await this.dataSource.transaction(async (em) => {
      if (!(await this.pendingJob(em, outboxId, true))) return false;
      const ctx = RequestContext.system(em, job.municipalityId, `outbox:${outboxId}`);
      if (job.subject.kind === 'officer_report') await this.officerReports.recordArchivalPdf(ctx, job.subject.id, pdfSha256);
      else await this.minutesArchive.recordArchivalPdf(ctx, job.subject as MinutesArchiveSubject, pdfSha256);
      await em.query(`UPDATE outbox_jobs SET status = 'done', attempts = attempts + 1, completed_at = clock_timestamp(), updated_at = now() WHERE id = $1`, [outboxId]);
      return true;
    });
    if (!recorded) return null;
    this.logger.log({ outboxId, municipalityId: job.municipalityId, subject: job.subject, pdfSha256, durationMs: Date.now() - started }, 'Document archived as PDF/A');
    return { pdfSha256 };
  }

  private async pendingJob(em: EntityManager, outboxId: string, lock: boolean): Promise<ArchiveJob | null> {
    const [row]: { municipality_id: string; status: string; payload: ArchiveSubject }[] = await em.query(
      `SELECT municipality_id, status, payload FROM outbox_jobs WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [outboxId],
    );
    if (!row || row.status !== 'pending') return null;
    return { municipalityId: row.municipality_id, subject: { kind: row.payload.kind, id: row.payload.id } };
  }

  private archivalCopy(ctx: RequestContext, subject: ArchiveSubject): Promise<ArchivalCopy> {
    return subject.kind === 'officer_report' ? this.officerReports.archivalCopy(ctx, subject.id) : this.minutesArchive.archivalCopy(ctx, subject as MinutesArchiveSubject);
  }
}
