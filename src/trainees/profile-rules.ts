import type { Licence, Membership } from './trainee-profile.entity';

export interface FlaggedLicence extends Licence {
  expired: boolean;
}

// An expired licence is kept and shown (a lapse is part of the record) but flagged, so schemes that need
// a current licence can tell.
export const flagLicences = (licences: readonly Licence[], today: string): FlaggedLicence[] =>
  licences.map((l) => ({ ...l, expired: l.expiresOn < today }));

/** Field-keyed problems with a membership list (to before from; overlapping periods in one body). */
export function membershipProblems(memberships: readonly Membership[]): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  memberships.forEach((m, i) => {
    if (m.to !== null && m.to < m.from) problems[`memberships.${i}.to`] = ['to must not be before from'];
  });
  memberships.forEach((m, i) => {
    const clash = memberships.findIndex((o, j) => j < i && o.bodyId === m.bodyId && overlaps(o, m));
    if (clash >= 0 && !problems[`memberships.${i}.to`]) problems[`memberships.${i}`] = [`overlaps memberships.${clash} in the same body`];
  });
  return problems;
}

const overlaps = (a: Membership, b: Membership): boolean => (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);
