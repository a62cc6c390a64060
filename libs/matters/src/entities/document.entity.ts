import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { DocumentDirection } from '../domain/document-types';

export const DOCUMENT_KINDS = ['attachment', 'officer_report'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A registered handling of a matter: the OSL 5 kap. 2 § particulars, and the file's metadata (the bytes are in file storage). */
@Entity('documents')
@Index(['matterId', 'sequence'], { unique: true })
@Index(['sha256'])
export class Document extends TenantEntity {
  @Column('uuid')
  matterId: string;

  @ManyToOne('Matter', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'matter_id' })
  matter?: unknown;

  @Column('integer')
  sequence: number;

  /** The document's number: the matter's number and its own sequence ("KS 2021/263-3"). */
  @Column('text')
  documentNumber: string;

  @Column('text')
  kind: DocumentKind;

  @Column('text')
  direction: DocumentDirection;

  /** The date the document was received or drawn up. */
  @Column('date')
  documentDate: string;

  /** The sender (incoming) or recipient (outgoing). */
  @Column('text', { nullable: true })
  counterparty: string | null;

  /** The document's own title ("Instruktion för Ludvika kommuns råd"), when it has one. */
  @Column('text', { nullable: true })
  title: string | null;

  /** What the document concerns, in short. */
  @Column('text')
  description: string;

  @Column('text')
  fileName: string;

  @Column('text')
  mediaType: string;

  @Column('integer')
  sizeBytes: number;

  @Column('text')
  sha256: string;

  /** Text extracted for search; secret documents' text is never indexed. */
  @Column('text', { nullable: true, select: false })
  extractedText: string | null;

  @Column('date')
  registeredOn: string;

  @Column('uuid', { nullable: true })
  registeredByUserId: string | null;

  @Column('boolean', { default: false })
  secret: boolean;

  @Column('text', { nullable: true })
  secrecyProvision: string | null;

  @Column('date', { nullable: true })
  secrecyMarkedOn: string | null;

  /** Who marked the document secret (name or e-mail of the user). */
  @Column('text', { nullable: true })
  secrecyMarkedBy: string | null;
}
