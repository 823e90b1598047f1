import { INSTRUMENTS } from './instruments';
import type { Instrument } from './outcome-measure.entity';

export interface MeasurePoint {
  instrument: Instrument;
  administeredOn: string; // YYYY-MM-DD
  sessionNumber: number | null;
  total: number;
  /** tie-breaker for two administrations on the same day (e.g. createdAt in ms) */
  seq?: number;
}

export interface ChangeSummary {
  instrument: Instrument;
  administrations: number;
  intake: { total: number; administeredOn: string; sessionNumber: number | null };
  latest: { total: number; administeredOn: string; sessionNumber: number | null } | null;
  /** latest − intake (negative = fewer symptoms); null with a single administration */
  change: number | null;
  casenessThreshold: number | null;
  caseAtIntake: boolean | null;
  caseNow: boolean | null;
  reliableChangeThreshold: number | null;
  reliablyImproved: boolean | null;
  reliablyDeteriorated: boolean | null;
  /** was a case at intake and is not now */
  recovered: boolean | null;
  /** recovered and reliably improved */
  reliablyRecovered: boolean | null;
  notes: string[];
}

const order = (a: MeasurePoint, b: MeasurePoint) =>
  a.administeredOn.localeCompare(b.administeredOn) || (a.sessionNumber ?? -1) - (b.sessionNumber ?? -1) || (a.seq ?? 0) - (b.seq ?? 0);

// Intake is the administration at session 0 (baseline) if there is one, else the earliest one. Conventions
// from domain.md: caseness PHQ-9 ≥ 10, GAD-7 ≥ 8; reliable change PHQ-9 ≥ 6, GAD-7 ≥ 4 points.
export function changeFromIntake(points: readonly MeasurePoint[]): ChangeSummary[] {
  const byInstrument = new Map<Instrument, MeasurePoint[]>();
  for (const p of points) byInstrument.set(p.instrument, [...(byInstrument.get(p.instrument) ?? []), p]);
  return [...byInstrument.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([instrument, list]) => summarise(instrument, [...list].sort(order)));
}

function summarise(instrument: Instrument, sorted: MeasurePoint[]): ChangeSummary {
  const def = INSTRUMENTS[instrument];
  const intake = sorted.find((p) => p.sessionNumber === 0) ?? sorted[0];
  const after = sorted.filter((p) => p !== intake && order(p, intake) > 0);
  const latest = after.length ? after[after.length - 1] : null;
  const point = (p: MeasurePoint) => ({ total: p.total, administeredOn: p.administeredOn, sessionNumber: p.sessionNumber });
  const notes: string[] = [];
  const caseness = def.casenessAt;
  const rc = def.reliableChange;
  if (caseness === null) notes.push(`no caseness threshold configured for ${def.name}`);
  if (rc === null) notes.push(`no reliable-change threshold configured for ${def.name}`);
  if (!latest) notes.push('only one administration: no change to report yet');
  const change = latest ? latest.total - intake.total : null;
  const caseAtIntake = caseness === null ? null : intake.total >= caseness;
  const caseNow = caseness === null || !latest ? null : latest.total >= caseness;
  const reliablyImproved = rc === null || change === null ? null : -change >= rc;
  const reliablyDeteriorated = rc === null || change === null ? null : change >= rc;
  const recovered = caseAtIntake === null || caseNow === null ? null : caseAtIntake && !caseNow;
  const reliablyRecovered = recovered === null || reliablyImproved === null ? null : recovered && reliablyImproved;
  return {
    instrument,
    administrations: sorted.length,
    intake: point(intake),
    latest: latest ? point(latest) : null,
    change,
    casenessThreshold: caseness,
    caseAtIntake,
    caseNow,
    reliableChangeThreshold: rc,
    reliablyImproved,
    reliablyDeteriorated,
    recovered,
    reliablyRecovered,
    notes,
  };
}
