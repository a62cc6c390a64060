import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, FILE_STORAGE, FileStorage, Municipality, RequestContext, swedishDate, TenantRepository } from '@namndrum/core';
import { ArchivalCopyOptions, MinutesView, renderMinutes, renderMinutesExtract } from '@namndrum/documents';
import { MatterReadings, MatterSecrecyService, PUBLIC_ACCESS, readable, SecrecyAccess } from '@namndrum/matters';
import { DeliveryService } from '@namndrum/meetings';
import { IsNull } from 'typeorm';
import { paragraphViewAsRead } from './domain';
import { ExtractDeliveryReportDto } from './dto/posting.dto';
import { Minutes, Paragraph, Posting } from './entities';
import { MinutesReader, MinutesRecord } from './minutes-record';
import { MinutesPresenter } from './minutes.presenter';

export interface RenderedFile {
  fileName: string;
  content: Buffer;
}

/** The minutes, their extracts and their delivery report as documents. */
@Injectable()
export class MinutesDocumentService {
  constructor(
    private readonly reader: MinutesReader,
    private readonly presenter: MinutesPresenter,
    private readonly deliveries: DeliveryService,
    private readonly secrecy: MatterSecrecyService,
    @Inject(FILE_STORAGE) private readonly files: FileStorage,
  ) {}

  /**
   * The protokoll as DOCX. A reader who may read every paragraph gets the verified file itself (or the
   * draft); a reader without access to a secret paragraph gets the same minutes rendered with that
   * paragraph masked. The verified file and its hash stay as they were.
   */
  async minutesDocx(ctx: RequestContext, id: string): Promise<RenderedFile> {
    const minutes = await new TenantRepository(ctx, Minutes, 'Protokollet').get(id);
    const record = await this.reader.read(ctx, minutes);
    const label = minutes.kind === 'notes' ? 'Minnesanteckningar' : 'Protokoll';
    const fileName = `${label} ${record.organ.shortName} ${minutes.meetingDate}${minutes.status === 'draft' ? ' UTKAST' : ''}.docx`;
    const readings = await this.readingsOf(ctx, record);
    const everythingReadable = record.paragraphs.every((paragraph) => readable(readings, paragraph.matterId));
    if (minutes.fileSha256 && everythingReadable) return { fileName, content: await this.files.get(minutes.fileSha256) };
    const posting = minutes.status === 'verified' ? ((await new TenantRepository(ctx, Posting, 'Anslaget').find({ minutesId: minutes.id, paragraphId: IsNull() }))[0] ?? null) : null;
    return { fileName, content: await renderMinutes(this.asRead(this.presenter.view(record, await this.municipalityName(ctx), posting), record.paragraphs, readings)) };
  }

  /** How the reader (or the access given: the public, a recipient) may see the matters of the minutes. */
  readingsOf(ctx: RequestContext, record: MinutesRecord, access?: SecrecyAccess): Promise<MatterReadings> {
    return this.secrecy.readings(ctx, record.paragraphs.map((paragraph) => paragraph.matterId), access);
  }

  /** The rendered minutes with each paragraph as the readings allow; `paragraphs` are those the view shows, in its order. */
  asRead(view: MinutesView, paragraphs: Paragraph[], readings: MatterReadings): MinutesView {
    return { ...view, paragraphs: view.paragraphs.map((shown, index) => paragraphViewAsRead(shown, readings.get(paragraphs[index].matterId ?? ''))) };
  }

  /**
   * The minutes as published on the notice board: without the paragraphs kept from publication, and
   * read as the public reads them (a secret matter's paragraph, if published at all, is masked). It
   * carries the posting's own dates in its ANSLAG/BEVIS box.
   */
  async publishedMinutes(ctx: RequestContext, record: MinutesRecord, posting: Posting, options: ArchivalCopyOptions = {}): Promise<Buffer> {
    const published = record.paragraphs.filter((paragraph) => !paragraph.notPublished);
    const publicReadings = await this.readingsOf(ctx, record, PUBLIC_ACCESS);
    const view = this.asRead(this.presenter.view(record, await this.municipalityName(ctx), posting, { paragraphs: published }), published, publicReadings);
    return renderMinutes(view, options);
  }

  async extractDocx(ctx: RequestContext, paragraphId: string): Promise<RenderedFile> {
    const paragraph = await new TenantRepository(ctx, Paragraph, 'Paragrafen').get(paragraphId);
    const minutes = await new TenantRepository(ctx, Minutes, 'Protokollet').get(paragraph.minutesId);
    return this.extract(ctx, await this.reader.read(ctx, minutes), paragraphId);
  }

  /**
   * A protokollsutdrag exists once its paragraph is verified, with the minutes or at the meeting. Its
   * paragraph is masked for a reader without access, or for the access given (published or e-mailed).
   */
  async extract(ctx: RequestContext, record: MinutesRecord, paragraphId: string, access?: SecrecyAccess, options: ArchivalCopyOptions = {}): Promise<RenderedFile> {
    const paragraph = record.paragraphs.find((candidate) => candidate.id === paragraphId)!;
    if (record.minutes.status !== 'verified' && !paragraph.approvedAtMeeting) {
      throw new ConflictError('NOT_VERIFIED', `§ ${paragraph.number} är inte justerad; ett protokollsutdrag kan bara göras ur justerat protokoll`);
    }
    const postings = new TenantRepository(ctx, Posting, 'Anslaget');
    const posting = paragraph.approvedAtMeeting
      ? ((await postings.find({ paragraphId: paragraph.id }))[0] ?? null)
      : ((await postings.find({ minutesId: record.minutes.id, paragraphId: IsNull() }))[0] ?? null);
    const verifiedOn = posting?.verifiedOn ?? swedishDate(paragraph.lockedAt ?? record.minutes.lockedAt ?? new Date());
    const full = this.presenter.extractView(record, paragraph, await this.municipalityName(ctx), posting, verifiedOn);
    const readings = await this.secrecy.readings(ctx, [paragraph.matterId], access);
    const view = { ...full, paragraph: paragraphViewAsRead(full.paragraph, readings.get(paragraph.matterId ?? '')) };
    return { fileName: `Protokollsutdrag ${record.organ.shortName} ${record.minutes.meetingDate} § ${paragraph.number}.docx`, content: await renderMinutesExtract(view, options) };
  }

  async extractDeliveries(ctx: RequestContext, minutesId: string): Promise<ExtractDeliveryReportDto> {
    const minutes = await new TenantRepository(ctx, Minutes, 'Protokollet').get(minutesId);
    const paragraphs = await new TenantRepository(ctx, Paragraph, 'Paragrafen').find({ minutesId: minutes.id });
    const report = await this.deliveries.subjectReport(
      ctx,
      'minutes_extract',
      paragraphs.map((paragraph) => paragraph.id),
    );
    return { minutesId, ...report };
  }

  async municipalityName(ctx: RequestContext): Promise<string> {
    const municipality = await ctx.em.getRepository(Municipality).findOneByOrFail({ id: ctx.municipalityId });
    return municipality.name;
  }
}
