import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { adminGrantFor } from '../access/grants';
import { notFound } from '../common/errors';
import type { AuthedCtx } from '../common/request-context';
import { type RubricDefinition, scoreRating } from '../rubrics/rubric-scoring';
import { Rubric } from '../rubrics/rubric.entity';
import type { RubricReliabilityDto } from './dto';
import { reliabilityHistory, reliabilityReport } from './reliability';

export const RELIABILITY_METHOD =
  'Submitted, not superseded ratings of any version of this rubric on work of this body, excluding self-ratings; one value per rater and target ' +
  "(the latest), being the rating's aggregated value (total or item mean, as its rubric version aggregates). Only targets rated by at least two raters count. " +
  "Krippendorff's alpha (interval) uses all of them, missing cells allowed. ICC(2,1) (two-way random, absolute agreement, single rater, 95% CI) needs a fully " +
  'crossed table, so it is computed on the largest crossed sub-design: the pair of raters sharing the most targets, extended rater by rater while that uses ' +
  'more ratings (targets × raters). The band follows Koo & Li (2016) on the ICC point estimate.';

interface Row {
  targetType: string;
  targetId: string;
  raterId: string;
  scores: Record<string, number>;
  submittedAt: Date;
  definition: RubricDefinition;
}

@Injectable()
export class RubricReliabilityService {
  constructor(private readonly db: DataSource) {}

  async reliability(ctx: AuthedCtx, rubricId: string, bodyId: string): Promise<RubricReliabilityDto> {
    if (!adminGrantFor(ctx.actor, bodyId)) throw notFound('Rubric');
    const rubric = await this.db.getRepository(Rubric).findOneBy({ id: rubricId });
    if (!rubric || (rubric.ownerBodyId && rubric.ownerBodyId !== bodyId)) throw notFound('Rubric');
    const rows: Row[] = await this.db.query(
      `SELECT r.target_type AS "targetType", r.target_id AS "targetId", r.rater_id AS "raterId", r.scores, r.submitted_at AS "submittedAt", v.definition
         FROM ratings r JOIN rubric_versions v ON v.id = r.rubric_version_id
        WHERE v.rubric_id = $1 AND r.body_id = $2 AND r.status = 'submitted' AND r.rater_role <> 'self' AND r.rater_id <> r.trainee_id
          AND NOT EXISTS (SELECT 1 FROM ratings nx WHERE nx.supersedes_id = r.id)`,
      [rubricId, bodyId],
    );
    const values = rows.map((r) => ({
      targetKey: `${r.targetType}:${r.targetId}`,
      raterId: r.raterId,
      value: scoreRating(r.definition, r.scores).value,
      submittedAt: new Date(r.submittedAt),
    }));
    const history = reliabilityHistory(values).map((p) => ({ ...p, icc: p.icc && { ...p.icc } }));
    return { rubricId, bodyId, ...reliabilityReport(values), method: RELIABILITY_METHOD, history };
  }
}
