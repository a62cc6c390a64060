import { Column, CreateDateColumn, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import type { Municipality } from '../tenancy/municipality.entity';

export abstract class BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A row owned by one municipality; every query on it is scoped by TenantRepository. */
export abstract class TenantEntity extends BaseEntity {
  @Column('uuid')
  municipalityId: string;

  // Resolved lazily by name: municipality.entity.ts itself imports BaseEntity from this file.
  @ManyToOne('Municipality', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Relation<Municipality>;
}
