import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { tooManyRequests } from '../common/errors';

/**
 * Fixed-window counters in PostgreSQL (one upsert per hit), so a limit holds across all replicas.
 */
@Injectable()
export class RateLimiter {
  private lastSweep = 0;

  constructor(private readonly db: DataSource) {}

  /** Throws 429 if `key` has already reached `limit` hits in its current window. */
  async assertUnder(key: string, limit: number): Promise<void> {
    const rows: { hits: number; ttl: number }[] = await this.db.query(
      `SELECT hits, EXTRACT(EPOCH FROM window_ends_at - now())::float8 AS ttl
         FROM rate_limits WHERE key = $1 AND window_ends_at > now()`,
      [key],
    );
    if (rows.length && rows[0].hits >= limit) throw tooManyRequests(rows[0].ttl);
  }

  /** Counts one hit against `key`; throws 429 when that hit exceeds `limit`. */
  async hit(key: string, limit: number, windowSeconds: number): Promise<void> {
    const hits = await this.count(key, windowSeconds);
    if (hits.hits > limit) throw tooManyRequests(hits.ttl);
  }

  /** Counts one hit against `key` and returns the hits in the current window. */
  async count(key: string, windowSeconds: number): Promise<{ hits: number; ttl: number }> {
    const rows: { hits: number; ttl: number }[] = await this.db.query(
      `INSERT INTO rate_limits (key, hits, window_ends_at) VALUES ($1, 1, now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN rate_limits.window_ends_at <= now() THEN 1 ELSE rate_limits.hits + 1 END,
         window_ends_at = CASE WHEN rate_limits.window_ends_at <= now() THEN EXCLUDED.window_ends_at ELSE rate_limits.window_ends_at END
       RETURNING hits, EXTRACT(EPOCH FROM window_ends_at - now())::float8 AS ttl`,
      [key, windowSeconds],
    );
    await this.sweep();
    return rows[0];
  }

  // expired windows are deleted now and then, not on every hit
  private async sweep(): Promise<void> {
    const now = Date.now();
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    await this.db.query(`DELETE FROM rate_limits WHERE window_ends_at < now() - interval '1 hour'`);
  }
}
