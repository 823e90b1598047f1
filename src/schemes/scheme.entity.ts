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
import type { SchemeDefinition } from './scheme-definition';

export enum SchemeVersionStatus {
  Draft = 'draft',
  Published = 'published',
  Retired = 'retired',
}

// An accreditation scheme of one body (national or international); its rules live in versions.
@Entity('schemes')
@Index('uq_schemes_body_code', ['bodyId', 'code'], { unique: true })
export class Scheme {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  bodyId!: string;

  @ManyToOne(() => Body, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'body_id' })
  body?: Relation<Body>;

  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  // the reference version this scheme was started from (a copy that remembers its origin); null otherwise
  @Column({ type: 'uuid', nullable: true })
  derivedFromVersionId!: string | null;

  @ManyToOne(() => SchemeVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'derived_from_version_id', foreignKeyConstraintName: 'FK_schemes_derived_from_version' })
  derivedFromVersion?: Relation<SchemeVersion>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

// One version of a scheme's rules. Drafts are editable; a published version is immutable (a new version
// is a copy); a retired version still evaluates for the people held to it.
@Entity('scheme_versions')
@Index('uq_scheme_versions_number', ['schemeId', 'versionNumber'], { unique: true })
export class SchemeVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  schemeId!: string;

  @ManyToOne(() => Scheme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scheme_id' })
  scheme?: Relation<Scheme>;

  @Column({ type: 'int' })
  versionNumber!: number;

  @Column({ type: 'enum', enum: SchemeVersionStatus, enumName: 'scheme_version_status', default: SchemeVersionStatus.Draft })
  status!: SchemeVersionStatus;

  // the version is in force for enrolments from this date (until the next published version's date)
  @Column({ type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'jsonb' })
  definition!: SchemeDefinition;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;

  // marked by the international body as a reference national bodies may start their schemes from
  @Column({ type: 'boolean', default: false })
  isReference!: boolean;

  @Column({ type: 'uuid', nullable: true })
  referenceMarkedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  referenceMarkedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}

// A person on a scheme, held to the version in force when they enrolled unless they opt into a newer one.
@Entity('scheme_enrolments')
@Index('uq_scheme_enrolments', ['userId', 'schemeId'], { unique: true })
export class SchemeEnrolment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'uuid' })
  schemeId!: string;

  @ManyToOne(() => Scheme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scheme_id' })
  scheme?: Relation<Scheme>;

  @Column({ type: 'uuid' })
  schemeVersionId!: string;

  @ManyToOne(() => SchemeVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scheme_version_id' })
  schemeVersion?: Relation<SchemeVersion>;

  @Column({ type: 'date' })
  enrolledOn!: string;

  @Column({ type: 'timestamptz', nullable: true })
  optedInAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
