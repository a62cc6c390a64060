import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, FILE_STORAGE, FileStorage, ForbiddenError, RequestContext, TenantRepository, StoredFileStream } from '@namndrum/core';
import { renderMinutes, signerAuthentication, SigningRecord } from '@namndrum/documents';
import { ArchivalCopy, archivalFileName, ArchiveSubject, PUBLIC_ACCESS, readable } from '@namndrum/matters';
import { IsNull } from 'typeorm';
import { Minutes, Paragraph, Posting } from './entities';
import { MinutesDocumentService } from './minutes-document.service';
import { MinutesReader, MinutesRecord, personName } from './minutes-record';
import { MinutesPresenter } from './minutes.presenter';

/** What the minutes context archives; a tjänsteskrivelse is archived by the matters context. */
export type MinutesArchiveSubject = ArchiveSubject & { kind: 'minutes' | 'extract' | 'posting' };

const APPROVER_ROLE_NAMES = { chair: 'ordförande', verifier: 'justerare' } as const;

/**
 * The justering as a signing record: each approval bound to the verified content, in the order given.
 * A paragraph verified at the meeting has its own approvals and hash; any other paragraph was verified
 * with the whole minutes.
 */
export function justeringSigningRecord(record: Pick<MinutesRecord, 'minutes' | 'approvals' | 'people'>, paragraph: Paragraph | null = null): SigningRecord {
  const ownApproval = paragraph?.approvedAtMeeting ?? false;
  const contentSha256 = ownApproval ? paragraph!.contentSha256 : record.minutes.contentSha256;
  const paragraphId = ownApproval ? paragraph!.id : null;
  if (!contentSha256) throw new ConflictError('NOT_VERIFIED', 'Protokollet är inte justerat');
  const approvals = record.approvals
    .filter((approval) => approval.paragraphId === paragraphId && approval.contentSha256 === contentSha256)
    .sort((a, b) => a.approvedAt.getTime() - b.approvedAt.getTime());
  return {
    signatures: approvals.map((approval) => ({
      name: personName(record, approval.personId),
      role: APPROVER_ROLE_NAMES[approval.role],
      signedAt: approval.approvedAt.toISOString(),
      authentication: signerAuthentication(approval.authMethod, approval.authProviderName),
    })),
    contentSha256,
  };
}

/**
 * The archival PDF/A copies of verified minutes, of each verified paragraph's protokollsutdrag and of
 * the version published on the notice board: what goes into them, where they are recorded, and who
 * may download them.
 */
@Injectable()
export class MinutesArchiveService {
  constructor(
    private readonly reader: MinutesReader,
    private readonly presenter: MinutesPresenter,
    private readonly documents: MinutesDocumentService,
    @Inject(FILE_STORAGE) private readonly files: FileStorage,
  ) {}

  /** The document as verified, ending with the justering's record, which its metadata carries too. */
  async archivalCopy(ctx: RequestContext, subject: MinutesArchiveSubject): Promise<ArchivalCopy> {
    switch (subject.kind) {
      case 'minutes': {
        const record = await this.verifiedRecord(ctx, subject.id);
        const posting = (await new TenantRepository(ctx, Posting, 'Anslaget').find({ minutesId: record.minutes.id, paragraphId: IsNull(), kind: 'minutes' }))[0] ?? null;
        const view = this.presenter.view(record, await this.documents.municipalityName(ctx), posting);
        return { fileName: minutesFileName(record), docx: await renderMinutes(view, { signingRecord: justeringSigningRecord(record) }) };
      }
      case 'extract': {
        const { record, paragraph } = await this.verifiedParagraph(ctx, subject.id);
        const file = await this.documents.extract(ctx, record, paragraph.id, undefined, { signingRecord: justeringSigningRecord(record, paragraph) });
        return { fileName: file.fileName, docx: file.content };
      }
      case 'posting': {
        const posting = await new TenantRepository(ctx, Posting, 'Anslaget').get(subject.id);
        if (posting.paragraphId) {
          const { record, paragraph } = await this.verifiedParagraph(ctx, posting.paragraphId);
          const file = await this.documents.extract(ctx, record, paragraph.id, PUBLIC_ACCESS, { signingRecord: justeringSigningRecord(record, paragraph) });
          return { fileName: file.fileName, docx: file.content };
        }
        const record = await this.verifiedRecord(ctx, posting.minutesId!);
        return { fileName: minutesFileName(record), docx: await this.documents.publishedMinutes(ctx, record, posting, { signingRecord: justeringSigningRecord(record) }) };
      }
    }
  }

  /** Records the archival PDF, once: the verified rows are otherwise immutable, and the database allows this one write. */
  async recordArchivalPdf(ctx: RequestContext, subject: MinutesArchiveSubject, pdfSha256: string): Promise<void> {
    const table = { minutes: 'minutes', extract: 'minutes_paragraphs', posting: 'postings' }[subject.kind];
    await ctx.em.query(`UPDATE ${table} SET archival_pdf_sha256 = $3 WHERE id = $1 AND municipality_id = $2 AND archival_pdf_sha256 IS NULL`, [subject.id, ctx.municipalityId, pdfSha256]);
  }

  /** The verified minutes as PDF/A, for a reader who may read every paragraph: the archival copy is never masked. */
  async minutesPdf(ctx: RequestContext, minutesId: string): Promise<{ fileName: string; content: StoredFileStream }> {
    const minutes = await new TenantRepository(ctx, Minutes, 'Protokollet').get(minutesId);
    if (minutes.kind !== 'minutes' || minutes.status !== 'verified') {
      throw new ConflictError('NOT_VERIFIED', 'Protokollet är inte justerat; bara ett justerat protokoll arkiveras som PDF/A');
    }
    const record = await this.reader.read(ctx, minutes);
    const readings = await this.documents.readingsOf(ctx, record);
    if (!record.paragraphs.every((paragraph) => readable(readings, paragraph.matterId))) throw new ForbiddenError(SECRET_REFUSAL);
    return { fileName: archivalFileName(minutesFileName(record)), content: await this.stored(minutes.archivalPdfSha256, 'Arkivexemplaret (PDF/A) av protokollet') };
  }

  /** A verified paragraph's protokollsutdrag as PDF/A, for a reader who may read its matter. */
  async extractPdf(ctx: RequestContext, paragraphId: string): Promise<{ fileName: string; content: StoredFileStream }> {
    const paragraph = await new TenantRepository(ctx, Paragraph, 'Paragrafen').get(paragraphId);
    const minutes = await new TenantRepository(ctx, Minutes, 'Protokollet').get(paragraph.minutesId);
    if (minutes.status !== 'verified' && !paragraph.approvedAtMeeting) {
      throw new ConflictError('NOT_VERIFIED', `§ ${paragraph.number} är inte justerad; ett protokollsutdrag kan bara göras ur justerat protokoll`);
    }
    const record = await this.reader.read(ctx, minutes);
    if (!readable(await this.documents.readingsOf(ctx, { ...record, paragraphs: [paragraph] }), paragraph.matterId)) throw new ForbiddenError(SECRET_REFUSAL);
    const content = await this.stored(paragraph.archivalPdfSha256, 'Arkivexemplaret (PDF/A) av protokollsutdraget');
    return { fileName: `Protokollsutdrag ${record.organ.shortName} ${minutes.meetingDate} § ${paragraph.number}.pdf`, content };
  }

  private async stored(sha256: string | null, what: string): Promise<StoredFileStream> {
    if (!sha256) throw new ConflictError('NOT_ARCHIVED_YET', `${what} görs just nu; försök igen om en stund`);
    return this.files.openReadStream(sha256);
  }

  private async verifiedRecord(ctx: RequestContext, minutesId: string): Promise<MinutesRecord> {
    const minutes = await new TenantRepository(ctx, Minutes, 'Protokollet').get(minutesId);
    if (minutes.status !== 'verified') throw new ConflictError('NOT_VERIFIED', 'Protokollet är inte justerat');
    return this.reader.read(ctx, minutes);
  }

  private async verifiedParagraph(ctx: RequestContext, paragraphId: string): Promise<{ record: MinutesRecord; paragraph: Paragraph }> {
    const found = await new TenantRepository(ctx, Paragraph, 'Paragrafen').get(paragraphId);
    const record = await this.reader.read(ctx, await new TenantRepository(ctx, Minutes, 'Protokollet').get(found.minutesId));
    return { record, paragraph: record.paragraphs.find((candidate) => candidate.id === found.id)! };
  }
}

const SECRET_REFUSAL = 'Handlingen innehåller uppgifter under sekretess som du inte har tillgång till; arkivexemplaret lämnas bara ut till den som får läsa allt i det';

function minutesFileName(record: MinutesRecord): string {
  return `Protokoll ${record.organ.shortName} ${record.minutes.meetingDate}.docx`;
}
