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
import type { TaxonomyDefinition } from './taxonomy-definition';

export enum TaxonomyStatus {
  Draft = 'draft',
  Published = 'published',
}

// One version of a body's lists (problem areas, formats, adaptations, settings, age bands, custom attributes,
// session phases). bodyId null: the international taxonomy, open to every body. Drafts are editable; a published
// version is immutable (a change is a new version), so a case naming it keeps its meaning.
@Entity('taxonomies')
@Index('uq_taxonomies_body_code_version', ['bodyId', 'code', 'versionNumber'], { unique: true, where: 'body_id IS NOT NULL' })
@Index('uq_taxonomies_international_code_version', ['code', 'versionNumber'], { unique: true, where: 'body_id IS NULL' })
export class Taxonomy {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  bodyId!: string | null;

  @ManyToOne(() => Body, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'body_id' })
  body?: Relation<Body>;

  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'int' })
  versionNumber!: number;

  @Column({ type: 'enum', enum: TaxonomyStatus, enumName: 'taxonomy_status', default: TaxonomyStatus.Draft })
  status!: TaxonomyStatus;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'jsonb' })
  definition!: TaxonomyDefinition;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
