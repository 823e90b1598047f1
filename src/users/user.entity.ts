import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export enum UserStatus {
  Active = 'active',
  Disabled = 'disabled',
  Erased = 'erased',
}

@Entity('users')
@Check('ck_users_email_lower', 'email = lower(email)')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  // stored lower-cased, so uniqueness is case-insensitive
  @Index('uq_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 120 })
  displayName!: string;

  @Column({ type: 'text' })
  passwordHash!: string;

  @Column({ type: 'enum', enum: UserStatus, enumName: 'user_status', default: UserStatus.Active })
  status!: UserStatus;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  // set when the owner opened the verification link (or the account came from an invitation to this address)
  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt!: Date | null;

  // the web app's language this person chose (src/common/languages.ts); null = follow the browser
  @Column({ type: 'varchar', length: 10, nullable: true })
  language!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
