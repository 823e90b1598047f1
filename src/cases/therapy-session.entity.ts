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
} from 'typeorm';
import { SupervisedCase } from './supervised-case.entity';

// One delivered therapy session of a case. createdAt is when it was logged (the logging-lag figure).
@Entity('therapy_sessions')
@Index('uq_therapy_sessions_number', ['caseId', 'number'], { unique: true })
@Check('ck_therapy_sessions_number', 'number >= 1')
@Check('ck_therapy_sessions_duration', 'duration_minutes BETWEEN 10 AND 180')
export class TherapySession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => SupervisedCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<SupervisedCase>;

  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'int' })
  durationMinutes!: number;

  // a phase code of the case's taxonomy (IPT: initial, middle, termination)
  @Column({ type: 'text' })
  phase!: string;

  @Column({ type: 'boolean' })
  attended!: boolean;

  @Column({ type: 'boolean' })
  recorded!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
