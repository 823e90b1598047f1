import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity';
import { SupervisedCase } from './supervised-case.entity';

// Every sign-off ever given, with the exact content it was given for. A later edit voids it; the row stays.
// RESTRICT: a case that was ever signed off cannot be deleted, not even by a stray query.
@Entity('case_signoffs')
@Index('uq_case_signoffs_current', ['caseId'], { unique: true, where: 'voided_at IS NULL' })
export class CaseSignoff {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => SupervisedCase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<SupervisedCase>;

  @Column({ type: 'uuid' })
  supervisorId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supervisor_id' })
  supervisor?: Relation<User>;

  @Column({ type: 'char', length: 64 })
  contentHash!: string;

  @Column({ type: 'jsonb' })
  snapshot!: Record<string, unknown>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  signedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  voidedAt!: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  voidReason!: string | null;
}
