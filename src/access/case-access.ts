import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/request-context';
import { type RecordAccess, type RecordAccessService, type RecordRelation, readableRecordsPredicate } from './record-access.service';

export const READERS: readonly RecordRelation[] = ['own', 'supervisor', 'body_admin', 'submitted_to', 'admin'];
export const OWNER: readonly RecordRelation[] = ['own'];

/** What the case rule needs of a case. */
export interface CaseRef {
  traineeId: string;
  /** the body of the supervision the case is logged under */
  bodyId: string;
}

// A case is part of its trainee's record and belongs to the body it was logged in: who may see it is the
// trainee-record rule with the case's body (a body admin sees the cases of their own body only, see
// record-access.service.ts). A case the caller may not see is a 404 exactly like a missing one. The check for
// one case and the SQL filter for lists of cases stand together here.

export const requireCaseReader = (
  records: RecordAccessService,
  actor: Actor,
  c: CaseRef,
  allowed: readonly RecordRelation[],
  em?: EntityManager,
): Promise<RecordAccess> => records.require(actor, c.traineeId, allowed, 'Case', em, c.bodyId);

/** The cases the actor may read, as SQL over a case alias (`<alias>.trainee_id`, `<alias>.body_id`). */
export const casesReadablePredicate = (actor: Actor, alias: string) =>
  readableRecordsPredicate(actor, `${alias}.trainee_id`, `${alias}.body_id`);
