import type { EntityManager } from 'typeorm';
import { invalid } from '../common/errors';
import { IPT_TAXONOMY_ID } from './ipt-taxonomy';
import { Taxonomy, TaxonomyStatus } from './taxonomy.entity';

// How cases find their taxonomy version. Read through the caller's manager (inside a unit of work, its em).

/** The taxonomy version a case of `bodyId` may name: published, and the body's own or international; default IPT. */
export async function taxonomyForCase(em: EntityManager, taxonomyId: string | undefined, bodyId: string): Promise<Taxonomy> {
  const t = await em.findOneBy(Taxonomy, { id: taxonomyId ?? IPT_TAXONOMY_ID });
  if (!t || t.status !== TaxonomyStatus.Published || (t.bodyId !== null && t.bodyId !== bodyId))
    throw invalid('taxonomyVersionId', "taxonomyVersionId must name a published taxonomy of the case's body or an international one");
  return t;
}

/** The taxonomy version a case already names (it exists: the column is a foreign key). */
export const taxonomyOfCase = (em: EntityManager, taxonomyId: string): Promise<Taxonomy> =>
  em.findOneByOrFail(Taxonomy, { id: taxonomyId });
