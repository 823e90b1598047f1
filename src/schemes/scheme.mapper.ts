import type { SchemeDto, SchemeVersionDto } from './dto';
import type { Scheme, SchemeVersion } from './scheme.entity';

export const toSchemeVersionDto = (v: SchemeVersion): SchemeVersionDto => ({
  id: v.id,
  schemeId: v.schemeId,
  versionNumber: v.versionNumber,
  status: v.status,
  effectiveFrom: String(v.effectiveFrom).slice(0, 10),
  definition: v.definition as unknown as Record<string, unknown>,
  publishedAt: v.publishedAt?.toISOString() ?? null,
  retiredAt: v.retiredAt?.toISOString() ?? null,
  isReference: v.isReference,
  version: v.version,
});

export const toSchemeDto = (s: Scheme, versions: SchemeVersion[]): SchemeDto => ({
  id: s.id,
  bodyId: s.bodyId,
  code: s.code,
  name: s.name,
  derivedFromVersionId: s.derivedFromVersionId ?? null,
  versions: versions
    .filter((v) => v.schemeId === s.id)
    .sort((a, b) => a.versionNumber - b.versionNumber)
    .map((v) => ({
      id: v.id,
      versionNumber: v.versionNumber,
      status: v.status,
      effectiveFrom: String(v.effectiveFrom).slice(0, 10),
      isReference: v.isReference,
    })),
});
