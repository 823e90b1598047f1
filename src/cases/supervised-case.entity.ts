import {
  Check,
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
import { IPT_TAXONOMY_ID } from '../taxonomies/ipt-taxonomy';
import { Taxonomy } from '../taxonomies/taxonomy.entity';
import { User } from '../users/user.entity';

export enum CaseReviewState {
  Draft = 'draft',
  Submitted = 'submitted',
  Returned = 'returned',
  SignedOff = 'signed_off',
}

export enum CaseStatus {
  Active = 'active',
  Completed = 'completed',
  DroppedOut = 'dropped_out',
  Transferred = 'transferred',
}

// A supervised IPT case as a trainee logs it. The client is only ever a pseudonymous code; the narrative is
// clinical free text that never goes to logs or the audit trail.
@Entity('supervised_cases')
@Index('uq_supervised_cases_client_code', ['traineeId', 'clientCode'], { unique: true })
@Index('ix_supervised_cases_supervisor_queue', ['supervisorId', 'reviewState'])
@Check('ck_supervised_cases_planned', 'planned_sessions BETWEEN 1 AND 40')
@Check('ck_supervised_cases_dates', 'end_date IS NULL OR end_date >= start_date')
@Check('ck_supervised_cases_secondary', 'secondary_problem_area IS NULL OR secondary_problem_area <> focus_problem_area')
@Check('ck_supervised_cases_not_self', 'supervisor_id <> trainee_id')
@Check(
  'ck_supervised_cases_risk_ack',
  '(risk_acknowledged_at IS NULL) = (risk_acknowledged_by IS NULL) AND (risk_acknowledged_at IS NULL OR risk_flagged_at IS NOT NULL)',
)
export class SupervisedCase {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  traineeId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'trainee_id' })
  trainee?: Relation<User>;

  @Column({ type: 'uuid' })
  supervisorId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supervisor_id' })
  supervisor?: Relation<User>;

  // the body of the supervision relationship the case is logged under
  @Column({ type: 'uuid' })
  bodyId!: string;

  @ManyToOne(() => Body, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'body_id' })
  body?: Relation<Body>;

  // stored upper-case, so uniqueness per trainee is case-insensitive
  @Column({ type: 'varchar', length: 16 })
  clientCode!: string;

  // the taxonomy version whose lists the categorical fields below come from (default: the seeded IPT one)
  @Column({ type: 'uuid', default: IPT_TAXONOMY_ID })
  taxonomyVersionId!: string;

  @ManyToOne(() => Taxonomy, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'taxonomy_version_id' })
  taxonomy?: Relation<Taxonomy>;

  // categorical values: codes of the case's taxonomy (checked by the service, not the database)
  @Column({ type: 'text' })
  format!: string;

  @Column({ type: 'text' })
  adaptation!: string;

  @Column({ type: 'text' })
  ageBand!: string;

  @Column({ type: 'text' })
  setting!: string;

  // ICD-10 code, e.g. F32.1
  @Column({ type: 'varchar', length: 8 })
  primaryDiagnosis!: string;

  @Column({ type: 'text' })
  focusProblemArea!: string;

  @Column({ type: 'text', nullable: true })
  secondaryProblemArea!: string | null;

  // the taxonomy's further attributes (e.g. diagnosisGroup): attribute code → value code, or codes when multiple
  @Column({ type: 'jsonb', default: () => "'{}'" })
  attributes!: Record<string, string | string[]>;

  @Column({ type: 'int' })
  plannedSessions!: number;

  @Column({ type: 'date' })
  startDate!: string;

  @Column({ type: 'date', nullable: true })
  endDate!: string | null;

  @Column({ type: 'enum', enum: CaseStatus, enumName: 'case_status', default: CaseStatus.Active })
  status!: CaseStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  endReason!: string | null;

  @Column({ type: 'boolean', default: false })
  recordingConsent!: boolean;

  @Column({ type: 'text', nullable: true })
  presentingProblem!: string | null;

  @Column({ type: 'text', nullable: true })
  formulation!: string | null;

  @Column({ type: 'text', nullable: true })
  course!: string | null;

  @Column({ type: 'text', nullable: true })
  techniques!: string | null;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ type: 'enum', enum: CaseReviewState, enumName: 'case_review_state', default: CaseReviewState.Draft })
  reviewState!: CaseReviewState;

  // when the case entered `submitted` most recently (orders the supervisor's queue)
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  // set when an outcome measure signals risk (PHQ-9 item 9 > 0); the supervisor's queue shows these first
  @Column({ type: 'timestamptz', nullable: true })
  riskFlaggedAt!: Date | null;

  // the case's supervisor acknowledged the risk flag; cleared when a new flagged measure is recorded (a new
  // signal needs a new acknowledgement) and when the flag goes
  @Column({ type: 'timestamptz', nullable: true })
  riskAcknowledgedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  riskAcknowledgedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'risk_acknowledged_by' })
  riskAcknowledger?: Relation<User>;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  riskAcknowledgementNote!: string | null;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
