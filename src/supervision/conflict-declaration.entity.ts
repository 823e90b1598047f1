import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity';

export enum ConflictKind {
  Family = 'family',
  Partner = 'partner',
  LineManager = 'line_manager',
  Business = 'business',
  PersonalFriend = 'personal_friend',
  OwnTherapist = 'own_therapist',
  Other = 'other',
}

// A declared relationship between two people that bars one from supervising, rating or signing off the
// other. The pair is stored ordered (user_a_id < user_b_id) so one index answers "any conflict between
// A and B" whichever way round it is asked. Ended, never deleted.
@Entity('conflict_declarations')
@Check('ck_conflict_declarations_pair', 'user_a_id < user_b_id')
@Index('ix_conflict_declarations_pair', ['userAId', 'userBId'])
@Index('uq_conflict_declarations_active', ['userAId', 'userBId', 'kind'], { unique: true, where: 'ended_at IS NULL' })
export class ConflictDeclaration {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userAId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_a_id' })
  userA?: Relation<User>;

  @Index('ix_conflict_declarations_user_b')
  @Column({ type: 'uuid' })
  userBId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_b_id' })
  userB?: Relation<User>;

  @Column({ type: 'enum', enum: ConflictKind, enumName: 'conflict_kind' })
  kind!: ConflictKind;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ type: 'uuid' })
  declaredBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  endedBy!: string | null;
}
