import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '@namndrum/core';
import { MatterStatus } from '../domain/matter-status';

/** An ärende in the diarium. */
@Entity('matters')
@Index(['registryId', 'year', 'sequence'], { unique: true })
@Index(['municipalityId', 'registeredOn'])
@Index(['municipalityId', 'status'])
@Index(['municipalityId', 'departmentId'])
@Index(['municipalityId', 'organId'])
@Index(['municipalityId', 'caseOfficerId'])
export class Matter extends TenantEntity {
  @Column('uuid')
  registryId: string;

  @ManyToOne('Registry', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'registry_id' })
  registry?: unknown;

  @Column('integer')
  year: number;

  @Column('integer')
  sequence: number;

  @Column('text', { nullable: true })
  suffix: string | null;

  /** The diarienummer as written ("SUN 2022/5", "KS 2021/263-00"). */
  @Column('text')
  caseNumber: string;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  description: string | null;

  /** A classification code from the municipality's plan (e.g. KLASSA). */
  @Column('text', { nullable: true })
  classification: string | null;

  @Column('uuid', { nullable: true })
  departmentId: string | null;

  @ManyToOne('Department', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'department_id' })
  department?: unknown;

  /** The handläggare (a person of the organisation register). */
  @Column('uuid', { nullable: true })
  caseOfficerId: string | null;

  @ManyToOne('Person', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'case_officer_id' })
  caseOfficer?: unknown;

  /** The organ that handles and decides the matter. */
  @Column('uuid', { nullable: true })
  organId: string | null;

  @ManyToOne('Organ', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'organ_id' })
  organ?: unknown;

  @Column('text')
  status: MatterStatus;

  @Column('date')
  registeredOn: string;

  @Column('date', { nullable: true })
  closedOn: string | null;

  @Column('boolean', { default: false })
  secret: boolean;

  /** The OSL provision the secrecy rests on ("OSL 26 kap. 1 §"). */
  @Column('text', { nullable: true })
  secrecyProvision: string | null;

  /** What readers without access see of a secret matter instead of its title ("Sekretessärende" when empty). */
  @Column('text', { nullable: true })
  publicTitle: string | null;

  /** Holds personal data: its documents and decisions are not published. */
  @Column('boolean', { default: false })
  personalData: boolean;

  /** Myndighetsutövning: its agenda items are never public, whatever the organ's rules (KL 6 kap. 25 §). */
  @Column('boolean', { default: false })
  exerciseOfPublicAuthority: boolean;

  @Column('text', { nullable: true })
  cancellationReason: string | null;

  /** Advanced only by MatterService.nextDocumentSequence in SQL; never written from a (possibly stale) entity. */
  @Column({ type: 'integer', default: 0, update: false })
  lastDocumentSequence: number;

  @Index('matters_search_vector', { synchronize: false })
  /** Maintained by a trigger from the matter, its officer report and its documents' text. */
  @Column({ type: 'tsvector', select: false, insert: false, update: false, nullable: true })
  searchVector?: string;

  @Index('matters_secret_search_vector', { synchronize: false })
  /** The text of a secret tjänsteskrivelse and of secret documents, searched only for readers with secrecy access to the matter; same trigger. */
  @Column({ type: 'tsvector', select: false, insert: false, update: false, nullable: true })
  secretSearchVector?: string;
}
