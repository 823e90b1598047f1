import { type EntityManager, In } from 'typeorm';
import type { RecognitionInForce } from '../schemes/person-record';
import { toInForce } from './recognition-rules';
import { Recognition, RecognitionStatus } from './recognition.entity';

/** The published (and withdrawn) recognitions a body has declared (every version, each with its own dates), as the pure rules read them. */
export async function publishedRecognitions(em: EntityManager, bodyId: string): Promise<RecognitionInForce[]> {
  const rows = await em.find(Recognition, {
    where: { bodyId, status: In([RecognitionStatus.Published, RecognitionStatus.Withdrawn]) },
    relations: { toScheme: true },
  });
  return toInForce(
    rows.map((r) => ({
      ...r,
      status: r.status,
      toSchemeCode: r.toScheme!.code,
      effectiveFrom: String(r.effectiveFrom).slice(0, 10),
      effectiveTo: r.effectiveTo ? String(r.effectiveTo).slice(0, 10) : null,
    })),
  );
}
