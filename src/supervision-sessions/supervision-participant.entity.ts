import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity';
import { SupervisionSession } from './supervision-session.entity';

// A trainee who took part in a supervision session (the supervisor is never a participant).
@Entity('supervision_participants')
@Index('ix_supervision_participants_trainee', ['traineeId'])
export class SupervisionParticipant {
  @PrimaryColumn({ type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => SupervisionSession, (s) => s.participants, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<SupervisionSession>;

  @PrimaryColumn({ type: 'uuid' })
  traineeId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'trainee_id' })
  trainee?: Relation<User>;
}
