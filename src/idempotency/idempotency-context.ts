import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors';
import { IdempotencyKey, IdempotencyKeyStatus } from './idempotency-key.entity';
import { toStoredBody } from './idempotency-rules';

/** The Idempotency-Key a request holds while its handler runs (set by the IdempotencyInterceptor). */
export interface IdempotencyClaim {
  id: string;
  token: string;
  /** the status the route answers with on success (201 unless @HttpCode) */
  status: number;
}

export const idempotencyScope = new AsyncLocalStorage<IdempotencyClaim>();

export const keyInFlight = () =>
  new DomainError('IDEMPOTENCY_KEY_IN_FLIGHT', 'A request with this Idempotency-Key is still being processed; retry shortly', undefined, {
    'Retry-After': '1',
  });

/**
 * Called by UnitOfWork inside its transaction: marks the request's key committed, with the transaction's
 * result as the provisional response, in the SAME transaction as the change. So a committed change always
 * has a committed/completed key (a retry replays, never re-executes), and an in-flight key never has a
 * committed change. The interceptor then stores the final response (status completed).
 * If another request took the key over (this one was presumed abandoned), this transaction rolls back.
 */
export async function completeIdempotencyInTransaction(em: EntityManager, result: unknown): Promise<void> {
  const claim = idempotencyScope.getStore();
  if (!claim) return;
  const r = await em
    .createQueryBuilder()
    .update(IdempotencyKey)
    .set({
      status: IdempotencyKeyStatus.Committed,
      responseStatus: claim.status,
      responseBody: () => ':body::jsonb',
      completedAt: () => 'now()',
    })
    .setParameter('body', JSON.stringify(toStoredBody(result)))
    .where('id = :id AND claim_token = :token', { id: claim.id, token: claim.token })
    .execute();
  if (!r.affected) throw keyInFlight();
}
