import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FILE_STORAGE, FileStorage, Municipality, NotFoundError, StoredFileStream } from '@namndrum/core';
import { DataSource, In } from 'typeorm';
import { Posting } from './entities';



/** The published files of the notice board's postings (the page itself is PublicationModule's NoticeBoardPageService). */
@Injectable()
export class NoticeBoardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly files: FileStorage,
  ) {}

  /** The published minutes of a posting while it is up. */
  async file(municipalityCode: string, postingId: string): Promise<{ fileName: string; content: StoredFileStream }> {
    const posting = await this.postingUp(municipalityCode, postingId);
    if (!posting.fileSha256) throw new NotFoundError('Anslaget');
    return { fileName: `${publishedLabel(posting)}.docx`, content: await this.files.openReadStream(posting.fileSha256) };
  }

  /** The published minutes of a posting as PDF/A, once the worker has made it: while the posting is up and after, in the archive. */
  async pdf(municipalityCode: string, postingId: string): Promise<{ fileName: string; content: StoredFileStream }> {
    const posting = await this.posting(municipalityCode, postingId, ['up', 'down']);
    if (!posting.archivalPdfSha256 || !posting.fileSha256) throw new NotFoundError('Anslaget');
    return { fileName: `${publishedLabel(posting)}.pdf`, content: await this.files.openReadStream(posting.archivalPdfSha256) };
  }

  private postingUp(municipalityCode: string, postingId: string): Promise<Posting> {
    return this.posting(municipalityCode, postingId, ['up']);
  }

  private async posting(municipalityCode: string, postingId: string, statuses: Posting['status'][]): Promise<Posting> {
    const municipality = await this.municipality(municipalityCode);
    const posting = await this.dataSource.getRepository(Posting).findOneBy({ id: postingId, municipalityId: municipality.id, status: In(statuses) });
    if (!posting) throw new NotFoundError('Anslaget');
    return posting;
  }

  private async municipality(code: string): Promise<Municipality> {
    const municipality = /^\d{4}$/.test(code) ? await this.dataSource.getRepository(Municipality).findOneBy({ code }) : null;
    if (!municipality) throw new NotFoundError('Kommunen');
    return municipality;
  }
}

function publishedLabel(posting: Posting): string {
  return posting.paragraphId ? `Protokollsutdrag ${posting.organName} ${posting.meetingDate} ${posting.paragraphs}` : `Protokoll ${posting.organName} ${posting.meetingDate}`;
}
