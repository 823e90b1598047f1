import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// Append-only: a database trigger refuses UPDATE, DELETE and TRUNCATE on this table.
@Entity('audit_log')
@Index('ix_audit_log_entity', ['entityType', 'entityId'])
@Index('ix_audit_log_body_time', ['bodyId', 'occurredAt'])
export class AuditEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Index('ix_audit_log_time')
  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  @Index('ix_audit_log_actor')
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  // the role and scope the actor acted under (SELF for one's own account, PUBLIC for sign-up)
  @Column({ type: 'varchar', length: 20 })
  actorRole!: string;

  @Column({ type: 'uuid', nullable: true })
  bodyId!: string | null;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'varchar', length: 64 })
  entityType!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  entityId!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;
}
