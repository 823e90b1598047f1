import type { EntityManager } from 'typeorm';
import { RubricTarget } from '../rubrics/rubric.entity';

export interface ResolvedTarget {
  traineeId: string;
  /** the case's supervisor; for a portfolio, null (the active supervision relationship decides) */
  supervisorId: string | null;
  bodyId: string | null;
  sessionPhase: string | null;
}

// Sessions and cases belong to the case-log feature; they are read here with plain SQL so the two
// features stay independent.
export async function resolveTarget(em: EntityManager, type: RubricTarget, id: string): Promise<ResolvedTarget | null> {
  if (type === RubricTarget.Session) {
    const [row]: { trainee_id: string; supervisor_id: string; body_id: string; phase: string }[] = await em.query(
      `SELECT c.trainee_id, c.supervisor_id, c.body_id, s.phase::text AS phase FROM therapy_sessions s JOIN supervised_cases c ON c.id = s.case_id WHERE s.id = $1`,
      [id],
    );
    return row ? { traineeId: row.trainee_id, supervisorId: row.supervisor_id, bodyId: row.body_id, sessionPhase: row.phase } : null;
  }
  if (type === RubricTarget.Case) {
    const [row]: { trainee_id: string; supervisor_id: string; body_id: string }[] = await em.query(
      `SELECT trainee_id, supervisor_id, body_id FROM supervised_cases WHERE id = $1`,
      [id],
    );
    return row ? { traineeId: row.trainee_id, supervisorId: row.supervisor_id, bodyId: row.body_id, sessionPhase: null } : null;
  }
  const [row]: { body_id: string }[] = await em.query(
    `SELECT body_id FROM role_grants WHERE user_id = $1 AND role = 'TRAINEE' AND revoked_at IS NULL ORDER BY granted_at LIMIT 1`,
    [id],
  );
  return row ? { traineeId: id, supervisorId: null, bodyId: row.body_id, sessionPhase: null } : null;
}

/**
 * The role a rater has for a target: self (the trainee), supervisor (the case's supervisor; for a portfolio,
 * an active supervisor of the trainee), independent (holds SUPERVISOR in the target's body — until body admins
 * can assign independent raters explicitly). null = may not rate it.
 */
export async function deriveRaterRole(
  em: EntityManager,
  raterId: string,
  t: ResolvedTarget,
): Promise<'self' | 'supervisor' | 'independent' | null> {
  if (raterId === t.traineeId) return 'self';
  if (t.supervisorId === raterId) return 'supervisor';
  if (t.supervisorId === null) {
    const [rel] = await em.query(
      `SELECT 1 FROM supervision_relationships WHERE trainee_id = $1 AND supervisor_id = $2 AND status = 'active' LIMIT 1`,
      [t.traineeId, raterId],
    );
    if (rel) return 'supervisor';
  }
  if (!t.bodyId) return null;
  const [grant] = await em.query(
    `SELECT 1 FROM role_grants WHERE user_id = $1 AND role = 'SUPERVISOR' AND body_id = $2 AND revoked_at IS NULL LIMIT 1`,
    [raterId, t.bodyId],
  );
  return grant ? 'independent' : null;
}
