/**
 * What of the municipality's data is public, as SQL: one source per OParl list. A source selects every
 * row the public may ever have seen (`$1` is the municipality), with `is_public` telling whether it is
 * public now; rows that are not (a cancelled meeting, a matter made secret) are listed only as deleted,
 * and only to a client that asks what changed (`modified_since`). `modified` is an expression over the
 * source's row `s` — the newest change of anything the object shows — so that a list computes it for
 * one page only unless it filters on it.
 *
 * The rules are those of the public pages: an organ is published when its rules publish its kallelse or
 * its protokoll; a meeting once its notice went out (PublicMeetingService); a decision once its protokoll
 * is verified and posted on the anslagstavla (NoticeBoardService), not a paragraph marked "publiceras ej",
 * nor minutes with personal data unless the organ's rules publish them.
 */
export interface OparlSource {
  /** SELECT … with at least id, created_at, updated_at, is_public; `$1` = municipality id. */
  base: string;
  /** SQL over the base row `s`: when the object last changed. */
  modified: string;
}

const PUBLISHED_ORGAN = (alias: string) => `(${alias}.rules_publish_notices OR ${alias}.rules_publish_minutes)`;

/** A meeting the public may see (cancelled ones only when cancelled after the notice went out). */
const VISIBLE_MEETING = (m: string, o: string) =>
  `(${o}.rules_publish_notices AND (${m}.status IN ('notice_sent', 'held', 'minutes_verified') OR (${m}.status = 'cancelled' AND EXISTS (SELECT 1 FROM meeting_notices n WHERE n.meeting_id = ${m}.id AND n.status = 'dispatched'))))`;

/** The published paragraph (decision) of agenda item `ai` of organ `o`, if any. */
const PUBLISHED_PARAGRAPH = `LEFT JOIN LATERAL (
    SELECT p.id AS paragraph_id, p.number AS paragraph_number, p.decision, p.outcome, p.not_published, p.updated_at AS paragraph_updated_at
      FROM minutes_paragraphs p JOIN minutes mi ON mi.id = p.minutes_id
     WHERE p.agenda_item_id = ai.id AND mi.status = 'verified' AND o.rules_publish_minutes AND NOT p.not_published
       AND (NOT mi.contains_personal_data OR o.rules_publish_minutes_with_personal_data)
       AND EXISTS (SELECT 1 FROM postings po WHERE po.kind = 'minutes' AND po.status IN ('up', 'down')
                      AND ((po.minutes_id = mi.id AND po.paragraph_id IS NULL) OR po.paragraph_id = p.id))
     LIMIT 1) pub ON true`;

/**
 * When the files of meeting `meeting` last changed (its notices, whose bundles are its handlingar, and its
 * postings, whose PDFs are its protokoll): part of `modified` of the objects that show the files inline.
 */
const MEETING_FILES_MODIFIED = (meeting: string) =>
  `(SELECT max(n.updated_at) FROM meeting_notices n WHERE n.meeting_id = ${meeting}), (SELECT max(po.updated_at) FROM postings po WHERE po.meeting_id = ${meeting})`;

export const ORGANIZATION_SOURCE: OparlSource = {
  base: `SELECT o.id, o.created_at, o.updated_at, true AS is_public, o.name, o.short_name, o.kind, o.rules_languages AS languages,
                CASE WHEN ${PUBLISHED_ORGAN('parent')} THEN parent.id END AS parent_id,
                (SELECT coalesce(array_agg(ms.id ORDER BY ms.created_at, ms.id), '{}') FROM memberships ms WHERE ms.organ_id = o.id) AS membership_ids
           FROM organs o LEFT JOIN organs parent ON parent.id = o.parent_organ_id
          WHERE o.municipality_id = $1 AND ${PUBLISHED_ORGAN('o')}`,
  modified: `GREATEST(s.updated_at, (SELECT max(ms.updated_at) FROM memberships ms WHERE ms.organ_id = s.id))`,
};

export const PERSON_SOURCE: OparlSource = {
  base: `SELECT pe.id, pe.created_at, pe.updated_at, true AS is_public, pe.first_name, pe.last_name, pe.party
           FROM persons pe
          WHERE pe.municipality_id = $1
            AND EXISTS (SELECT 1 FROM memberships ms JOIN organs o ON o.id = ms.organ_id WHERE ms.person_id = pe.id AND ${PUBLISHED_ORGAN('o')})`,
  modified: `GREATEST(s.updated_at, (SELECT max(ms.updated_at) FROM memberships ms JOIN organs o ON o.id = ms.organ_id WHERE ms.person_id = s.id AND ${PUBLISHED_ORGAN('o')}))`,
};

export const MEMBERSHIP_SOURCE: OparlSource = {
  base: `SELECT ms.id, ms.created_at, ms.updated_at, true AS is_public, ms.person_id, ms.organ_id, ms.role, ms.position, ms.party,
                ms.valid_from::text AS valid_from, ms.valid_to::text AS valid_to
           FROM memberships ms JOIN organs o ON o.id = ms.organ_id
          WHERE ms.municipality_id = $1 AND ${PUBLISHED_ORGAN('o')}`,
  modified: `s.updated_at`,
};

export const LEGISLATIVE_TERM_SOURCE: OparlSource = {
  base: `SELECT t.id, t.created_at, t.updated_at, true AS is_public, t.name, t.start_date::text AS start_date, t.end_date::text AS end_date
           FROM terms t WHERE t.municipality_id = $1`,
  modified: `s.updated_at`,
};

export const MEETING_SOURCE: OparlSource = {
  base: `SELECT m.id, m.created_at, m.updated_at, m.status <> 'cancelled' AS is_public, m.organ_id, o.name AS organ_name,
                m.starts_at, m.ends_at, m.place, m.status
           FROM meetings m JOIN organs o ON o.id = m.organ_id
          WHERE m.municipality_id = $1 AND ${VISIBLE_MEETING('m', 'o')}`,
  modified: `GREATEST(s.updated_at, (SELECT max(GREATEST(ai.updated_at, mt.updated_at, p.updated_at))
                                      FROM agenda_items ai LEFT JOIN matters mt ON mt.id = ai.matter_id LEFT JOIN minutes_paragraphs p ON p.agenda_item_id = ai.id
                                     WHERE ai.meeting_id = s.id), ${MEETING_FILES_MODIFIED('s.id')})`,
};

/** The meeting place, one Location per meeting. */
export const LOCATION_SOURCE: OparlSource = {
  base: MEETING_SOURCE.base,
  modified: `s.updated_at`,
};

export const AGENDA_ITEM_SOURCE: OparlSource = {
  base: `SELECT ai.id, ai.created_at, ai.updated_at, m.status <> 'cancelled' AS is_public, ai.meeting_id, m.organ_id, ai.position, ai.title, ai.title_fi,
                ai.matter_id, ai.case_number, ai.public, 'fi' = ANY (o.rules_languages) AS finnish,
                coalesce(mt.secret, false) AS matter_secret, coalesce(mt.personal_data, false) AS matter_personal_data, mt.updated_at AS matter_updated_at,
                pub.paragraph_id, pub.paragraph_number, pub.decision, pub.outcome, pub.paragraph_updated_at
           FROM agenda_items ai JOIN meetings m ON m.id = ai.meeting_id JOIN organs o ON o.id = m.organ_id LEFT JOIN matters mt ON mt.id = ai.matter_id
           ${PUBLISHED_PARAGRAPH}
          WHERE ai.municipality_id = $1 AND ${VISIBLE_MEETING('m', 'o')}`,
  modified: `GREATEST(s.updated_at, s.matter_updated_at, s.paragraph_updated_at, ${MEETING_FILES_MODIFIED('s.meeting_id')})`,
};

/** The handling of a (not secret) matter at a meeting: one per agenda item with a matter. */
export const CONSULTATION_SOURCE: OparlSource = {
  base: `SELECT ai.id, ai.created_at, ai.updated_at, (m.status <> 'cancelled' AND NOT mt.secret) AS is_public, ai.meeting_id, m.organ_id, ai.matter_id,
                mt.updated_at AS matter_updated_at, m.updated_at AS meeting_updated_at, pub.outcome, pub.paragraph_updated_at
           FROM agenda_items ai JOIN meetings m ON m.id = ai.meeting_id JOIN organs o ON o.id = m.organ_id JOIN matters mt ON mt.id = ai.matter_id
           ${PUBLISHED_PARAGRAPH}
          WHERE ai.municipality_id = $1 AND ${VISIBLE_MEETING('m', 'o')}`,
  modified: `GREATEST(s.updated_at, s.matter_updated_at, s.meeting_updated_at, s.paragraph_updated_at)`,
};

/** A matter on the agenda of a public meeting; a secret one only as deleted. */
export const PAPER_SOURCE: OparlSource = {
  base: `SELECT mt.id, mt.created_at, mt.updated_at, (NOT mt.secret AND agenda.live) AS is_public, mt.case_number, mt.title, mt.registered_on::text AS registered_on,
                CASE WHEN ${PUBLISHED_ORGAN('mo')} THEN mo.id END AS organ_id
           FROM matters mt LEFT JOIN organs mo ON mo.id = mt.organ_id
           JOIN LATERAL (SELECT bool_or(m.status <> 'cancelled') AS live
                           FROM agenda_items ai JOIN meetings m ON m.id = ai.meeting_id JOIN organs o ON o.id = m.organ_id
                          WHERE ai.matter_id = mt.id AND ${VISIBLE_MEETING('m', 'o')}) agenda ON agenda.live IS NOT NULL
          WHERE mt.municipality_id = $1`,
  modified: `GREATEST(s.updated_at, (SELECT max(GREATEST(ai.updated_at, m.updated_at, p.updated_at, ${MEETING_FILES_MODIFIED('m.id')}))
                                      FROM agenda_items ai JOIN meetings m ON m.id = ai.meeting_id LEFT JOIN minutes_paragraphs p ON p.agenda_item_id = ai.id
                                     WHERE ai.matter_id = s.id))`,
};
