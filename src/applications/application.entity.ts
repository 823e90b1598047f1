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
import { SchemeVersion } from '../schemes/scheme.entity';
import { User } from '../users/user.entity';

export enum ApplicationStatus {
  Submitted = 'submitted',
  MoreInfoRequested = 'more_info_requested',
  Approved = 'approved',
  Rejected = 'rejected',
  Withdrawn = 'withdrawn',
}

// An application for a level: the evaluation at submission is stored as a snapshot (per-rule result with
// evidence ids), re-evaluated when the applicant answers a request for more information.
@Entity('applications')
@Index('ix_applications_body_status', ['bodyId', 'status'])
@Index('ix_applications_applicant', ['applicantId'])
@Index('uq_applications_open', ['applicantId', 'schemeVersionId', 'levelCode'], {
  unique: true,
  where: `status IN ('submitted', 'more_info_requested')`,
})
export class Application {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  applicantId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applicant_id' })
  applicant?: Relation<User>;

  // the scheme's body, which decides
  @Column({ type: 'uuid' })
  bodyId!: string;

  @Column({ type: 'uuid' })
  schemeVersionId!: string;

  @ManyToOne(() => SchemeVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scheme_version_id' })
  schemeVersion?: Relation<SchemeVersion>;

  @Column({ type: 'varchar', length: 40 })
  levelCode!: string;

  @Column({ type: 'enum', enum: ApplicationStatus, enumName: 'application_status', default: ApplicationStatus.Submitted })
  status!: ApplicationStatus;

  @Column({ type: 'jsonb' })
  evaluation!: Record<string, unknown>;

  @Column({ type: 'boolean' })
  allRulesMet!: boolean;

  @Column({ type: 'timestamptz' })
  evaluatedAt!: Date;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  applicantNote!: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  infoRequest!: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  decisionReason!: string | null;

  // approval despite an unmet rule must say why (audited)
  @Column({ type: 'varchar', length: 2000, nullable: true })
  overrideReason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  accreditationId!: string | null;

  // an application through a recognition: the recognition version and the source level it rests on (held or
  // presented as a verified credential); null = the ordinary route
  @Column({ type: 'jsonb', nullable: true })
  basis!: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}

// What happened to an application, in order: submitted, info requested, answered (re-evaluated), decided.
@Entity('application_events')
@Index('ix_application_events_app', ['applicationId', 'occurredAt'])
export class ApplicationEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Relation<Application>;

  @Column({ type: 'varchar', length: 30 })
  kind!: string;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  evaluation!: Record<string, unknown> | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;
}
