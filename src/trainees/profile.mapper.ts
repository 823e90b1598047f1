import type { ProfileDto } from './dto';
import { flagLicences } from './profile-rules';
import type { TraineeProfile } from './trainee-profile.entity';

export const toProfileDto = (p: TraineeProfile, displayName: string, today: string): ProfileDto => ({
  traineeId: p.userId,
  displayName,
  countryCode: p.countryCode,
  homeBodyId: p.homeBodyId,
  coreProfession: p.coreProfession,
  licences: flagLicences(p.licences, today).map((l) => ({
    jurisdiction: l.jurisdiction,
    number: l.number,
    expiresOn: l.expiresOn,
    expired: l.expired,
  })),
  memberships: p.memberships.map((m) => ({ bodyId: m.bodyId, from: m.from, to: m.to ?? null })),
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
  version: p.version,
});
