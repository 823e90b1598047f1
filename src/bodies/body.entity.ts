import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';

export enum BodyKind {
  International = 'international',
  National = 'national',
  Regional = 'regional',
  Other = 'other',
}

// An accrediting body: international, national, a regional chapter, or other; several may share a country
// (body-rules.ts), each with its own name, optionally under a parent body.
@Entity('bodies')
export class Body {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_bodies_code', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'enum', enum: BodyKind, enumName: 'body_kind' })
  kind!: BodyKind;

  // ISO 3166-1 alpha-2, an attribute (not unique); null for the international body
  @Column({ type: 'char', length: 2, nullable: true })
  countryCode!: string | null;

  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => Body, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<Body>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
