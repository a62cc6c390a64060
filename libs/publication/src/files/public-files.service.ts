import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FILE_STORAGE, FileStorage, StoredFileStream } from '@namndrum/core';
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
  /** sha512 of the bytes, hex (OParl's sha512Checksum); read with the size. */
  sha512: string;
  /**
   * What it is: the kallelse's own pages (`notice`: of the latest notice or revised notice; a supplementary
   * notice's own pages are a `document`), a document of the handlingar, the protokoll, or a protokollsutdrag.
   */
  kind: PublicFileKind;
  createdAt: Date;
  updatedAt: Date;
  /** Its public address (publicPaths.meetingFile or publicPaths.postingMinutesPdf). */
  path: string;
}

export type PublicFileKind = 'notice' | 'document' | 'minutes' | 'minutesExtract';

/** A file that was public and is no longer (its matter made secret, its meeting cancelled …), as far as that can be told. */
export interface WithdrawnFile {
  id: string;
  meetingId: string;
  createdAt: Date;
  /** When what withdrew it changed (the matter, document, meeting, organ or the file's row). */
  modifiedAt: Date;
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
  meetingIds?: string[];
  fileIds?: string[];
}

interface PartRow {
  id: string;
  municipality_id: string;
  meeting_id: string;
  item_id: string | null;
  matter_id: string | null;
  item_number: number | null;
  position: number;
  notice_kind: string;
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
  private readonly sizes = new Map<string, { size: number; sha512: string }>();

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

  /** The public files of several meetings at once (for a page of meetings), each meeting's in its own order. */
  forMeetings(municipalityId: string, meetingIds: string[]): Promise<PublicFile[]> {
    const ids = meetingIds.filter((id) => UUID.test(id));
    if (ids.length === 0) return Promise.resolve([]);
    return this.select({ municipalityId, meetingIds: ids, meetingId: undefined });
  }

  /** One public file of the municipality (without its bytes); null when there is none or it is not public. */
  async findInMunicipality(municipalityId: string, fileId: string): Promise<PublicFile | null> {
    if (!UUID.test(fileId)) return null;
    const [file] = await this.select({ municipalityId, fileId });
    return file ?? null;
  }

  /**
   * One page of the municipality's public files in the order of listForMunicipality (created, id), and how
   * many there are in all: one query for the page's ids and the total, one per kind of file for the page.
   */
  async pageForMunicipality(municipalityId: string, filter: PublicFileFilter, page: { limit: number; offset: number }): Promise<{ files: PublicFile[]; total: number }> {
    const scope: Scope = { municipalityId, ...filter };
    const parts = this.partsQuery(scope);
    const postings = this.postingsQuery(scope);
    // The same scope gives both queries the same parameters in the same order; ordered to the millisecond, as in JavaScript.
    const union = `SELECT a.id, a.created_at FROM (${parts.sql}) a UNION ALL SELECT b.id, b.created_at FROM (${postings.sql}) b`;
    const n = parts.parameters.length;
    const rows: { id: string; total: string }[] = await this.dataSource.query(
      `SELECT f.id, count(*) OVER () AS total FROM (${union}) f ORDER BY date_trunc('milliseconds', f.created_at), f.id LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...parts.parameters, page.limit, page.offset],
    );
    let total = rows.length > 0 ? Number(rows[0].total) : 0;
    if (rows.length === 0 && page.offset > 0) total = Number((await this.dataSource.query(`SELECT count(*) AS n FROM (${union}) f`, parts.parameters))[0].n);
    if (rows.length === 0) return { files: [], total };
    const files = await this.select({ municipalityId, fileIds: rows.map((row) => row.id) });
    const order = new Map(rows.map((row, index) => [row.id, index]));
    return { files: files.sort((a, b) => order.get(a.id)! - order.get(b.id)!), total };
  }

  /**
   * Files of the municipality that this rule no longer makes public but that were made for the public — a part of a
   * sent notice's published bundle, a protokoll of a posting — whose withdrawal is datable: its matter or document
   * made secret or personal, its meeting cancelled, its organ no longer publishing. Those changed within the bounds
   * (modified: the newest of those rows); `fileIds` narrows to some. A part deleted with its bundle (a bundle made
   * anew) is gone without trace. It may hold a file that was never public (a secret matter's part of a masked
   * bundle whose meeting changed): it says only that the id is not public.
   */
  async withdrawnForMunicipality(municipalityId: string, filter: PublicFileFilter, fileIds?: string[]): Promise<WithdrawnFile[]> {
    const parameters: unknown[] = [municipalityId];
    const at = (value: unknown) => {
      parameters.push(value);
      return `$${parameters.length}`;
    };
    const where: string[] = [];
    if (filter.createdSince) where.push(`c.created_at >= ${at(filter.createdSince)}`);
    if (filter.createdUntil) where.push(`c.created_at <= ${at(filter.createdUntil)}`);
    if (filter.modifiedSince) where.push(`date_trunc('milliseconds', c.modified) >= ${at(filter.modifiedSince)}`);
    if (filter.modifiedUntil) where.push(`date_trunc('milliseconds', c.modified) <= ${at(filter.modifiedUntil)}`);
    if (fileIds) where.push(`c.id = ANY (${at(fileIds.filter((id) => UUID.test(id)))}::uuid[])`);
    const candidates: { id: string; meeting_id: string; created_at: Date; modified: Date }[] = await this.dataSource.query(
      `SELECT c.* FROM (
         SELECT p.id, n.meeting_id, p.created_at, GREATEST(p.updated_at, m.updated_at, o.updated_at, mt.updated_at, d.updated_at) AS modified
           FROM notice_bundle_parts p
           JOIN meeting_notices n ON n.id = p.notice_id AND n.status = 'dispatched' AND n.kind <> 'cancellation' AND p.masked = (n.masked_bundle_sha256 IS NOT NULL)
           JOIN meetings m ON m.id = n.meeting_id
           JOIN organs o ON o.id = m.organ_id
           LEFT JOIN agenda_items ai ON ai.id = p.item_id
           LEFT JOIN matters mt ON mt.id = ai.matter_id
           LEFT JOIN documents d ON d.id = p.document_id
          WHERE p.municipality_id = $1
         UNION ALL
         SELECT po.id, po.meeting_id, po.created_at, GREATEST(po.updated_at, o.updated_at) AS modified
           FROM postings po JOIN organs o ON o.id = po.organ_id
          WHERE po.municipality_id = $1 AND po.kind = 'minutes' AND po.status IN ('up', 'down') AND po.file_sha256 IS NOT NULL AND po.archival_pdf_sha256 IS NOT NULL
       ) c ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY c.created_at, c.id`,
      parameters,
    );
    if (candidates.length === 0) return [];
    // Whatever the one rule still makes public is not withdrawn.
    const stillPublic = new Set((await this.select({ municipalityId, fileIds: candidates.map((row) => row.id) }, false)).map((file) => file.id));
    return candidates.filter((row) => !stillPublic.has(row.id)).map((row) => ({ id: row.id, meetingId: row.meeting_id, createdAt: row.created_at, modifiedAt: row.modified }));
  }

  /** A public file and its bytes, streamed; null when there is no such file or it is not public. */
  async find(fileId: string): Promise<{ file: PublicFile; content: StoredFileStream } | null> {
    if (!UUID.test(fileId)) return null;
    // Its size comes with the stream: the sizes and sha512 a listing shows would read the whole file first.
    const [file] = await this.select({ fileId }, false);
    if (!file) return null;
    return { file, content: await this.storage.openReadStream(file.sha256) };
  }

  private async select(scope: Scope, withSizes = true): Promise<PublicFile[]> {
    const [parts, postings] = await Promise.all([this.parts(scope), this.postings(scope)]);
    const files = [
      ...parts.map((row) => this.partFile(row)),
      ...postings.map((row) => this.postingFile(row)),
    ];
    if (withSizes) await this.fillSizes(files);
    if (scope.meetingId) return files;
    // Several meetings: each meeting's files in its own order (handlingar in bundle order, then protokoll).
    if (scope.meetingIds) return files;
    return files.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  private async parts(scope: Scope): Promise<PartRow[]> {
    const { sql, parameters } = this.partsQuery(scope);
    return this.dataSource.query(sql, parameters);
  }

  private partsQuery(scope: Scope): { sql: string; parameters: unknown[] } {
    const { conditions, parameters } = conditionsOf(scope, 'p', 'n.meeting_id');
    return {
      sql:
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
       SELECT p.id, p.municipality_id, n.meeting_id, p.item_id, ai.matter_id, p.item_number, p.position, n.kind AS notice_kind, p.title, p.pdf_sha256, p.created_at, p.updated_at
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
    };
  }

  private async postings(scope: Scope): Promise<PostingRow[]> {
    const { sql, parameters } = this.postingsQuery(scope);
    return this.dataSource.query(sql, parameters);
  }

  private postingsQuery(scope: Scope): { sql: string; parameters: unknown[] } {
    const { conditions, parameters } = conditionsOf(scope, 'p', 'p.meeting_id');
    return {
      sql:
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
    };
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
      sha512: '',
      kind: row.item_id === null && row.position === 0 && row.notice_kind !== 'supplementary' ? 'notice' : 'document',
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
      sha512: '',
      kind: row.paragraph_id ? 'minutesExtract' : 'minutes',
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      path: publicPaths.postingMinutesPdf(row.code, row.id),
    };
  }

  private async fillSizes(files: PublicFile[]): Promise<void> {
    for (const file of files) {
      let known = this.sizes.get(file.sha256);
      if (known === undefined) {
        const { size, stream } = await this.storage.openReadStream(file.sha256);
        const sha512 = createHash('sha512');
        for await (const chunk of stream) sha512.update(chunk as Buffer);
        known = { size, sha512: sha512.digest('hex') };
        if (this.sizes.size >= SIZE_CACHE_LIMIT) this.sizes.delete(this.sizes.keys().next().value!);
        this.sizes.set(file.sha256, known);
      }
      file.sizeBytes = known.size;
      file.sha512 = known.sha512;
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
  if (scope.meetingIds) add((at) => `${meetingColumn} = ANY (${at}::uuid[])`, scope.meetingIds);
  if (scope.fileIds) add((at) => `${alias}.id = ANY (${at}::uuid[])`, scope.fileIds);
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
