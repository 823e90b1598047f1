import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Body } from '../bodies/body.entity';
import { User } from '../users/user.entity';
import type { SupervisionFormat as FormatValue } from './group-credit';
import { SupervisionCaseReview } from './supervision-case-review.entity';
import { SupervisionParticipant } from './supervision-participant.entity';

export enum SupervisionFormat {
  Individual = 'individual',
  Group = 'group',
}

// One supervision meeting as the supervisor logs it: who took part, how long, which cases and which
// session recordings were reviewed. Credit per trainee is computed (group-credit.ts), never stored.
@Entity('supervision_sessions')
@Index('ix_supervision_sessions_supervisor', ['supervisorId', 'date', 'id'])
@Check('ck_supervision_sessions_minutes', 'minutes BETWEEN 1 AND 600')
export class SupervisionSession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  supervisorId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supervisor_id' })
  supervisor?: Relation<User>;

  // the body of the supervision relationships the participants are supervised under
  @Column({ type: 'uuid' })
  bodyId!: string;

  @ManyToOne(() => Body, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'body_id' })
  body?: Relation<Body>;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'int' })
  minutes!: number;

  // typed as the pure rule's union so rows feed group-credit.ts directly
  @Column({ type: 'enum', enum: SupervisionFormat, enumName: 'supervision_format' })
  format!: FormatValue;

  // the supervisor's free text; refused when it holds a client e-mail or phone number; never audited
  @Column({ type: 'varchar', length: 2000, nullable: true })
  notes!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @OneToMany(() => SupervisionParticipant, (p) => p.session)
  participants?: Relation<SupervisionParticipant[]>;

  @OneToMany(() => SupervisionCaseReview, (r) => r.session)
  caseReviews?: Relation<SupervisionCaseReview[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
