import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { AuthMethod, TenantEntity } from '@namndrum/core';
import { OfficerReportContent, OfficerReportStatus } from '../domain/report-workflow';

/**
 * One version of a matter's tjänsteskrivelse. A signed version never changes (a trigger refuses it);
 * a change makes the next version, which needs a signature of its own.
 */
@Entity('officer_reports')
@Index(['matterId', 'version'], { unique: true })
@Index('officer_reports_one_open_version', ['matterId'], { unique: true, where: `"status" <> 'signed'` })
export class OfficerReport extends TenantEntity {
  @Column('uuid')
  matterId: string;

  @ManyToOne('Matter', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'matter_id' })
  matter?: unknown;

  @Column('integer')
  version: number;

  @Column('text')
  status: OfficerReportStatus;

  /** The organ the report is addressed to. */
  @Column('uuid')
  organId: string;

  @ManyToOne('Organ', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organ_id' })
  organ?: unknown;

  @Column('uuid', { nullable: true })
  departmentId: string | null;

  @Column('uuid', { nullable: true })
  caseOfficerId: string | null;

  @Column('jsonb')
  content: OfficerReportContent;

  /** Documents of the matter listed as bilagor, in order. */
  @Column('uuid', { array: true, default: () => "'{}'" })
  attachmentDocumentIds: string[];

  @Column('uuid', { nullable: true })
  authorUserId: string | null;

  @Column('timestamptz', { nullable: true })
  submittedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  returnedAt: Date | null;

  @Column('text', { nullable: true })
  returnComment: string | null;

  @Column('timestamptz', { nullable: true })
  signedAt: Date | null;

  @Column('uuid', { nullable: true })
  signedByUserId: string | null;

  @Column('uuid', { nullable: true })
  signedByPersonId: string | null;

  @Column('text', { nullable: true })
  signedByName: string | null;

  @Column('text', { nullable: true })
  signedByTitle: string | null;

  /** How the signer proved who they were when signing; null when not recorded (signed before it was, or imported history). */
  @Column('text', { nullable: true })
  signedAuthMethod: AuthMethod | null;

  /** The identity provider's name as its sign-in button showed it; null for a password. */
  @Column('text', { nullable: true })
  signedAuthProviderName: string | null;

  /** sha256 of the canonical signed body (text, addressee, case officer, attachments). */
  @Column('text', { nullable: true })
  contentSha256: string | null;

  /** The rendered DOCX registered as a document of the matter on signing. */
  @Column('uuid', { nullable: true })
  documentId: string | null;

  @ManyToOne('Document', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'document_id' })
  document?: unknown;

  /** The signed version as PDF/A-2b for the archive, with its signing record; set once by the worker after signing. */
  @Column('text', { nullable: true })
  archivalPdfSha256: string | null;
}
