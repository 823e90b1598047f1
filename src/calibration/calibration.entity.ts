import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Body } from '../bodies/body.entity';
import { RubricVersion } from '../rubrics/rubric.entity';
import { User } from '../users/user.entity';

export enum CalibrationExerciseStatus {
  Open = 'open',
  Closed = 'closed',
}

export interface CalibrationTolerance {
  maxMeanAbsDiff: number;
  minIcc?: number;
}

// A reference recording scored by the body (the "gold" scores) that raters score blind to calibrate.
@Entity('calibration_exercises')
@Index('ix_calibration_exercises_body', ['bodyId', 'status'])
export class CalibrationExercise {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  bodyId!: string;

  @ManyToOne(() => Body, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'body_id' })
  body?: Relation<Body>;

  @Column({ type: 'uuid' })
  rubricVersionId!: string;

  @ManyToOne(() => RubricVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rubric_version_id' })
  rubricVersion?: Relation<RubricVersion>;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  // describes the reference recording; never client identifiers
  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'jsonb' })
  referenceScores!: Record<string, number>;

  @Column({ type: 'jsonb' })
  tolerance!: CalibrationTolerance;

  @Column({ type: 'enum', enum: CalibrationExerciseStatus, enumName: 'calibration_exercise_status' })
  status!: CalibrationExerciseStatus;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

// One rater's blind scoring of an exercise: one attempt per rater and exercise, final once made.
@Entity('calibration_attempts')
@Index('uq_calibration_attempts_rater', ['exerciseId', 'raterId'], { unique: true })
export class CalibrationAttempt {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  exerciseId!: string;

  @ManyToOne(() => CalibrationExercise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'exercise_id' })
  exercise?: Relation<CalibrationExercise>;

  @Column({ type: 'uuid' })
  raterId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rater_id' })
  rater?: Relation<User>;

  @Column({ type: 'jsonb' })
  scores!: Record<string, number>;

  @Column({ type: 'timestamptz' })
  submittedAt!: Date;
}
