import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// A person's training record submitted to a body (moving to it, or being assessed by it). While not withdrawn, the
// body's admins read the whole record — cases, sign-offs and ratings made under other bodies too — read-only.
@Entity('record_submissions')
@Index('uq_record_submissions_open', ['personId', 'bodyId'], { unique: true, where: 'withdrawn_at IS NULL' })
export class RecordSubmission {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'uuid' })
  bodyId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;
}
