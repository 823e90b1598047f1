import { DataSource, IsNull } from 'typeorm';
import { AuditEntry } from '../audit/audit-entry.entity';
import { assertAcceptablePassword } from '../auth/auth.service';
import { hashPassword } from '../auth/password-hasher';
import { Role } from '../common/roles';
import { RoleGrant } from '../users/role-grant.entity';
import { User } from '../users/user.entity';

/**
 * Creates a global admin (or grants ADMIN to an existing account). Used by `npm run cli -- create-admin`
 * and, on first start, by ADMIN_EMAIL/ADMIN_PASSWORD.
 */
export async function createGlobalAdmin(
  db: DataSource,
  input: { email: string; password: string; displayName?: string },
): Promise<{ userId: string; created: boolean; granted: boolean }> {
  const email = input.email.trim().toLowerCase();
  const existing = await db.getRepository(User).findOneBy({ email });
  if (!existing) assertAcceptablePassword(input.password, email);
  const passwordHash = existing ? null : await hashPassword(input.password);
  return db.transaction(async (em) => {
    const user =
      existing ??
      (await em.save(
        em.create(User, {
          email,
          displayName: input.displayName ?? 'Administrator',
          passwordHash: passwordHash as string,
          emailVerifiedAt: new Date(),
        }),
      ));
    const has = await em.existsBy(RoleGrant, { userId: user.id, role: Role.Admin, revokedAt: IsNull() });
    if (!has) await em.insert(RoleGrant, { userId: user.id, role: Role.Admin, bodyId: null, grantedBy: null });
    if (!existing || !has) {
      await em.insert(AuditEntry, {
        actorId: null,
        actorRole: 'SYSTEM',
        bodyId: null,
        action: 'admin.bootstrap',
        entityType: 'user',
        entityId: user.id,
        changes: { created: !existing, role: Role.Admin },
        requestId: null,
      });
    }
    return { userId: user.id, created: !existing, granted: !has };
  });
}
