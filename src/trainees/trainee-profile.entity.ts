import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  type Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Body } from '../bodies/body.entity';
import { User } from '../users/user.entity';

// Schemes gate levels on a "core profession" (UK-style) or on a licence suited to the region (ISIPT).
export enum CoreProfession {
  Psychologist = 'psychologist',
  Psychiatrist = 'psychiatrist',
  Nurse = 'nurse',
  SocialWorker = 'social_worker',
  OccupationalTherapist = 'occupational_therapist',
  Counsellor = 'counsellor',
  Psychotherapist = 'psychotherapist',
  OtherLicensed = 'other_licensed',
  None = 'none',
}

export interface Licence {
  jurisdiction: string;
  number: string;
  /** YYYY-MM-DD */
  expiresOn: string;
}

export interface Membership {
  bodyId: string;
  /** YYYY-MM-DD */
  from: string;
  /** YYYY-MM-DD; null while current */
  to: string | null;
}

// One per user. The display name stays on users.display_name; the profile holds what schemes check.
@Entity('trainee_profiles')
export class TraineeProfile {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  // ISO 3166-1 alpha-2
  @Column({ type: 'char', length: 2 })
  countryCode!: string;

  @Column({ type: 'uuid' })
  homeBodyId!: string;

  @ManyToOne(() => Body, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'home_body_id' })
  homeBody?: Relation<Body>;

  @Column({ type: 'enum', enum: CoreProfession, enumName: 'core_profession' })
  coreProfession!: CoreProfession;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  licences!: Licence[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  memberships!: Membership[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
