import { Column, Entity, JoinColumn, ManyToOne, Relation, Unique } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { MeetingNotice } from './meeting-notice.entity';

/** One document of a notice's handlingar PDF: the kallelse's own pages, or an item's tjänsteskrivelse or bilaga. */
@Entity('notice_bundle_parts')
@Unique('notice_bundle_parts_position', ['noticeId', 'masked', 'position'])
export class NoticeBundlePart extends TenantEntity {
  @Column('uuid')
  noticeId: string;

  @ManyToOne(() => MeetingNotice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notice_id', foreignKeyConstraintName: 'FK_notice_bundle_parts_notice' })
  notice?: Relation<MeetingNotice>;

  /** A part of the masked bundle, for readers without access to the notice's secret matters. */
  @Column('boolean')
  masked: boolean;

  /** Its place in the bundle, from 0 (the kallelse's own pages). */
  @Column('integer')
  position: number;

  /** Null for the kallelse's own pages. */
  @Column('uuid', { nullable: true })
  itemId: string | null;

  @Column('integer', { nullable: true })
  itemNumber: number | null;

  /** As the outline names it: "Kallelse", "Tjänsteskrivelse", "Bilaga 1: Målrapport". */
  @Column('text')
  title: string;

  /** The registered document it was converted from, when there is one. */
  @Column('uuid', { nullable: true })
  documentId: string | null;

  /** The part alone as PDF, in file storage. */
  @Column('text')
  pdfSha256: string;

  /** Where it starts in the bundle, from 1. */
  @Column('integer')
  firstPage: number;

  @Column('integer')
  pageCount: number;
}
