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
import { SchemeVersion } from '../schemes/scheme.entity';
import { User } from '../users/user.entity';

export enum AccreditationStatus {
  Active = 'active',
  Lapsed = 'lapsed',
  Suspended = 'suspended',
  Revoked = 'revoked',
  Expired = 'expired',
}

// An issued accreditation (credential). Its status history lives in accreditation_events.
@Entity('accreditations')
@Index('ix_accreditations_holder', ['holderId'])
@Index('ix_accreditations_body_status', ['bodyId', 'status'])
export class Accreditation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  // human-readable, unique, printed on certificates and checked by verifiers, e.g. UK-IPT-2026-000123
  @Index('uq_accreditations_certificate', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  certificateNumber!: string;

  @Column({ type: 'uuid' })
  holderId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'holder_id' })
  holder?: Relation<User>;

  // the holder's name as issued (replaced by a pseudonym on erasure; the credential stays verifiable)
  @Column({ type: 'varchar', length: 120 })
  holderName!: string;

  @Column({ type: 'uuid' })
  bodyId!: string;

  @ManyToOne(() => Body, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'body_id' })
  body?: Relation<Body>;

  @Column({ type: 'uuid' })
  schemeVersionId!: string;

  @ManyToOne(() => SchemeVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scheme_version_id' })
  schemeVersion?: Relation<SchemeVersion>;

  @Column({ type: 'varchar', length: 40 })
  levelCode!: string;

  @Column({ type: 'varchar', length: 120 })
  levelName!: string;

  // the level's noun ("certified", "accredited") and the holder's title, as the scheme version labelled the level
  // when it was issued: shown on the credential, the certificate and the register
  @Column({ type: 'varchar', length: 30 })
  noun!: string;

  @Column({ type: 'varchar', length: 120 })
  levelTitle!: string;

  @Column({ type: 'uuid', nullable: true })
  applicationId!: string | null;

  @Column({ type: 'enum', enum: AccreditationStatus, enumName: 'accreditation_status', default: AccreditationStatus.Active })
  status!: AccreditationStatus;

  @Column({ type: 'date' })
  issuedOn!: string;

  // null = no expiry (a level without a validity period)
  @Column({ type: 'date', nullable: true })
  expiresOn!: string | null;

  // whether the holder agreed to appear in the public register
  @Column({ type: 'boolean', default: false })
  publicListing!: boolean;

  // the signed credential (compact JWS) as issued; re-issued on renewal
  @Column({ type: 'text', nullable: true })
  credentialJws!: string | null;

  // set for accreditations brought in by a register import: when, by whom, from which file (name and SHA-256)
  @Column({ type: 'timestamptz', nullable: true })
  importedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  importedBy!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  importFileName!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  importFileSha256!: string | null;

  // what the award was based on when not the ordinary route: a recognition of another body's level (see recognitions/)
  @Column({ type: 'jsonb', nullable: true })
  basis!: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}

// Every status change of an accreditation, with its reason: issued, renewed, lapsed, suspended, reinstated, revoked, expired.
@Entity('accreditation_events')
@Index('ix_accreditation_events_acc', ['accreditationId', 'occurredAt'])
export class AccreditationEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  accreditationId!: string;

  @ManyToOne(() => Accreditation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accreditation_id' })
  accreditation?: Relation<Accreditation>;

  @Column({ type: 'varchar', length: 30 })
  kind!: string;

  @Column({ type: 'enum', enum: AccreditationStatus, enumName: 'accreditation_status', nullable: true })
  fromStatus!: AccreditationStatus | null;

  @Column({ type: 'enum', enum: AccreditationStatus, enumName: 'accreditation_status' })
  toStatus!: AccreditationStatus;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  reason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;
}
