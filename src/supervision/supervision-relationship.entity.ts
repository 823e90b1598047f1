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
import { Body } from '../bodies/body.entity';
import { User } from '../users/user.entity';

export enum SupervisionStatus {
  Requested = 'requested',
  Active = 'active',
  Declined = 'declined',
  Cancelled = 'cancelled',
  Ended = 'ended',
}

// A trainee ↔ supervisor relationship within one body. Rows are never deleted: the history is the record
// of who supervised whom, and when (schemes check the supervisor's standing on the supervision date).
@Entity('supervision_relationships')
@Index('uq_supervision_open', ['traineeId', 'supervisorId'], { unique: true, where: `status IN ('requested', 'active')` })
@Index('ix_supervision_supervisor', ['supervisorId', 'status'])
@Index('ix_supervision_trainee', ['traineeId', 'status'])
export class SupervisionRelationship {
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

  // the body in which the supervisor holds SUPERVISOR and the trainee TRAINEE
  @Column({ type: 'uuid' })
  bodyId!: string;

  @ManyToOne(() => Body, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'body_id' })
  body?: Relation<Body>;

  @Column({ type: 'enum', enum: SupervisionStatus, enumName: 'supervision_status' })
  status!: SupervisionStatus;

  @Column({ type: 'uuid' })
  requestedBy!: string;

  @Column({ type: 'date', nullable: true })
  startedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  endedOn!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  endReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
