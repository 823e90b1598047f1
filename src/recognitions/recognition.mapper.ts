import type { RecognitionDto } from './dto';
import type { Recognition } from './recognition.entity';

const day = (d: string | null): string | null => (d ? String(d).slice(0, 10) : null);

export const toRecognitionDto = (r: Recognition, fromLevelName: string): RecognitionDto => ({
  id: r.id,
  bodyId: r.bodyId,
  fromBodyId: r.fromBodyId,
  fromBodyName: r.fromBody?.name ?? '',
  fromSchemeCode: r.fromSchemeCode,
  fromLevelCode: r.fromLevelCode,
  fromLevelName,
  toSchemeId: r.toSchemeId,
  toScheme: { code: r.toScheme?.code ?? '', name: r.toScheme?.name ?? '' },
  toLevelCode: r.toLevelCode,
  versionNumber: r.versionNumber,
  status: r.status,
  effectiveFrom: day(r.effectiveFrom)!,
  effectiveTo: day(r.effectiveTo),
  topUps: r.topUps as unknown as Record<string, unknown>[],
  note: r.note,
  publishedAt: r.publishedAt?.toISOString() ?? null,
  withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
  version: r.version,
});
