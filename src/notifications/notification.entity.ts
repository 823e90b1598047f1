import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { User } from '../users/user.entity';

export enum EmailStatus {
  /** waiting for the worker (next_attempt_at) */
  Pending = 'pending',
  /** claimed by a worker until lease_until; taken over after that if the worker died */
  Sending = 'sending',
  Sent = 'sent',
  /** gave up after MAIL_MAX_ATTEMPTS or a permanent refusal; kept with its last error */
  Failed = 'failed',
  /** waiting for the recipient's daily digest */
  Digest = 'digest',
  /** included in a digest message (digest_id) */
  Digested = 'digested',
  /** no e-mail: the recipient switched mail off, or the account is disabled/erased */
  Skipped = 'skipped',
}

export enum EmailPreference {
  Immediate = 'immediate',
  Daily = 'daily',
  Off = 'off',
}

// The outbox: one row per message to one person, written in the transaction of the change that causes it.
// The in-app list reads it (in_app); the worker delivers its e-mail (email_status).
@Entity('notifications')
@Check('ck_notifications_addressed', 'recipient_id IS NOT NULL OR to_address IS NOT NULL')
@Index('ix_notifications_recipient', ['recipientId', 'createdAt'])
@Index('ix_notifications_due', ['nextAttemptAt'], { where: `email_status IN ('pending', 'sending')` })
@Index('uq_notifications_once_key', ['onceKey'], { unique: true, where: 'once_key IS NOT NULL' })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  // null for mail to an address without an account (an invitation, a new address to confirm): to_address
  @Column({ type: 'uuid', nullable: true })
  recipientId!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  toAddress!: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id' })
  recipient?: Relation<User>;

  @Column({ type: 'varchar', length: 64 })
  kind!: string;

  // security mail ignores the recipient's preference
  @Column({ type: 'boolean', default: false })
  security!: boolean;

  @Column({ type: 'boolean', default: true })
  inApp!: boolean;

  @Column({ type: 'varchar', length: 12 })
  language!: string;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'text' })
  bodyText!: string;

  @Column({ type: 'text' })
  bodyHtml!: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  link!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @Column({ type: 'enum', enum: EmailStatus, enumName: 'notification_email_status' })
  emailStatus!: EmailStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  // what a scheduled reminder is about (e.g. renewal:<accreditation>:<expiry>): at most one notification per key
  @Column({ type: 'varchar', length: 200, nullable: true })
  onceKey!: string | null;

  // the digest message this one was sent in
  @Column({ type: 'uuid', nullable: true })
  digestId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

// Per-person mail preference; no row = immediately.
@Entity('notification_preferences')
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'enum', enum: EmailPreference, enumName: 'notification_email_preference', default: EmailPreference.Immediate })
  email!: EmailPreference;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

// Scheduled work that must run once per period across replicas: the replica whose INSERT wins runs it, in the
// same transaction (a crash rolls the claim back, so another replica runs it).
@Entity('schedule_runs')
export class ScheduleRun {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  job!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  period!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  ranAt!: Date;
}
