import type { RubricDto, RubricVersionDto, RubricVersionSummaryDto } from './dto';
import type { Rubric, RubricVersion } from './rubric.entity';

export const toVersionSummary = (v: RubricVersion): RubricVersionSummaryDto => ({
  id: v.id,
  versionNumber: v.versionNumber,
  status: v.status,
  publishedAt: v.publishedAt?.toISOString() ?? null,
});

export const toRubricVersionDto = (v: RubricVersion): RubricVersionDto => ({
  ...toVersionSummary(v),
  rubricId: v.rubricId,
  definition: v.definition,
  version: v.version,
});

export const toRubricDto = (r: Rubric, versions: RubricVersion[]): RubricDto => ({
  id: r.id,
  ownerBodyId: r.ownerBodyId,
  code: r.code,
  name: r.name,
  modality: r.modality,
  target: r.target,
  versions: versions
    .filter((v) => v.rubricId === r.id)
    .sort((a, b) => a.versionNumber - b.versionNumber)
    .map(toVersionSummary),
  createdAt: r.createdAt.toISOString(),
});
