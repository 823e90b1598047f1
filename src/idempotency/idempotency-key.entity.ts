import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity';

export enum IdempotencyKeyStatus {
  /** claimed; nothing committed yet */
  InFlight = 'in_flight',
  /** the change is committed (same transaction); the final response is being stored */
  Committed = 'committed',
  /** the final response is stored and replayed */
  Completed = 'completed',
}

// One client-chosen Idempotency-Key per user: the request it was first used with (fingerprint) and, once
// completed, the response to replay. Kept in PostgreSQL so every replica sees the same keys.
@Entity('idempotency_keys')
@Index('uq_idempotency_keys_user_key', ['userId', 'key'], { unique: true })
export class IdempotencyKey {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 200 })
  key!: string;

  @Column({ type: 'varchar', length: 10 })
  method!: string;

  @Column({ type: 'varchar', length: 2000 })
  path!: string;

  // sha256 over method, path and the canonical JSON body
  @Column({ type: 'char', length: 64 })
  fingerprint!: string;

  @Column({ type: 'enum', enum: IdempotencyKeyStatus, enumName: 'idempotency_key_status', default: IdempotencyKeyStatus.InFlight })
  status!: IdempotencyKeyStatus;

  // who holds the key right now: replaced when an abandoned in-flight claim is taken over
  @Column({ type: 'uuid' })
  claimToken!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  claimedAt!: Date;

  @Column({ type: 'integer', nullable: true })
  responseStatus!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseBody!: unknown;

  @Index('ix_idempotency_keys_created')
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
