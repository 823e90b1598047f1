import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity';

export enum AccountTokenPurpose {
  PasswordReset = 'password_reset',
  VerifyEmail = 'verify_email',
  ChangeEmail = 'change_email',
}

// A single-use, expiring link mailed to a person (reset a password, verify an address, confirm a new address).
// Only the token's SHA-256 is stored; a new token of a purpose ends the unused ones of the same purpose.
@Entity('account_tokens')
@Index('ix_account_tokens_user', ['userId', 'purpose'])
export class AccountToken {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'enum', enum: AccountTokenPurpose, enumName: 'account_token_purpose' })
  purpose!: AccountTokenPurpose;

  @Index('uq_account_tokens_token_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  // the address being confirmed (change_email)
  @Column({ type: 'varchar', length: 254, nullable: true })
  newEmail!: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
