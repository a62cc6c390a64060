import { OUTBOX_KINDS, ScheduledWork } from '@namndrum/core';

/** What the worker stores as PDF/A: a signed tjänsteskrivelse, verified minutes, a verified paragraph's extract, a posting's published minutes. */
export const ARCHIVE_SUBJECT_KINDS = ['officer_report', 'minutes', 'extract', 'posting'] as const;
export type ArchiveSubjectKind = (typeof ARCHIVE_SUBJECT_KINDS)[number];

/** The payload of a `document.archive` outbox row: the kind and the id of the row whose archival PDF is made. */
export interface ArchiveSubject {
  kind: ArchiveSubjectKind;
  id: string;
}

/** Once per subject: a signed or verified document never changes, so its archival PDF is made once. */
export function documentArchiveWork(subject: ArchiveSubject, runAt: Date): ScheduledWork {
  return { kind: OUTBOX_KINDS.documentArchive, idempotencyKey: `document-archive:${subject.kind}:${subject.id}`, runAt, payload: { ...subject } };
}

/** The archival copy's file name: the document's own, as PDF. */
export function archivalFileName(docxFileName: string): string {
  return docxFileName.replace(/\.docx$/i, '') + '.pdf';
}

/** A document in the form the archive keeps, with the record it carries. */
export interface ArchivalCopy {
  fileName: string;
  docx: Buffer;
}
