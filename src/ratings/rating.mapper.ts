import type { RatingDto } from './dto';
import type { Rating } from './rating.entity';

export const toRatingDto = (r: Rating): RatingDto => ({
  id: r.id,
  rubricVersionId: r.rubricVersionId,
  targetType: r.targetType,
  targetId: r.targetId,
  traineeId: r.traineeId,
  raterId: r.raterId,
  raterRole: r.raterRole,
  scores: r.scores,
  itemComments: r.itemComments,
  overallComment: r.overallComment,
  sessionPhase: r.sessionPhase,
  total: r.total,
  mean: r.mean,
  passed: r.passed,
  status: r.status,
  supersedesId: r.supersedesId,
  correctionReason: r.correctionReason,
  submittedAt: r.submittedAt?.toISOString() ?? null,
  version: r.version,
});
