import { Column, Entity, PrimaryColumn } from 'typeorm';

// Fixed-window counters for rate limits, kept in the database so every replica sees the same count.
@Entity('rate_limits')
export class RateLimit {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key!: string;

  @Column({ type: 'integer' })
  hits!: number;

  @Column({ type: 'timestamptz' })
  windowEndsAt!: Date;
}
