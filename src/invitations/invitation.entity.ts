import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Body } from '../bodies/body.entity';
import { Role } from '../common/roles';

// An invitation by e-mail to a role in one body. The link's token is stored as its SHA-256 only; resending
// replaces the hash, so the old link dies. State is derived (invitation-rules.ts): withdrawn, accepted,
// expired or pending.
@Entity('invitations')
@Index('ix_invitations_body', ['bodyId', 'createdAt'])
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  bodyId!: string;

  @ManyToOne(() => Body, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'body_id' })
  body?: Relation<Body>;

  @Column({ type: 'enum', enum: Role, enumName: 'role' })
  role!: Role;

  // stored lower-cased, like users.email
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Index('uq_invitations_token_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  invitedBy!: string | null;

  @Column({ type: 'integer', default: 1 })
  sendCount!: number;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acceptedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
