import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Body } from '../bodies/body.entity';
import type { InstrumentDefinition } from './instrument-definition';

export enum InstrumentStatus {
  Draft = 'draft',
  Published = 'published',
}

// An outcome instrument (PHQ-9, CORE-10, …) as data. bodyId null = available to every body (the seeded four).
// A code is unique among what one body can use: its own instruments and the global ones (the service checks the
// cross-owner part; these indexes the per-owner part). A published instrument is immutable: measures name it by code.
@Entity('instruments')
@Index('uq_instruments_global_code', ['code'], { unique: true, where: 'body_id IS NULL' })
@Index('uq_instruments_body_code', ['bodyId', 'code'], { unique: true, where: 'body_id IS NOT NULL' })
export class Instrument {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  bodyId!: string | null;

  @ManyToOne(() => Body, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'body_id' })
  body?: Relation<Body>;

  // what a measure's `instrument` holds, e.g. PHQ9, CORE-10
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 100 })
  construct!: string;

  // the instrument's own version label ("1", "II", "2004"); the row's concurrency version is rowVersion
  @Column({ type: 'varchar', length: 20 })
  version!: string;

  @Column({ type: 'enum', enum: InstrumentStatus, enumName: 'instrument_status' })
  status!: InstrumentStatus;

  @Column({ type: 'jsonb' })
  definition!: InstrumentDefinition;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  publishedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  // If-Match for edits of a draft
  @VersionColumn({ default: 1 })
  rowVersion!: number;
}
