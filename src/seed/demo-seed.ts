import { DataSource } from 'typeorm';
import { AuditEntry } from '../audit/audit-entry.entity';
import { hashPassword } from '../auth/password-hasher';
import { Role } from '../common/roles';
import { Body, BodyKind } from '../bodies/body.entity';
import { RoleGrant } from '../users/role-grant.entity';
import { User } from '../users/user.entity';

export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_DOMAIN = 'demo.ipt.example';

export interface DemoAccount {
  email: string;
  displayName: string;
  roles: { role: Role; body: 'ISIPT' | 'UK-IPT' | 'US-IPT' | null }[];
}

// Demo people a newcomer can sign in as. Example data only: no real bodies' rules or people.
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: `admin@${DEMO_DOMAIN}`, displayName: 'Demo Global Admin', roles: [{ role: Role.Admin, body: null }] },
  { email: `bodyadmin.isipt@${DEMO_DOMAIN}`, displayName: 'Demo ISIPT Admin', roles: [{ role: Role.BodyAdmin, body: 'ISIPT' }] },
  { email: `bodyadmin.uk@${DEMO_DOMAIN}`, displayName: 'Demo UK Body Admin', roles: [{ role: Role.BodyAdmin, body: 'UK-IPT' }] },
  { email: `bodyadmin.us@${DEMO_DOMAIN}`, displayName: 'Demo US Body Admin', roles: [{ role: Role.BodyAdmin, body: 'US-IPT' }] },
  { email: `supervisor.uk@${DEMO_DOMAIN}`, displayName: 'Dr Sam Supervisor (UK)', roles: [{ role: Role.Supervisor, body: 'UK-IPT' }] },
  { email: `supervisor.us@${DEMO_DOMAIN}`, displayName: 'Dr Jo Supervisor (US)', roles: [{ role: Role.Supervisor, body: 'US-IPT' }] },
  { email: `trainee.uk@${DEMO_DOMAIN}`, displayName: 'Alex Trainee (UK)', roles: [{ role: Role.Trainee, body: 'UK-IPT' }] },
  { email: `trainee2.uk@${DEMO_DOMAIN}`, displayName: 'Bea Trainee (UK)', roles: [{ role: Role.Trainee, body: 'UK-IPT' }] },
  { email: `trainee.us@${DEMO_DOMAIN}`, displayName: 'Casey Trainee (US)', roles: [{ role: Role.Trainee, body: 'US-IPT' }] },
];

const DEMO_BODIES = [
  { code: 'ISIPT', name: 'International Society for IPT (demo)', kind: BodyKind.International, countryCode: null },
  { code: 'UK-IPT', name: 'IPT UK (demo national body)', kind: BodyKind.National, countryCode: 'GB' },
  { code: 'US-IPT', name: 'IPT Institute US (demo national body)', kind: BodyKind.National, countryCode: 'US' },
] as const;

/** Loads the demo bodies and people once; a database that already has them is left alone. */
export async function seedDemo(db: DataSource): Promise<{ created: boolean }> {
  if (await db.getRepository(User).existsBy({ email: DEMO_ACCOUNTS[0].email })) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (em) => {
    const bodies = new Map<string, Body>();
    for (const b of DEMO_BODIES) {
      const existing = await em.findOneBy(Body, { code: b.code });
      const parentId = b.kind === BodyKind.National ? (bodies.get('ISIPT')?.id ?? null) : null;
      bodies.set(b.code, existing ?? (await em.save(em.create(Body, { ...b, parentId }))));
    }
    for (const a of DEMO_ACCOUNTS) {
      const user = await em.save(
        em.create(User, { email: a.email, displayName: a.displayName, passwordHash, emailVerifiedAt: new Date() }),
      );
      for (const r of a.roles) {
        await em.insert(RoleGrant, {
          userId: user.id,
          role: r.role,
          bodyId: r.body ? (bodies.get(r.body)?.id ?? null) : null,
          grantedBy: null,
        });
      }
    }
    await em.insert(AuditEntry, {
      actorId: null,
      actorRole: 'SYSTEM',
      bodyId: null,
      action: 'system.seed_demo',
      entityType: 'system',
      entityId: null,
      changes: { accounts: DEMO_ACCOUNTS.length },
      requestId: null,
    });
  });
  return { created: true };
}

export function demoBanner(): string {
  const rows = DEMO_ACCOUNTS.map(
    (a) => `  ${a.email.padEnd(36)} ${a.roles.map((r) => (r.body ? `${r.role}@${r.body}` : r.role)).join(', ')}`,
  );
  return [`Demo accounts (password for all: ${DEMO_PASSWORD}):`, ...rows].join('\n');
}
