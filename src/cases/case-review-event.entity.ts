import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { SupervisedCase } from './supervised-case.entity';

export enum ReviewEventKind {
  Submitted = 'submitted',
  Returned = 'returned',
  SignedOff = 'signed_off',
  // an edit of a signed-off case voided its sign-off
  Voided = 'voided',
  // an edit of a submitted case took it back out of the supervisor's queue
  Withdrawn = 'withdrawn',
}

// The review history of a case, oldest first. Comments are the supervisor's, shown to the trainee.
@Entity('case_review_events')
@Index('ix_case_review_events_case', ['caseId', 'at'])
export class CaseReviewEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => SupervisedCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<SupervisedCase>;

  @Column({ type: 'enum', enum: ReviewEventKind, enumName: 'case_review_event_kind' })
  kind!: ReviewEventKind;

  // null when the system acted (e.g. a void caused by an edit is attributed to the editor anyway)
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text', nullable: true })
  comments!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  contentHash!: string | null;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at!: Date;
}
