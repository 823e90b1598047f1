import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { SupervisedCase } from '../cases/supervised-case.entity';

// One administration of an outcome measure. total, severity and riskFlag are computed by the service
// (measure-scoring.ts), never sent by the client.
@Entity('outcome_measures')
@Index('ix_outcome_measures_case', ['caseId', 'instrument', 'administeredOn'])
@Check('ck_outcome_measures_session', 'session_number IS NULL OR session_number >= 0')
@Check('ck_outcome_measures_total', 'total >= 0')
export class OutcomeMeasure {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => SupervisedCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<SupervisedCase>;

  // the code of an instrument available to the case's body (instruments.code), e.g. PHQ9
  @Column({ type: 'varchar', length: 32 })
  instrument!: string;

  @Column({ type: 'date' })
  administeredOn!: string;

  // 0 = intake / baseline; null = not tied to a session
  @Column({ type: 'int', nullable: true })
  sessionNumber!: number | null;

  // item scores in instrument order; null when only a total was recorded
  @Column({ type: 'int', array: true, nullable: true })
  items!: number[] | null;

  @Column({ type: 'int' })
  total!: number;

  @Column({ type: 'varchar', length: 32 })
  severity!: string;

  @Column({ type: 'boolean', default: false })
  riskFlag!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
