import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Role } from '../common/roles';
import { Body } from '../bodies/body.entity';
import { User } from './user.entity';

// A role held within a scope: ADMIN is global (no body); every other role is granted within one body.
@Entity('role_grants')
@Index('uq_role_grants_active', ['userId', 'role', 'bodyId'], { unique: true, where: 'revoked_at IS NULL' })
export class RoleGrant {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'enum', enum: Role, enumName: 'role' })
  role!: Role;

  @Column({ type: 'uuid', nullable: true })
  bodyId!: string | null;

  @ManyToOne(() => Body, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'body_id' })
  body?: Relation<Body>;

  @Column({ type: 'uuid', nullable: true })
  grantedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  grantedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  revokedBy!: string | null;
}
