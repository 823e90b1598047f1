import type { Actor } from '../common/request-context';
import { readableRecordsPredicate } from './record-access.service';
import { administeredBodiesPredicate } from './scheme-administration';

/**
 * Applications the actor may see, as SQL over an application alias: the applicant; their active supervisors;
 * the admins of the body it was submitted to (the scheme's body, or its international parent); global admins.
 * An application belongs to the body it was submitted to, so the admin of another body the applicant belongs
 * to does not see it. Acting on one is narrower: the applicant alone (own), or schemeAdminGrant (decisions).
 */
export function applicationsVisiblePredicate(actor: Actor, alias: string): { sql: string; params: Record<string, unknown> } {
  // an application belongs to the body it went to: a record submitted to another body does not open it
  const record = readableRecordsPredicate(actor, `${alias}.applicant_id`, `${alias}.body_id`, { submitted: false });
  const admin = administeredBodiesPredicate(actor, `${alias}.body_id`);
  return { sql: `(${record.sql} OR ${admin.sql})`, params: { ...record.params, ...admin.params } };
}
