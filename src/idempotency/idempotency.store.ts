import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/env';
import { unprocessable } from '../common/errors';
import { type IdempotencyClaim, keyInFlight } from './idempotency-context';
import { toStoredBody } from './idempotency-rules';

export type Begin = { kind: 'claimed'; claim: IdempotencyClaim } | { kind: 'replay'; status: number; body: unknown };

interface KeyRow {
  id: string;
  fingerprint: string;
  status: 'in_flight' | 'committed' | 'completed';
  claim_token: string;
  response_status: number | null;
  response_body: unknown;
  abandoned: boolean;
}

const PURGE_EVERY_MS = 10 * 60_000;

/** The idempotency_keys table: claim a key, complete it with the response, or release it after a failure. */
@Injectable()
export class IdempotencyStore {
  private readonly logger = new Logger('Idempotency');
  private lastPurge = 0;

  constructor(
    private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async begin(userId: string, key: string, method: string, path: string, fingerprint: string, status: number): Promise<Begin> {
    await this.purgeNowAndThen();
    for (let attempt = 0; attempt < 3; attempt++) {
      const token = randomUUID();
      const inserted: { id: string }[] = await this.db.query(
        `INSERT INTO idempotency_keys (user_id, key, method, path, fingerprint, status, claim_token, claimed_at)
         VALUES ($1, $2, $3, $4, $5, 'in_flight', $6, now()) ON CONFLICT (user_id, key) DO NOTHING RETURNING id`,
        [userId, key, method, path.slice(0, 2000), fingerprint, token],
      );
      if (inserted.length) return { kind: 'claimed', claim: { id: inserted[0].id, token, status } };
      const [row]: KeyRow[] = await this.db.query(
        `SELECT id, fingerprint, status, claim_token, response_status, response_body,
                claimed_at < now() - make_interval(secs => $3) AS abandoned
           FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
        [userId, key, this.config.IDEMPOTENCY_IN_FLIGHT_TIMEOUT_SECONDS],
      );
      if (!row) continue; // released between the insert and the read: try again
      if (row.fingerprint !== fingerprint) {
        throw unprocessable('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request; use a new key');
      }
      if (row.status === 'completed') return { kind: 'replay', status: row.response_status ?? status, body: row.response_body };
      if (!row.abandoned) throw keyInFlight();
      // committed, but the process died before storing the final response: replay what the transaction returned
      if (row.status === 'committed') return { kind: 'replay', status: row.response_status ?? status, body: row.response_body };
      // the first request died (or stalled) before finishing: take the key over. Its transaction, should it
      // still be running, can no longer complete the key and rolls back (claim_token changed).
      const taken: { id: string }[] = await this.db.query(
        `UPDATE idempotency_keys SET claim_token = $3, claimed_at = now() WHERE id = $1 AND claim_token = $2 AND status = 'in_flight' RETURNING id`,
        [row.id, row.claim_token, token],
      );
      const took = Array.isArray(taken[0]) ? (taken[0] as { id: string }[]) : taken;
      if (took.length) return { kind: 'claimed', claim: { id: row.id, token, status } };
    }
    throw keyInFlight();
  }

  /** Stores the final response (it may differ from the transaction's result, e.g. a re-read after commit). */
  async complete(claim: IdempotencyClaim, body: unknown): Promise<void> {
    try {
      await this.db.query(
        `UPDATE idempotency_keys SET status = 'completed', response_status = $3, response_body = $4::jsonb, completed_at = coalesce(completed_at, now())
          WHERE id = $1 AND claim_token = $2`,
        [claim.id, claim.token, claim.status, JSON.stringify(toStoredBody(body))],
      );
    } catch (err) {
      // the change (if any) is committed together with a completed key already; only the final body is lost
      this.logger.warn({ err: (err as Error).message, key: claim.id }, 'could not store the idempotent response');
    }
  }

  /** After a failure nothing was committed: free the key so that a retry runs the request again. */
  async release(claim: IdempotencyClaim): Promise<void> {
    try {
      await this.db.query(`DELETE FROM idempotency_keys WHERE id = $1 AND claim_token = $2 AND status = 'in_flight'`, [
        claim.id,
        claim.token,
      ]);
    } catch {
      // database away: the key stays in flight and is taken over once IDEMPOTENCY_IN_FLIGHT_TIMEOUT_SECONDS pass
    }
  }

  private async purgeNowAndThen(): Promise<void> {
    if (Date.now() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = Date.now();
    try {
      await this.db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`, [
        this.config.IDEMPOTENCY_RETENTION_HOURS,
      ]);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'idempotency key purge failed');
    }
  }
}
