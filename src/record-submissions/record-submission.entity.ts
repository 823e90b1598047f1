import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Body } from '../bodies/body.entity';
import { User } from '../users/user.entity';

// A person's training record submitted to a body (moving to it, or being assessed by it). While not withdrawn, the
// body's admins read the whole record — cases, sign-offs and ratings made under other bodies too — read-only.
@Entity('record_submissions')
@Index('uq_record_submissions_open', ['personId', 'bodyId'], { unique: true, where: 'withdrawn_at IS NULL' })
@Index('ix_record_submissions_body', ['bodyId'], { where: 'withdrawn_at IS NULL' })
export class RecordSubmission {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_record_submissions_person' })
  person?: Relation<User>;

  @Column({ type: 'uuid' })
  bodyId!: string;

  @ManyToOne(() => Body, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'body_id', foreignKeyConstraintName: 'FK_record_submissions_body' })
  body?: Relation<Body>;

  @CreateDateColumn({ type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;
}
