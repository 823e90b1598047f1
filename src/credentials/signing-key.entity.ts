import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Body } from '../bodies/body.entity';
import type { SigningAlg } from './credential';

export enum SigningKeyStatus {
  Active = 'active',
  Retired = 'retired',
}

// A body's key for signing credentials (RS256, ES256, or EdDSA for keys made before OB 3.0 JWT proofs).
// The id names it in the key URL that is the JWS `kid`. A retired key signs nothing new
// but stays published in the body's JWKS, so credentials it signed remain verifiable.
@Entity('body_signing_keys')
@Index('ix_body_signing_keys_body', ['bodyId', 'createdAt'])
@Check('ck_body_signing_keys_retired', `(status = 'retired') = (retired_at IS NOT NULL)`)
@Index('uq_body_signing_keys_active', ['bodyId'], { unique: true, where: `status = 'active'` })
@Check('ck_body_signing_keys_alg', `alg IN ('RS256', 'ES256', 'EdDSA')`)
export class BodySigningKey {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  bodyId!: string;

  @ManyToOne(() => Body, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'body_id' })
  body?: Relation<Body>;

  @Column({ type: 'varchar', length: 10, default: 'EdDSA' })
  alg!: SigningAlg;

  // the public JWK (RSA n/e, EC crv/x/y or OKP crv/x) — never the private part
  @Column({ type: 'jsonb' })
  publicJwk!: Record<string, string>;

  // the private JWK, AES-256-GCM-encrypted with CREDENTIALS_MASTER_KEY (see key-encryption.ts)
  @Column({ type: 'text' })
  privateKeyCiphertext!: string;

  @Column({ type: 'enum', enum: SigningKeyStatus, enumName: 'signing_key_status', default: SigningKeyStatus.Active })
  status!: SigningKeyStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;
}
