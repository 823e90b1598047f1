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
import { RubricTarget, RubricVersion } from '../rubrics/rubric.entity';
import { User } from '../users/user.entity';

export enum RaterRole {
  Supervisor = 'supervisor',
  Independent = 'independent',
  Self = 'self',
}

export enum RatingStatus {
  Draft = 'draft',
  Submitted = 'submitted',
}

// One rater's scores of one piece of a trainee's work. Submitted ratings are immutable; a correction is a
// new rating that supersedes the old one, so the history stays.
@Entity('ratings')
@Index('ix_ratings_target', ['targetType', 'targetId'])
@Index('ix_ratings_trainee', ['traineeId', 'createdAt'])
@Index('uq_ratings_supersedes', ['supersedesId'], { unique: true, where: 'supersedes_id IS NOT NULL' })
export class Rating {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  rubricVersionId!: string;

  @ManyToOne(() => RubricVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rubric_version_id' })
  rubricVersion?: Relation<RubricVersion>;

  @Column({ type: 'enum', enum: RubricTarget, enumName: 'rubric_target' })
  targetType!: RubricTarget;

  // therapy_sessions.id, supervised_cases.id, or the trainee's user id for a portfolio
  @Column({ type: 'uuid' })
  targetId!: string;

  @Column({ type: 'uuid' })
  traineeId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'trainee_id' })
  trainee?: Relation<User>;

  @Column({ type: 'uuid' })
  raterId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rater_id' })
  rater?: Relation<User>;

  @Column({ type: 'enum', enum: RaterRole, enumName: 'rater_role' })
  raterRole!: RaterRole;

  // the body the work belongs to (the case's body, or the trainee's body for a portfolio)
  @Column({ type: 'uuid', nullable: true })
  bodyId!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  scores!: Record<string, number>;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  itemComments!: Record<string, string>;

  @Column({ type: 'text', nullable: true })
  overallComment!: string | null;

  // copied from the therapy session for session targets: phase coverage rules need it
  @Column({ type: 'varchar', length: 20, nullable: true })
  sessionPhase!: string | null;

  @Column({ type: 'int' })
  total!: number;

  @Column({ type: 'double precision', nullable: true })
  mean!: number | null;

  // null while a draft: pass/fail is decided on submission
  @Column({ type: 'boolean', nullable: true })
  passed!: boolean | null;

  @Column({ type: 'enum', enum: RatingStatus, enumName: 'rating_status' })
  status!: RatingStatus;

  @Column({ type: 'uuid', nullable: true })
  supersedesId!: string | null;

  @ManyToOne(() => Rating, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id' })
  supersedes?: Relation<Rating>;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  correctionReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
