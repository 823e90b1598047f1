import { type InstrumentDefinition, isCase } from './instrument-definition';

export interface MeasurePoint {
  instrument: string;
  administeredOn: string; // YYYY-MM-DD
  sessionNumber: number | null;
  total: number;
  /** tie-breaker for two administrations on the same day (e.g. createdAt in ms) */
  seq?: number;
}

export interface ChangeSummary {
  instrument: string;
  administrations: number;
  intake: { total: number; administeredOn: string; sessionNumber: number | null };
  latest: { total: number; administeredOn: string; sessionNumber: number | null } | null;
  /** latest − intake (negative = a lower score; whether that is better depends on the instrument's direction) */
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

/** The definitions of the instruments the points name, by code (with the name notes use). */
export type InstrumentLookup = ReadonlyMap<string, { name: string; definition: InstrumentDefinition }>;

const order = (a: MeasurePoint, b: MeasurePoint) =>
  a.administeredOn.localeCompare(b.administeredOn) || (a.sessionNumber ?? -1) - (b.sessionNumber ?? -1) || (a.seq ?? 0) - (b.seq ?? 0);

// Intake is the administration at session 0 (baseline) if there is one, else the earliest one. Caseness and
// reliable change come from each instrument's definition (domain.md: caseness PHQ-9 ≥ 10, GAD-7 ≥ 8; reliable
// change PHQ-9 ≥ 6, GAD-7 ≥ 4 points); "improved" follows its direction (WHOQOL: a rise is an improvement).
export function changeFromIntake(points: readonly MeasurePoint[], instruments: InstrumentLookup): ChangeSummary[] {
  const byInstrument = new Map<string, MeasurePoint[]>();
  for (const p of points) byInstrument.set(p.instrument, [...(byInstrument.get(p.instrument) ?? []), p]);
  return [...byInstrument.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([instrument, list]) => summarise(instrument, [...list].sort(order), instruments.get(instrument)));
}

function summarise(
  instrument: string,
  sorted: MeasurePoint[],
  known: { name: string; definition: InstrumentDefinition } | undefined,
): ChangeSummary {
  const intake = sorted.find((p) => p.sessionNumber === 0) ?? sorted[0];
  const after = sorted.filter((p) => p !== intake && order(p, intake) > 0);
  const latest = after.length ? after[after.length - 1] : null;
  const point = (p: MeasurePoint) => ({ total: p.total, administeredOn: p.administeredOn, sessionNumber: p.sessionNumber });
  const notes: string[] = [];
  const def = known?.definition;
  const name = known?.name ?? instrument;
  if (!def) notes.push(`${instrument} is not an instrument available to this case's body: no thresholds to apply`);
  const caseness = def?.casenessThreshold ?? null;
  const rc = def?.reliableChange ?? null;
  if (def && caseness === null) notes.push(`no caseness threshold configured for ${name}`);
  if (def && rc === null) notes.push(`no reliable-change threshold configured for ${name}`);
  if (!latest) notes.push('only one administration: no change to report yet');
  const change = latest ? latest.total - intake.total : null;
  // improvement is a fall on a symptom scale, a rise on a quality-of-life scale
  const better = change === null ? null : def?.direction === 'higher_is_better' ? change : -change;
  const caseAtIntake = def ? isCase(def, intake.total) : null;
  const caseNow = def && latest ? isCase(def, latest.total) : null;
  const reliablyImproved = rc === null || better === null ? null : better >= rc;
  const reliablyDeteriorated = rc === null || better === null ? null : -better >= rc;
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
