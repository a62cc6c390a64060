import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PUBLIC_MEETING } from './page-helpers';

/** A decision (paragraph) as published: the text only where the decision may be published. */
export interface PublishedDecision {
  id: string;
  meetingId: string;
  organId: string;
  organName: string;
  meetingDate: string;
  number: number;
  title: string;
  caseNumber: string | null;
  matterId: string | null;
  /** The decision text, empty when it is not published (secret, personal data, "publiceras ej"). */
  text: string[];
  updatedAt: Date;
}

/**
 * Paragraphs of verified minutes that have been posted with a published protokoll (the organ publishes minutes and the
 * minutes are published: no personal data unless the rules allow), minus paragraphs marked "publiceras ej". A secret
 * matter (or one with a secret tjänsteskrivelse) shows its case number and masked title only; one with personal data
 * no decision text.
 */
const PUBLISHED_PARAGRAPHS = `
  SELECT par.id, mi.meeting_id, o.id AS organ_id, o.name AS organ_name, to_char(mi.meeting_date, 'YYYY-MM-DD') AS meeting_date, par.number,
         CASE WHEN mt.secret THEN coalesce(nullif(btrim(mt.public_title), ''), 'Sekretessärende') ELSE par.title END AS title,
         par.case_number, par.matter_id,
         CASE WHEN coalesce(mt.secret, false) OR coalesce(mt.personal_data, false)
                OR EXISTS (SELECT 1 FROM officer_reports r JOIN documents rd ON rd.id = r.document_id WHERE r.matter_id = mt.id AND rd.secret)
              THEN '{}'::text[] ELSE par.decision END AS text,
         coalesce(mt.secret, false) OR EXISTS (SELECT 1 FROM officer_reports r JOIN documents rd ON rd.id = r.document_id WHERE r.matter_id = mt.id AND rd.secret) AS hidden,
         coalesce(mt.personal_data, false) AS personal_data,
         greatest(par.updated_at, mi.updated_at) AS updated_at
    FROM minutes_paragraphs par
    JOIN minutes mi ON mi.id = par.minutes_id
    JOIN organs o ON o.id = par.organ_id
    LEFT JOIN matters mt ON mt.id = par.matter_id
   WHERE mi.municipality_id = $1 AND NOT par.not_published AND o.rules_publish_minutes
     AND EXISTS (SELECT 1 FROM postings po WHERE po.minutes_id = mi.id AND po.kind = 'minutes' AND po.status IN ('up', 'down') AND po.file_sha256 IS NOT NULL
                 AND (po.paragraph_id IS NULL OR po.paragraph_id = par.id))`;

interface Row {
  id: string;
  meeting_id: string;
  organ_id: string;
  organ_name: string;
  meeting_date: string;
  number: number;
  title: string;
  case_number: string | null;
  matter_id: string | null;
  text: string[];
  hidden: boolean;
  personal_data: boolean;
  updated_at: Date;
}

const toDecision = (row: Row): PublishedDecision => ({
  id: row.id,
  meetingId: row.meeting_id,
  organId: row.organ_id,
  organName: row.organ_name,
  meetingDate: row.meeting_date,
  number: row.number,
  title: row.title,
  caseNumber: row.case_number,
  matterId: row.matter_id,
  text: row.text,
  updatedAt: row.updated_at,
});

export const SEARCH_PAGE_SIZE = 20;

@Injectable()
export class PublishedDecisionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forMeeting(municipalityId: string, meetingId: string): Promise<PublishedDecision[]> {
    const rows: Row[] = await this.dataSource.query(`SELECT * FROM (${PUBLISHED_PARAGRAPHS}) d WHERE d.meeting_id = $2 ORDER BY d.number`, [municipalityId, meetingId]);
    return rows.map(toDecision);
  }

  async forMatter(municipalityId: string, matterId: string): Promise<PublishedDecision[]> {
    const rows: Row[] = await this.dataSource.query(`SELECT * FROM (${PUBLISHED_PARAGRAPHS}) d WHERE d.matter_id = $2 ORDER BY d.meeting_date, d.number`, [municipalityId, matterId]);
    return rows.map(toDecision);
  }

  /** Of these matters, those with a public page: on the agenda of a public meeting, or decided in published minutes. */
  async publicMatterIds(municipalityId: string, matterIds: (string | null)[]): Promise<string[]> {
    const ids = matterIds.filter((id): id is string => !!id);
    if (ids.length === 0) return [];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT mt.id FROM matters mt WHERE mt.municipality_id = $1 AND mt.id = ANY($2) AND (
         EXISTS (SELECT 1 FROM agenda_items ai JOIN meetings m ON m.id = ai.meeting_id JOIN organs o ON o.id = m.organ_id WHERE ai.matter_id = mt.id AND ${PUBLIC_MEETING})
         OR EXISTS (SELECT 1 FROM (${PUBLISHED_PARAGRAPHS}) d WHERE d.matter_id = mt.id))`,
      [municipalityId, ids],
    );
    return rows.map((row) => row.id);
  }

  /** Published decisions whose title or text match the words (PostgreSQL's Swedish full-text search), best first; never a hidden one's. */
  async search(municipalityId: string, query: string, page: number): Promise<{ total: number; items: PublishedDecision[] }> {
    const rows: (Row & { total: string })[] = await this.dataSource.query(
      `WITH found AS (
         SELECT d.*, ts_rank(to_tsvector('swedish', d.title || ' ' || array_to_string(d.text, ' ')), websearch_to_tsquery('swedish', $2)) AS rank
           FROM (${PUBLISHED_PARAGRAPHS}) d
          WHERE NOT d.hidden AND NOT d.personal_data
            AND to_tsvector('swedish', d.title || ' ' || array_to_string(d.text, ' ')) @@ websearch_to_tsquery('swedish', $2))
       SELECT found.*, count(*) OVER () AS total FROM found ORDER BY rank DESC, meeting_date DESC, number LIMIT $3 OFFSET $4`,
      [municipalityId, query, SEARCH_PAGE_SIZE, (page - 1) * SEARCH_PAGE_SIZE],
    );
    return { total: rows.length > 0 ? Number(rows[0].total) : 0, items: rows.map(toDecision) };
  }
}
