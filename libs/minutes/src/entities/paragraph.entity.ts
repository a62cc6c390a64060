import { Column, Entity, Index, JoinColumn, ManyToOne, Relation, Unique, VersionColumn } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { Matter, ReportLine } from '@namndrum/matters';
import { AgendaItem } from '@namndrum/meetings';
import { Minutes } from './minutes.entity';

export const PARAGRAPH_STATUSES = ['open', 'decided'] as const;
export type ParagraphStatus = (typeof PARAGRAPH_STATUSES)[number];

/** A "beslut skickas till" recipient; the extract is e-mailed to those with an address. */
export interface DistributionRecipient {
  name: string;
  email: string | null;
}

/** One chair's proposition: the alternatives put against each other ('proposal', 'decide_today' or a motion id) and the one the organ chose. */
export interface Proposition {
  alternatives: string[];
  chosen: string;
  voteId: string | null;
}

/**
 * A decision an "Anmälan av delegationsbeslut" paragraph reports, as fixed when the minutes were opened: what the
 * public may read (a secret matter's decision only as "Beslut i sekretessärende"), since the minutes become public.
 */
export type ReportedDecision = ReportLine;

/**
 * One § of the minutes. Numbers run per organ per calendar year and never repeat; the position is the
 * order within the minutes.
 */
@Entity('minutes_paragraphs')
@Unique('minutes_paragraphs_number', ['organId', 'year', 'number'])
@Unique('minutes_paragraphs_position', ['minutesId', 'position'])
@Index(['matterId'])
export class Paragraph extends TenantEntity {
  @Column('uuid')
  minutesId: string;

  @ManyToOne(() => Minutes, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'minutes_id' })
  minutes?: Relation<Minutes>;

  @Column('uuid')
  organId: string;

  @Column('smallint')
  year: number;

  @Column('integer')
  number: number;

  @Column('integer')
  position: number;

  @Column('uuid', { nullable: true })
  agendaItemId: string | null;

  @ManyToOne(() => AgendaItem, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'agenda_item_id' })
  agendaItem?: Relation<AgendaItem> | null;

  @Column('text')
  title: string;

  /** The Finnish title from the agenda item, printed under the title where the organ has Finnish. */
  @Column('text', { nullable: true })
  titleFi: string | null;

  @Column('uuid', { nullable: true })
  matterId: string | null;

  @ManyToOne(() => Matter, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'matter_id' })
  matter?: Relation<Matter> | null;

  @Column('text', { nullable: true })
  caseNumber: string | null;

  /** The proposal decided on (förvaltningens or the utskott's), as numbered points. */
  @Column('text', { array: true, default: () => `'{}'` })
  proposal: string[];

  /** "förvaltningens förslag" or "arbetsutskottets förslag": how the proposal is named in the decision procedure. */
  @Column('text')
  proposalLabel: string;

  /** The preparing utskott's paragraph ("Au § 4"). */
  @Column('text', { nullable: true })
  preparedIn: string | null;

  @Column('text', { array: true, default: () => `'{}'` })
  decision: string[];

  @Column('text', { nullable: true })
  description: string | null;

  /** The decisions the delegation report paragraph reports, in the report's order; null on every other paragraph. */
  @Column('jsonb', { nullable: true })
  reportedDecisions: ReportedDecision[] | null;

  /** Beslutsunderlag. */
  @Column('text', { array: true, default: () => `'{}'` })
  decisionBasis: string[];

  @Column('jsonb', { default: () => `'[]'` })
  distribution: DistributionRecipient[];

  @Column('jsonb', { default: () => `'[]'` })
  propositions: Proposition[];

  /** An extra matter (extra ärende): added after the notice went out, or taken up at the meeting without being on the agenda. */
  @Column('boolean', { default: false })
  extraMatter: boolean;

  /** The "Anmälan av extra ärenden" paragraph under which the meeting decided to take this extra matter up. */
  @Column('uuid', { nullable: true })
  takenUpInParagraphId: string | null;

  @ManyToOne(() => Paragraph, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'taken_up_in_paragraph_id' })
  takenUpInParagraph?: Relation<Paragraph> | null;

  /** Publiceras ej: left out of the published minutes (personal data, secrecy). */
  @Column('boolean', { default: false })
  notPublished: boolean;

  @Column('text', { default: 'open' })
  status: ParagraphStatus;

  /** Decided (the decision stands), referred back (återremiss), postponed (bordläggning) or noted (information). */
  @Column('text', { nullable: true })
  outcome: 'decided' | 'referred_back' | 'postponed' | null;

  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  /** Omedelbar justering: verified at the meeting, locked and posted on its own. */
  @Column('boolean', { default: false })
  approvedAtMeeting: boolean;

  @Column('timestamptz', { nullable: true })
  lockedAt: Date | null;

  @Column('text', { nullable: true })
  contentSha256: string | null;

  /** The paragraph's protokollsutdrag as PDF/A-2b for the archive, with the justering's record; set once by the worker. */
  @Column('text', { nullable: true })
  archivalPdfSha256: string | null;

  /**
   * Raised by every save, so that a writer who read an older version (another tab, another
   * secretary) is refused instead of silently overwriting what was written since.
   */
  @VersionColumn({ default: 1 })
  version: number;
}

/** What a new paragraph holds before anything is said about it at the meeting. */
export function openParagraph(values: Pick<Paragraph, 'title' | 'agendaItemId' | 'matterId' | 'caseNumber' | 'proposal' | 'extraMatter'>): Partial<Paragraph> {
  return {
    titleFi: null,
    ...values,
    takenUpInParagraphId: null,
    proposalLabel: 'förslaget',
    preparedIn: null,
    decision: [],
    description: null,
    reportedDecisions: null,
    decisionBasis: [],
    distribution: [],
    propositions: [],
    notPublished: false,
    status: 'open',
    outcome: null,
    decidedAt: null,
    approvedAtMeeting: false,
    lockedAt: null,
    contentSha256: null,
  };
}
