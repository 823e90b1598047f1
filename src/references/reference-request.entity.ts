import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  VersionColumn,
} from 'typeorm';
import { Body } from '../bodies/body.entity';
import { User } from '../users/user.entity';

// A reference (recommendation) a person asks of a referee for one body (issue 15). The referee, in the product
// or not, gets a single-use link by mail; its token is stored as its SHA-256 only (the invitations' pattern), and a
// resend replaces the hash, so the old link dies. State is derived (reference-rules.ts): cancelled, submitted,
// expired or requested. The text is read by the body's admins only, never by the applicant.
@Entity('reference_requests')
@Index('ix_reference_requests_applicant', ['applicantId', 'createdAt'])
@Index('ix_reference_requests_body', ['bodyId', 'createdAt'])
export class ReferenceRequest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  applicantId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicant_id' })
  applicant?: Relation<User>;

  @Column({ type: 'uuid' })
  bodyId!: string;

  @ManyToOne(() => Body, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'body_id' })
  body?: Relation<Body>;

  // what kind of reference the scheme counts, e.g. clinical, character, supervisor
  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ type: 'varchar', length: 120 })
  refereeName!: string;

  // stored lower-cased, like users.email
  @Column({ type: 'varchar', length: 254 })
  refereeEmail!: string;

  // the referee's account, when they have one in the product
  @Column({ type: 'uuid', nullable: true })
  refereeUserId!: string | null;

  // how the applicant knows the referee, e.g. "clinical supervisor 2022–2024"
  @Column({ type: 'varchar', length: 200 })
  relation!: string;

  @Index('uq_reference_requests_token_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'integer', default: 1 })
  sendCount!: number;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  text!: string | null;

  @Column({ type: 'boolean', nullable: true })
  recommend!: boolean | null;

  // 1 (weak) … 5 (outstanding), optional
  @Column({ type: 'smallint', nullable: true })
  rating!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
