import type { EntityManager } from 'typeorm';
import { dateOf, dateOrNull } from '../common/dates';
import type { RecognitionInForce } from './person-record';

// Read here in plain SQL so schemes/ does not depend on recognitions/ (which builds on schemes/): a published
// recognition counts with its own dates; a withdrawn one up to its withdrawal (its effective_to).
const SQL = `
  SELECT r.from_body_id, r.from_scheme_code, r.from_level_code, s.code AS to_scheme_code, r.to_level_code, r.effective_from, r.effective_to
    FROM recognitions r JOIN schemes s ON s.id = r.to_scheme_id
   WHERE r.body_id = $1 AND r.status IN ('published', 'withdrawn')`;

/** The recognitions a body has declared, as the pure rules read them (EvaluationContext.recognitions). */
export async function publishedRecognitions(em: EntityManager, bodyId: string): Promise<RecognitionInForce[]> {
  const rows = (await em.query(SQL, [bodyId])) as Record<string, unknown>[];
  return rows.map((r) => ({
    fromBodyId: String(r.from_body_id),
    fromSchemeCode: String(r.from_scheme_code),
    fromLevelCode: String(r.from_level_code),
    toSchemeCode: String(r.to_scheme_code),
    toLevelCode: String(r.to_level_code),
    from: dateOf(r.effective_from as string),
    to: dateOrNull(r.effective_to as string | null),
  }));
}
