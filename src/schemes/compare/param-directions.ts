// Which way a rule parameter is stricter, by name, so that parameters added to the rule vocabulary later compare
// without code changes when they follow the naming (minX, maxX, …Only, require…) and are reported as "not
// decidable" when they do not. The table is deliberately small: a name missing here is never guessed.

export type Direction =
  | 'higher' // a higher number asks more (minCount, minHours)
  | 'lower' // a lower number asks more (maxHours, withinMonths, group-credit multiplier)
  | 'subset' // a list of what counts: fewer entries ask more (kinds, allowed professions)
  | 'superset' // a list of what must all be present: more entries ask more (phases)
  | 'true' // true asks more than false/absent (verifiedOnly, requirePass)
  | 'filter' // narrows what counts: present asks more than absent; two different filters do not compare
  | 'info'; // says nothing about how much is asked (reminder days, the noun)

const EXACT: Record<string, Direction> = {
  withinMonths: 'lower',
  awardedWithinMonths: 'lower',
  everyNSessions: 'lower',
  disagreementThreshold: 'lower',
  multiplier: 'lower', // group credit: how much a group minute counts
  fraction: 'lower',
  groupSizeLimit: 'lower',
  maxGroupSize: 'lower',
  graceDays: 'lower',
  n: 'higher', // raters in a mean-of-n policy
  auditSharePercent: 'higher',
  distinctProblemAreas: 'higher',
  distinctClients: 'true',
  perCase: 'true',
  current: 'true',
  baseline: 'true',
  atEnd: 'true',
  capAtGroupMinutes: 'true',
  kinds: 'subset',
  allowed: 'subset',
  jurisdictions: 'subset',
  delivery: 'subset',
  trainerLevels: 'subset',
  instruments: 'subset',
  formats: 'subset',
  values: 'subset',
  firstCaseDiagnosisPrefixes: 'subset',
  phases: 'superset',
  recordedPhases: 'superset',
  filter: 'filter',
  where: 'filter',
  reminderDaysBefore: 'info',
  label: 'info',
};

export function directionOf(name: string): Direction | undefined {
  if (name in EXACT) return EXACT[name];
  if (/^min[A-Z]/.test(name)) return 'higher';
  if (/^max[A-Z]/.test(name)) return 'lower';
  if (/^within[A-Z]/.test(name)) return 'lower';
  if (/Only$/.test(name) || /^require[A-Z]/.test(name) || /^all[A-Z]/.test(name)) return 'true';
  return undefined;
}

// units for the words ("3 cases vs 2"); a parameter without one is named instead ("n 3 vs 2")
const UNITS: Record<string, (v: string) => string> = {
  minCount: (v) => `${v} cases`,
  minCases: (v) => `${v} cases`,
  minHours: (v) => `${v} h`,
  maxHours: (v) => `at most ${v} h`,
  minMinutesPerCase: (v) => `${v} min per case`,
  minOwnCaseMinutesInGroup: (v) => `${v} own-case min in group`,
  minRatedPerCase: (v) => `${v} rated per case`,
  minShareOfSessionsSupervised: (v) => `${v} of sessions supervised`,
  minSupervisionToTherapyRatio: (v) => `ratio ${v}`,
  minDistinctSupervisees: (v) => `${v} supervisees`,
  minMonths: (v) => `${v} months`,
  minMonthsHeld: (v) => `held ${v} months`,
  withinMonths: (v) => `within ${v} months`,
  awardedWithinMonths: (v) => `awarded within ${v} months`,
  everyNSessions: (v) => `every ${v} sessions`,
  multiplier: (v) => `×${v}`,
  fraction: (v) => `fraction ${v}`,
  graceDays: (v) => `${v} days' grace`,
  auditSharePercent: (v) => `${v}% audited`,
  distinctProblemAreas: (v) => `${v} problem areas`,
};

export function figure(name: string, value: unknown): string {
  if (value === undefined || value === null) return 'none';
  const text = Array.isArray(value) ? value.map(String).join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  const unit = UNITS[name];
  if (unit && typeof value === 'number') return unit(text);
  return typeof value === 'boolean' ? `${name} ${value ? 'yes' : 'no'}` : `${name} ${text}`;
}
