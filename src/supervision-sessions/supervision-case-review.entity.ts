import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { SupervisedCase } from '../cases/supervised-case.entity';
import { SupervisionSession } from './supervision-session.entity';

// A case discussed in a supervision session. reviewedSessionIds are therapy sessions of THIS case whose
// recordings were reviewed (checked by the service: an array cannot carry a foreign key).
@Entity('supervision_case_reviews')
@Index('ix_supervision_case_reviews_case', ['caseId'])
@Check('ck_supervision_case_reviews_minutes', 'minutes IS NULL OR minutes BETWEEN 1 AND 600')
export class SupervisionCaseReview {
  @PrimaryColumn({ type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => SupervisionSession, (s) => s.caseReviews, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<SupervisionSession>;

  @PrimaryColumn({ type: 'uuid' })
  caseId!: string;

  // RESTRICT: a case that was discussed in supervision is part of the supervision history
  @ManyToOne(() => SupervisedCase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<SupervisedCase>;

  // minutes spent on this case, when the supervisor records them
  @Column({ type: 'int', nullable: true })
  minutes!: number | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  reviewedSessionIds!: string[];
}
