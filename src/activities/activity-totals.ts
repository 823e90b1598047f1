import { ActivityKind } from './training-activity.entity';

export interface HoursCount {
  hours: number;
  count: number;
}

export interface KindTotals {
  kind: ActivityKind;
  verified: HoursCount;
  unverified: HoursCount;
}

export interface ActivityTotals {
  byKind: KindTotals[];
  verified: HoursCount;
  unverified: HoursCount;
}

/** One row per (kind, verified) group, as the database sums them; hours as the numeric's text. */
export interface TotalsRow {
  kind: ActivityKind;
  verified: boolean;
  count: number;
  hours: string | number;
}

// Sums in hundredths of an hour so 0.1 + 0.2 is 0.3; every kind appears, with zeros when none logged,
// so a client can show "booster: 0 h of 8 h" without knowing the list of kinds.
export function activityTotals(rows: readonly TotalsRow[]): ActivityTotals {
  const cents = (h: string | number) => Math.round(Number(h) * 100);
  const blank = () => ({ hours: 0, count: 0 });
  const byKind = new Map(Object.values(ActivityKind).map((kind) => [kind, { kind, verified: blank(), unverified: blank() }]));
  const total = { verified: blank(), unverified: blank() };
  for (const r of rows) {
    const k = byKind.get(r.kind);
    if (!k) continue;
    const side = r.verified ? 'verified' : 'unverified';
    k[side].hours += cents(r.hours);
    k[side].count += Number(r.count);
    total[side].hours += cents(r.hours);
    total[side].count += Number(r.count);
  }
  const toHours = (x: HoursCount): HoursCount => ({ hours: x.hours / 100, count: x.count });
  return {
    byKind: [...byKind.values()].map((k) => ({ kind: k.kind, verified: toHours(k.verified), unverified: toHours(k.unverified) })),
    verified: toHours(total.verified),
    unverified: toHours(total.unverified),
  };
}
