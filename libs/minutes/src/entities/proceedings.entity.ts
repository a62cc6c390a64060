import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Relation, Unique, VersionColumn } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { Person } from '@namndrum/organisation';
import type { BallotChoice, ElectionCandidate, MotionKind } from '../domain';
import { Paragraph } from './paragraph.entity';

/** A yrkande made at the meeting by a named member. */
@Entity('minutes_motions')
@Index(['paragraphId'])
export class Motion extends TenantEntity {
  @Column('uuid')
  paragraphId: string;

  @ManyToOne(() => Paragraph, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'paragraph_id' })
  paragraph?: Relation<Paragraph>;

  @Column('smallint')
  position: number;

  @Column('uuid')
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<Person>;

  @Column('text')
  kind: MotionKind;

  /** The wording of an amendment or addition, the reason for a referral back. */
  @Column('text', { nullable: true })
  text: string | null;

  /** Members who "instämmer i yrkandet". */
  @Column('uuid', { array: true, default: () => `'{}'` })
  supporterPersonIds: string[];

  /** A withdrawn motion is not put to the meeting and not entered in the minutes. */
  @Column('boolean', { default: false })
  withdrawn: boolean;

  /** Raised by every save: wording typed on an older version (another tab) is refused, not written over what came since. */
  @VersionColumn({ default: 1 })
  version: number;
}

/** A recorded vote (votering): Ja for one alternative, Nej for the other. */
@Entity('minutes_votes')
@Index(['paragraphId'])
// Announced totals come whole: all three, or none for a vote entered member by member.
@Check('minutes_votes_announced_whole', `("announced_yes" IS NULL) = ("announced_no" IS NULL) AND ("announced_no" IS NULL) = ("announced_abstain" IS NULL)`)
export class Vote extends TenantEntity {
  @Column('uuid')
  paragraphId: string;

  @ManyToOne(() => Paragraph, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'paragraph_id' })
  paragraph?: Relation<Paragraph>;

  @Column('text')
  yesAlternative: string;

  @Column('text')
  noAlternative: string;

  @Column('text', { default: 'open' })
  status: 'open' | 'closed';

  @Column('text', { nullable: true })
  castingVote: 'yes' | 'no' | null;

  @Column('text', { nullable: true })
  result: 'yes' | 'no' | null;

  /**
   * Entered by totals: the totals the chair announced, which the ballots were checked against when
   * the vote was counted. Null for a vote entered member by member.
   */
  @Column('integer', { nullable: true })
  announcedYes: number | null;

  @Column('integer', { nullable: true })
  announcedNo: number | null;

  @Column('integer', { nullable: true })
  announcedAbstain: number | null;
}

/** One serving member's Ja / Nej / Avstår: one per person per vote. */
@Entity('minutes_ballots')
@Unique('minutes_ballots_once', ['voteId', 'personId'])
export class Ballot extends TenantEntity {
  @Column('uuid')
  voteId: string;

  @ManyToOne(() => Vote, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vote_id' })
  vote?: Relation<Vote>;

  @Column('uuid')
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<Person>;

  @Column('text')
  choice: BallotChoice;
}

/** A reservation against the decision; the written reasons may come until the minutes are verified. */
@Entity('minutes_dissents')
@Unique('minutes_dissents_once', ['paragraphId', 'personId'])
export class Dissent extends TenantEntity {
  @Column('uuid')
  paragraphId: string;

  @ManyToOne(() => Paragraph, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'paragraph_id' })
  paragraph?: Relation<Paragraph>;

  @Column('uuid')
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<Person>;

  @Column('text', { nullable: true })
  reasons: string | null;

  /** When the member announced the reservation at the meeting: before the meeting's recorded end (KL 4 kap. 27 §). */
  @Column('timestamptz')
  announcedAt: Date;
}

/** A protokollsanteckning, entered with the chair's permission. */
@Entity('minutes_notes')
@Index(['paragraphId'])
export class MinutesNote extends TenantEntity {
  @Column('uuid')
  paragraphId: string;

  @ManyToOne(() => Paragraph, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'paragraph_id' })
  paragraph?: Relation<Paragraph>;

  @Column('uuid', { nullable: true })
  personId: string | null;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<Person> | null;

  @Column('text')
  text: string;

  /** Raised by every save: text typed on an older version (another tab) is refused, not written over what came since. */
  @VersionColumn({ default: 1 })
  version: number;
}

/** Jäv: the member leaves for this paragraph; a substitute may serve in the seat meanwhile. */
@Entity('minutes_disqualifications')
@Unique('minutes_disqualifications_once', ['paragraphId', 'personId'])
export class Disqualification extends TenantEntity {
  @Column('uuid')
  paragraphId: string;

  @ManyToOne(() => Paragraph, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'paragraph_id' })
  paragraph?: Relation<Paragraph>;

  @Column('uuid')
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<Person>;

  @Column('uuid', { nullable: true })
  substitutePersonId: string | null;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'substitute_person_id' })
  substitutePerson?: Relation<Person> | null;

  @Column('text', { nullable: true })
  reason: string | null;
}

/**
 * An election by closed ballot (sluten omröstning): only the counted ballots per candidate are kept,
 * never who voted for whom; a tie for the seat is settled by lot (KL 5 kap. 57 §).
 */
@Entity('minutes_elections')
@Index(['paragraphId'])
export class Election extends TenantEntity {
  @Column('uuid')
  paragraphId: string;

  @ManyToOne(() => Paragraph, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'paragraph_id' })
  paragraph?: Relation<Paragraph>;

  /** What is elected, e.g. "ordförande i arbetsutskottet". */
  @Column('text')
  office: string;

  @Column('jsonb')
  candidates: ElectionCandidate[];

  @Column('integer', { default: 0 })
  blankVotes: number;

  @Column('text')
  elected: string;

  @Column('boolean', { default: false })
  decidedByLot: boolean;
}
