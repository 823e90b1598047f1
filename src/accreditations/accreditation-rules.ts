import type { EntityManager } from 'typeorm';
import { conflict } from '../common/errors';
import type { HeldVersion } from '../schemes/progress.service';
import type { LevelDef, SchemeDefinition } from '../schemes/scheme-definition';
import { Scheme, SchemeVersion } from '../schemes/scheme.entity';

/** The scheme version an application or accreditation was made under, as ProgressService.evaluate wants it. */
export async function heldFromVersion(em: EntityManager, schemeVersionId: string): Promise<HeldVersion> {
  const version = await em.findOneByOrFail(SchemeVersion, { id: schemeVersionId });
  const scheme = await em.findOneByOrFail(Scheme, { id: version.schemeId });
  return { scheme, version, heldBy: 'enrolment' };
}

/** A level of a version's definition; a level that vanished from a published version is a data error (409). */
export function levelOf(version: SchemeVersion, levelCode: string): LevelDef {
  const level = (version.definition as SchemeDefinition).levels.find((l) => l.code === levelCode);
  if (!level) throw conflict('LEVEL_NOT_IN_VERSION', `Level ${levelCode} is not part of scheme version ${version.versionNumber}`);
  return level;
}
