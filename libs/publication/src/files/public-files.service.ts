import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FILE_STORAGE, FileStorage } from '@namndrum/core';
import { DataSource } from 'typeorm';
import { publicPaths } from '../public-urls';

/** A file anyone may download: a document of a meeting's published kallelse med handlingar, or a published protokoll. */
export interface PublicFile {
  /** Stable: the bundle part's id for a handling, the posting's id for a protokoll. */
  id: string;
  municipalityId: string;
  meetingId: string;
  agendaItemId: string | null;
  matterId: string | null;
  title: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
  updatedAt: Date;
  /** Its public address (publicPaths.meetingFile or publicPaths.postingMinutesPdf). */
  path: string;
}

export interface PublicFileFilter {
  createdSince?: Date;
  createdUntil?: Date;
  modifiedSince?: Date;
  modifiedUntil?: Date;
}

interface Scope extends PublicFileFilter {
  municipalityId?: string;
  meetingId?: string;
  fileId?: string;
}

interface PartRow {
  id: string;
  municipality_id: string;
  meeting_id: string;
  item_id: string | null;
  matter_id: string | null;
  item_number: number | null;
  title: string;
  pdf_sha256: string;
  created_at: Date;
  updated_at: Date;
}

interface PostingRow {
  id: string;
  municipality_id: string;
  code: string;
  meeting_id: string;
  agenda_item_id: string | null;
  matter_id: string | null;
  paragraph_id: string | null;
  paragraphs: string;
  organ_name: string;
  meeting_date: string;
  archival_pdf_sha256: string;
  created_at: Date;
  updated_at: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PDF = 'application/pdf';
/** Stored files never change under their hash, so their sizes are kept once read. */
const SIZE_CACHE_LIMIT = 10_000;

/**
 * The one rule of which files are public.
 *
 * (a) The documents of a meeting's published kallelse med handlingar: the parts of the bundle PDF of the latest
 * sent kallelse (notice or revised) and of the supplementary notices sent after it — the masked bundle when the
 * notice has one — for a meeting whose notice is out and not cancelled, of an organ whose rules publish notices.
 * Left out: every part of an item whose matter is secret, holds personal data or has a secret tjänsteskrivelse,
 * every part made from a secret document, and parts of items no longer on the agenda.
 *
 * (b) The published protokoll (or protokollsutdrag) of a verified posting as PDF/A, once the worker has made it:
 * a posting that is or has been up, whose minutes are published (the organ publishes minutes and, unless its rules
 * say otherwise, they hold no personal data: the posting then has a published file at all).
 */
@Injectable()
export class PublicFilesService {
  private readonly sizes = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /** The public files of one meeting: its handlingar in bundle order, then its protokoll. */
  forMeeting(municipalityId: string, meetingId: string): Promise<PublicFile[]> {
    if (!UUID.test(meetingId)) return Promise.resolve([]);
    return this.select({ municipalityId, meetingId });
  }

  /** Every public file of the municipality, oldest first, created/modified within the bounds given. */
  listForMunicipality(municipalityId: string, filter: PublicFileFilter = {}): Promise<PublicFile[]> {
    return this.select({ municipalityId, ...filter });
  }

  /** A public file and its bytes; null when there is no such file or it is not public. */
  async find(fileId: string): Promise<{ file: PublicFile; content: Buffer } | null> {
    if (!UUID.test(fileId)) return null;
    const [file] = await this.select({ fileId });
    if (!file) return null;
    return { file, content: await this.storage.get(file.sha256) };
  }

  private async select(scope: Scope): Promise<PublicFile[]> {
    const [parts, postings] = await Promise.all([this.parts(scope), this.postings(scope)]);
    const files = [
      ...parts.map((row) => this.partFile(row)),
      ...postings.map((row) => this.postingFile(row)),
    ];
    await this.fillSizes(files);
    if (scope.meetingId) return files;
    return files.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  private async parts(scope: Scope): Promise<PartRow[]> {
    const { conditions, parameters } = conditionsOf(scope, 'p', 'n.meeting_id');
    return this.dataSource.query(
      `WITH sent AS (
         SELECT n.id, n.meeting_id, n.version, n.kind, n.masked_bundle_sha256
           FROM meeting_notices n
          WHERE n.status = 'dispatched' AND n.kind <> 'cancellation'
       ), base AS (
         SELECT DISTINCT ON (meeting_id) meeting_id, version FROM sent WHERE kind IN ('notice', 'revised') ORDER BY meeting_id, version DESC
       ), published AS (
         SELECT sent.* FROM sent JOIN base ON base.meeting_id = sent.meeting_id AND sent.version >= base.version
          WHERE sent.version = base.version OR sent.kind = 'supplementary'
       )
       SELECT p.id, p.municipality_id, n.meeting_id, p.item_id, ai.matter_id, p.item_number, p.title, p.pdf_sha256, p.created_at, p.updated_at
         FROM notice_bundle_parts p
         JOIN published n ON n.id = p.notice_id AND p.masked = (n.masked_bundle_sha256 IS NOT NULL)
         JOIN meetings m ON m.id = n.meeting_id AND m.municipality_id = p.municipality_id
         JOIN organs o ON o.id = m.organ_id
         LEFT JOIN agenda_items ai ON ai.id = p.item_id
         LEFT JOIN matters mt ON mt.id = ai.matter_id
         LEFT JOIN documents d ON d.id = p.document_id
        WHERE m.status IN ('notice_sent', 'held', 'minutes_verified')
          AND o.rules_publish_notices
          AND (p.item_id IS NULL OR ai.id IS NOT NULL)
          AND NOT coalesce(mt.secret, false)
          AND NOT coalesce(mt.personal_data, false)
          AND NOT coalesce(d.secret, false)
          AND NOT EXISTS (SELECT 1 FROM officer_reports r JOIN documents rd ON rd.id = r.document_id WHERE r.matter_id = mt.id AND rd.secret)
          ${conditions.map((condition) => `AND ${condition}`).join(' ')}
        ORDER BY n.version, p.position`,
      parameters,
    );
  }

  private async postings(scope: Scope): Promise<PostingRow[]> {
    const { conditions, parameters } = conditionsOf(scope, 'p', 'p.meeting_id');
    return this.dataSource.query(
      `SELECT p.id, p.municipality_id, mun.code, p.meeting_id, par.agenda_item_id, par.matter_id, p.paragraph_id, p.paragraphs, p.organ_name,
              to_char(p.meeting_date, 'YYYY-MM-DD') AS meeting_date, p.archival_pdf_sha256, p.created_at, p.updated_at
         FROM postings p
         JOIN organs o ON o.id = p.organ_id
         JOIN municipalities mun ON mun.id = p.municipality_id
         LEFT JOIN minutes_paragraphs par ON par.id = p.paragraph_id
        WHERE p.kind = 'minutes' AND p.status IN ('up', 'down')
          AND p.file_sha256 IS NOT NULL AND p.archival_pdf_sha256 IS NOT NULL
          AND o.rules_publish_minutes
          ${conditions.map((condition) => `AND ${condition}`).join(' ')}
        ORDER BY p.paragraph_id NULLS FIRST, p.posted_on`,
      parameters,
    );
  }

  private partFile(row: PartRow): PublicFile {
    const title = row.item_number === null ? row.title : `Ärende ${row.item_number}: ${row.title}`;
    return {
      id: row.id,
      municipalityId: row.municipality_id,
      meetingId: row.meeting_id,
      agendaItemId: row.item_id,
      matterId: row.matter_id,
      title,
      fileName: `${safeFileName(row.item_number === null ? row.title : `${row.item_number} ${row.title}`)}.pdf`,
      mediaType: PDF,
      sizeBytes: 0,
      sha256: row.pdf_sha256,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      path: publicPaths.meetingFile(row.meeting_id, row.id),
    };
  }

  private postingFile(row: PostingRow): PublicFile {
    const title = row.paragraph_id ? `Protokollsutdrag ${row.organ_name} ${row.meeting_date} ${row.paragraphs}` : `Protokoll ${row.organ_name} ${row.meeting_date}`;
    return {
      id: row.id,
      municipalityId: row.municipality_id,
      meetingId: row.meeting_id,
      agendaItemId: row.agenda_item_id,
      matterId: row.matter_id,
      title,
      // As the notice board names it.
      fileName: `${title}.pdf`,
      mediaType: PDF,
      sizeBytes: 0,
      sha256: row.archival_pdf_sha256,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      path: publicPaths.postingMinutesPdf(row.code, row.id),
    };
  }

  private async fillSizes(files: PublicFile[]): Promise<void> {
    for (const file of files) {
      let size = this.sizes.get(file.sha256);
      if (size === undefined) {
        size = (await this.storage.get(file.sha256)).length;
        if (this.sizes.size >= SIZE_CACHE_LIMIT) this.sizes.delete(this.sizes.keys().next().value!);
        this.sizes.set(file.sha256, size);
      }
      file.sizeBytes = size;
    }
  }
}

/** The scope as SQL conditions on the file's own row (`alias`) and its meeting, numbered from $1. */
function conditionsOf(scope: Scope, alias: string, meetingColumn: string): { conditions: string[]; parameters: unknown[] } {
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  const add = (sql: (placeholder: string) => string, value: unknown) => {
    parameters.push(value);
    conditions.push(sql(`$${parameters.length}`));
  };
  if (scope.municipalityId) add((at) => `${alias}.municipality_id = ${at}`, scope.municipalityId);
  if (scope.meetingId) add((at) => `${meetingColumn} = ${at}`, scope.meetingId);
  if (scope.fileId) add((at) => `${alias}.id = ${at}`, scope.fileId);
  if (scope.createdSince) add((at) => `${alias}.created_at >= ${at}`, scope.createdSince);
  if (scope.createdUntil) add((at) => `${alias}.created_at <= ${at}`, scope.createdUntil);
  if (scope.modifiedSince) add((at) => `${alias}.updated_at >= ${at}`, scope.modifiedSince);
  if (scope.modifiedUntil) add((at) => `${alias}.updated_at <= ${at}`, scope.modifiedUntil);
  return { conditions, parameters };
}

/** A file name any system saves: no path separators or control characters. */
function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 150);
}
