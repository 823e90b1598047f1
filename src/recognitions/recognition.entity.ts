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
import type { RuleDef } from '../schemes/scheme-definition';
import { Scheme } from '../schemes/scheme.entity';

export enum RecognitionStatus {
  Draft = 'draft',
  Published = 'published',
  Withdrawn = 'withdrawn',
}

// Body B (the scheme's body) declares that body A's level L counts as its own level M, fully (no top-ups) or
// with top-up rules in B's rule vocabulary. One row per version of one source → target pair: versioned like
// scheme versions (draft → published, immutable once published; a change is a new version), withdrawable.
@Entity('recognitions')
@Index('uq_recognitions_version', ['toSchemeId', 'toLevelCode', 'fromBodyId', 'fromSchemeCode', 'fromLevelCode', 'versionNumber'], {
  unique: true,
})
@Index('ix_recognitions_body', ['bodyId', 'status'])
export class Recognition {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  // the recognising body (B): the target scheme's body
  @Column({ type: 'uuid' })
  bodyId!: string;

  @ManyToOne(() => Body, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'body_id' })
  body?: Relation<Body>;

  // the recognised body (A), its scheme's code and the level
  @Column({ type: 'uuid' })
  fromBodyId!: string;

  @ManyToOne(() => Body, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_body_id' })
  fromBody?: Relation<Body>;

  @Column({ type: 'varchar', length: 40 })
  fromSchemeCode!: string;

  @Column({ type: 'varchar', length: 40 })
  fromLevelCode!: string;

  @Column({ type: 'uuid' })
  toSchemeId!: string;

  @ManyToOne(() => Scheme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_scheme_id' })
  toScheme?: Relation<Scheme>;

  @Column({ type: 'varchar', length: 40 })
  toLevelCode!: string;

  @Column({ type: 'int' })
  versionNumber!: number;

  @Column({ type: 'enum', enum: RecognitionStatus, enumName: 'recognition_status', default: RecognitionStatus.Draft })
  status!: RecognitionStatus;

  // in force from this date, until effectiveTo (inclusive) when given
  @Column({ type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'date', nullable: true })
  effectiveTo!: string | null;

  // ordinary rules of B's vocabulary the holder must also meet; empty = full recognition
  @Column({ type: 'jsonb' })
  topUps!: RuleDef[];

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
