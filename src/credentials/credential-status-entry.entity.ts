import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Accreditation } from '../accreditations/accreditation.entity';
import { Body } from '../bodies/body.entity';

// An accreditation's position in its body's Bitstring Status Lists (the same index in the revocation and the
// suspension list). Drawn at random when the accreditation is first signed and kept for every later signature
// (renewals), unique per body. The bits themselves are not stored: they are read from the accreditation's
// status when the list is served, so a status change and its bit commit in one transaction by construction.
@Entity('credential_status_entries')
@Index('uq_credential_status_entries_index', ['bodyId', 'statusIndex'], { unique: true })
@Check('ck_credential_status_entries_index', 'status_index >= 0 AND status_index < 131072')
export class CredentialStatusEntry {
  @PrimaryColumn({ type: 'uuid' })
  accreditationId!: string;

  @ManyToOne(() => Accreditation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accreditation_id' })
  accreditation?: Relation<Accreditation>;

  @Column({ type: 'uuid' })
  bodyId!: string;

  @ManyToOne(() => Body, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'body_id' })
  body?: Relation<Body>;

  @Column({ type: 'integer' })
  statusIndex!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
