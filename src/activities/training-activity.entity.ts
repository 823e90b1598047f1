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
import { User } from '../users/user.entity';

// Didactic hours by kind are what schemes count (e.g. a 14–16 h course, an ≥8 h booster, a CPD log).
export enum ActivityKind {
  DidacticCourse = 'didactic_course',
  Workshop = 'workshop',
  Booster = 'booster',
  Cpd = 'cpd',
  Other = 'other',
}

export enum ActivityDelivery {
  InPerson = 'in_person',
  Online = 'online',
}

@Entity('training_activities')
@Index('ix_training_activities_trainee_date', ['traineeId', 'date'])
@Check('ck_training_activities_hours', 'hours > 0 AND hours <= 200')
@Check('ck_training_activities_verified', '(verified_by IS NULL) = (verified_at IS NULL)')
export class TrainingActivity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  traineeId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'trainee_id' })
  trainee?: Relation<User>;

  @Column({ type: 'enum', enum: ActivityKind, enumName: 'training_activity_kind' })
  kind!: ActivityKind;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 200 })
  provider!: string;

  @Column({ type: 'uuid', nullable: true })
  trainerId!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'trainer_id' })
  trainer?: Relation<User>;

  // numeric comes back from the driver as a string; the mapper turns it into a number
  @Column({ type: 'numeric', precision: 5, scale: 2 })
  hours!: string;

  @Column({ type: 'enum', enum: ActivityDelivery, enumName: 'training_activity_delivery' })
  delivery!: ActivityDelivery;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  evidenceRef!: string | null;

  @Column({ type: 'uuid', nullable: true })
  verifiedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'verified_by' })
  verifier?: Relation<User>;

  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
