import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RecordAccessService } from '../access/record-access.service';
import { notFound } from '../common/errors';
import type { AuthedCtx } from '../common/request-context';
import { aggregateRatings } from '../rubrics/rubric-scoring';
import { RubricTarget, RubricVersion } from '../rubrics/rubric.entity';
import type { TargetSummaryListDto } from './dto';
import { resolveTarget } from './rating-targets';
import { Rating } from './rating.entity';

@Injectable()
export class RatingSummaryService {
  constructor(
    private readonly db: DataSource,
    private readonly access: RecordAccessService,
  ) {}

  /** Per rubric version: the current (non-superseded) submitted ratings combined under the rubric's multi-rater policy. */
  async summary(ctx: AuthedCtx, targetType: RubricTarget, targetId: string): Promise<TargetSummaryListDto> {
    if (!Object.values(RubricTarget).includes(targetType)) throw notFound('Rating target');
    const target = await resolveTarget(this.db.manager, targetType, targetId);
    if (!target) throw notFound('Rating target');
    await this.access.require(
      ctx.actor,
      target.traineeId,
      ['own', 'supervisor', 'body_admin', 'submitted_to', 'admin'],
      'Rating target',
      undefined,
      target.bodyId,
    );
    const ratings = await this.db
      .getRepository(Rating)
      .createQueryBuilder('r')
      .where(`r.target_type = :tt AND r.target_id = :tid AND r.status = 'submitted'`, { tt: targetType, tid: targetId })
      .andWhere('NOT EXISTS (SELECT 1 FROM ratings nx WHERE nx.supersedes_id = r.id)')
      .orderBy('r.submitted_at', 'ASC')
      .getMany();
    const versionIds = [...new Set(ratings.map((r) => r.rubricVersionId))];
    const versions = versionIds.length
      ? await this.db.getRepository(RubricVersion).createQueryBuilder('v').where('v.id IN (:...ids)', { ids: versionIds }).getMany()
      : [];
    return {
      targetType,
      targetId,
      traineeId: target.traineeId,
      rubrics: versions.map((v) => ({
        rubricVersionId: v.id,
        ...aggregateRatings(
          v.definition,
          ratings
            .filter((r) => r.rubricVersionId === v.id)
            .map((r) => ({ ratingId: r.id, raterId: r.raterId, raterRole: r.raterRole, scores: r.scores })),
        ),
      })),
    };
  }
}
