import type { ActivityDto } from './dto';
import type { TrainingActivity } from './training-activity.entity';

export const toActivityDto = (a: TrainingActivity): ActivityDto => ({
  id: a.id,
  traineeId: a.traineeId,
  kind: a.kind,
  title: a.title,
  provider: a.provider,
  trainerId: a.trainerId,
  hours: Number(a.hours),
  delivery: a.delivery,
  date: a.date,
  evidenceRef: a.evidenceRef,
  verified: a.verifiedAt !== null,
  verifiedBy: a.verifiedBy,
  verifiedAt: a.verifiedAt?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
  version: a.version,
});
