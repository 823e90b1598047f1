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
import type { RubricDefinition } from './rubric-scoring';

export enum RubricTarget {
  Session = 'session',
  Case = 'case',
  Portfolio = 'portfolio',
}

export enum RubricVersionStatus {
  Draft = 'draft',
  Published = 'published',
  Retired = 'retired',
}

// A competency rating instrument. ownerBodyId null = a global rubric managed by global admins.
@Entity('rubrics')
@Index('uq_rubrics_global_code', ['code'], { unique: true, where: 'owner_body_id IS NULL' })
@Index('uq_rubrics_body_code', ['ownerBodyId', 'code'], { unique: true, where: 'owner_body_id IS NOT NULL' })
export class Rubric {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  ownerBodyId!: string | null;

  @ManyToOne(() => Body, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_body_id' })
  ownerBody?: Relation<Body>;

  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  // free text: 'IPT', 'IPT-A', 'CBT', …
  @Column({ type: 'varchar', length: 40 })
  modality!: string;

  @Column({ type: 'enum', enum: RubricTarget, enumName: 'rubric_target' })
  target!: RubricTarget;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

// One version of a rubric's definition. A published version is immutable: ratings point at it.
@Entity('rubric_versions')
@Index('uq_rubric_versions_number', ['rubricId', 'versionNumber'], { unique: true })
export class RubricVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  rubricId!: string;

  @ManyToOne(() => Rubric, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rubric_id' })
  rubric?: Relation<Rubric>;

  @Column({ type: 'int' })
  versionNumber!: number;

  @Column({ type: 'enum', enum: RubricVersionStatus, enumName: 'rubric_version_status' })
  status!: RubricVersionStatus;

  @Column({ type: 'jsonb' })
  definition!: RubricDefinition;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  publishedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
