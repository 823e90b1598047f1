import type { TaxonomyDto, TaxonomySummaryDto } from './dto';
import type { Taxonomy } from './taxonomy.entity';

export const toTaxonomySummaryDto = (t: Taxonomy): TaxonomySummaryDto => ({
  id: t.id,
  bodyId: t.bodyId,
  code: t.code,
  name: t.name,
  versionNumber: t.versionNumber,
  status: t.status,
  publishedAt: t.publishedAt?.toISOString() ?? null,
});

export const toTaxonomyDto = (t: Taxonomy): TaxonomyDto => ({ ...toTaxonomySummaryDto(t), definition: t.definition, version: t.version });
