import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { User } from '../users/user.entity';

// A prior degree, licence or training a scheme may require (issue 15). `code` is the short identifier a
// scheme's `qualification` rule names (e.g. MSC_CLIN_PSY); the body verifies the record against its document.
export enum QualificationKind {
  Degree = 'degree',
  Licence = 'licence',
  PriorTraining = 'prior_training',
  Other = 'other',
}

export enum VerificationState {
  Pending = 'pending',
  Verified = 'verified',
  Rejected = 'rejected',
}

@Entity('qualifications')
@Index('ix_qualifications_person', ['personId', 'awardedOn'])
@Check('ck_qualifications_reviewed', `(state = 'pending') = (reviewed_at IS NULL)`)
export class Qualification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<User>;

  @Column({ type: 'enum', enum: QualificationKind, enumName: 'qualification_kind' })
  kind!: QualificationKind;

  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 200 })
  issuer!: string;

  @Column({ type: 'date' })
  awardedOn!: string;

  @Column({ type: 'enum', enum: VerificationState, enumName: 'qualification_state', default: VerificationState.Pending })
  state!: VerificationState;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  reviewNote!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}

// The document behind a qualification (a scan of the certificate), one per qualification, kept in the database:
// it then commits and rolls back with the record, reaches every API replica without a shared disk, and goes
// when the person's account is deleted. Bytes are read only when the document is downloaded.
@Entity('qualification_documents')
@Check('ck_qualification_documents_size', 'size_bytes > 0 AND size_bytes <= 5242880')
export class QualificationDocument {
  @PrimaryColumn({ type: 'uuid' })
  qualificationId!: string;

  @OneToOne(() => Qualification, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'qualification_id' })
  qualification?: Relation<Qualification>;

  @Column({ type: 'varchar', length: 200 })
  fileName!: string;

  @Column({ type: 'varchar', length: 100 })
  contentType!: string;

  @Column({ type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ type: 'bytea' })
  content!: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  uploadedAt!: Date;
}
