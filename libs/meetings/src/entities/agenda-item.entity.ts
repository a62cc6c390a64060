import { Column, Entity, Index, JoinColumn, ManyToOne, Relation, Unique } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { Matter, OfficerReport } from '@namndrum/matters';
import { Meeting } from './meeting.entity';

export const AGENDA_ITEM_KINDS = ['standard', 'matter', 'information'] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

export const STANDARD_PLACEMENTS = ['start', 'end'] as const;
export type StandardPlacement = (typeof STANDARD_PLACEMENTS)[number];

/**
 * One numbered item of a meeting's föredragningslista. The number is the position; the uniqueness is
 * checked at commit so that a reorder can move every item in one transaction.
 */
@Entity('agenda_items')
@Unique('agenda_items_position', ['meetingId', 'position'], { deferrable: 'INITIALLY DEFERRED' })
@Index('agenda_items_one_matter', ['meetingId', 'matterId'], { unique: true, where: '"matter_id" IS NOT NULL' })
export class AgendaItem extends TenantEntity {
  @Column('uuid')
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<Meeting>;

  @Column('integer')
  position: number;

  @Column('text')
  kind: AgendaItemKind;

  /** For standard items: where the template puts them (Val av justerande first, Meddelanden last). */
  @Column('text', { nullable: true })
  placement: StandardPlacement | null;

  @Column('text')
  title: string;

  /** The Finnish title the secretary entered, for an organ with Finnish (lag 2009:724); shown in the Finnish parts. */
  @Column('text', { nullable: true })
  titleFi: string | null;

  @Column('uuid', { nullable: true })
  matterId: string | null;

  @ManyToOne(() => Matter, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'matter_id' })
  matter?: Relation<Matter> | null;

  @Column('text', { nullable: true })
  caseNumber: string | null;

  /** The signed tjänsteskrivelse version the item carries. */
  @Column('uuid', { nullable: true })
  officerReportId: string | null;

  @ManyToOne(() => OfficerReport, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'officer_report_id' })
  officerReport?: Relation<OfficerReport> | null;

  /** The proposal the organ decides on: the report's, or the subcommittee's when it prepared the matter. */
  @Column('text', { array: true, default: () => `'{}'` })
  proposal: string[];

  /** The item of the subcommittee meeting that prepared the matter. */
  @Column('uuid', { nullable: true })
  preparedInItemId: string | null;

  @ManyToOne(() => AgendaItem, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'prepared_in_item_id' })
  preparedInItem?: Relation<AgendaItem> | null;

  /** "Handlingar delges senare": the chair has left the documents out of the notice. */
  @Column('boolean', { default: false })
  documentsLater: boolean;

  /** Open to the public (only where the organ may meet openly and the item allows it). */
  @Column('boolean', { default: false })
  public: boolean;

  /** Placed after the notice went out: it needs a supplementary notice and the meeting's decision to take it up. */
  @Column('boolean', { default: false })
  addedAfterNotice: boolean;

  /** The notice version that first carried the item; null until a notice is finalized with it. */
  @Column('integer', { nullable: true })
  noticedInVersion: number | null;
}
