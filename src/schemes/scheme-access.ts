import type { EntityManager } from 'typeorm';
import { adminGrantFor, grantIn } from '../auth/access';
import { Role } from '../auth/roles';
import { Body } from '../bodies/body.entity';
import type { Actor, Grant } from '../common/request-context';

/**
 * Who administers a body's schemes and applications: its BODY_ADMINs, the BODY_ADMINs of the
 * international body above it, and global admins.
 */
export async function schemeAdminGrant(em: EntityManager, actor: Actor, bodyId: string): Promise<Grant | undefined> {
  const direct = adminGrantFor(actor, bodyId);
  if (direct) return direct;
  const body = await em.findOneBy(Body, { id: bodyId });
  return body?.parentId ? grantIn(actor, Role.BodyAdmin, body.parentId) : undefined;
}
