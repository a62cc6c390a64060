import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, FILE_STORAGE, FileStorage, Municipality, RequestContext, swedishDate, TenantRepository } from '@namndrum/core';
import { renderMinutes, renderMinutesExtract } from '@namndrum/documents';
import { DeliveryService } from '@namndrum/meetings';
import { IsNull } from 'typeorm';
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
    @Inject(FILE_STORAGE) private readonly files: FileStorage,
  ) {}

  async minutesDocx(ctx: RequestContext, id: string): Promise<RenderedFile> {
    const minutes = await new TenantRepository(ctx, Minutes, 'Protokollet').get(id);
    const record = await this.reader.read(ctx, minutes);
    const label = minutes.kind === 'notes' ? 'Minnesanteckningar' : 'Protokoll';
    const fileName = `${label} ${record.organ.shortName} ${minutes.meetingDate}${minutes.status === 'draft' ? ' UTKAST' : ''}.docx`;
    if (minutes.fileSha256) return { fileName, content: await this.files.get(minutes.fileSha256) };
    return { fileName, content: await renderMinutes(this.presenter.view(record, await this.municipalityName(ctx), null)) };
  }

  async extractDocx(ctx: RequestContext, paragraphId: string): Promise<RenderedFile> {
    const paragraph = await new TenantRepository(ctx, Paragraph, 'Paragrafen').get(paragraphId);
    const minutes = await new TenantRepository(ctx, Minutes, 'Protokollet').get(paragraph.minutesId);
    return this.extract(ctx, await this.reader.read(ctx, minutes), paragraphId);
  }

  /** A protokollsutdrag exists once its paragraph is verified, with the minutes or at the meeting. */
  async extract(ctx: RequestContext, record: MinutesRecord, paragraphId: string): Promise<RenderedFile> {
    const paragraph = record.paragraphs.find((candidate) => candidate.id === paragraphId)!;
    if (record.minutes.status !== 'verified' && !paragraph.approvedAtMeeting) {
      throw new ConflictError('NOT_VERIFIED', `§ ${paragraph.number} är inte justerad; ett protokollsutdrag kan bara göras ur justerat protokoll`);
    }
    const postings = new TenantRepository(ctx, Posting, 'Anslaget');
    const posting = paragraph.approvedAtMeeting
      ? ((await postings.find({ paragraphId: paragraph.id }))[0] ?? null)
      : ((await postings.find({ minutesId: record.minutes.id, paragraphId: IsNull() }))[0] ?? null);
    const verifiedOn = posting?.verifiedOn ?? swedishDate(paragraph.lockedAt ?? record.minutes.lockedAt ?? new Date());
    const view = this.presenter.extractView(record, paragraph, await this.municipalityName(ctx), posting, verifiedOn);
    return { fileName: `Protokollsutdrag ${record.organ.shortName} ${record.minutes.meetingDate} § ${paragraph.number}.docx`, content: await renderMinutesExtract(view) };
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
