// An outcome instrument as data (issue 15): what a body configures, and what scoring, bands, caseness, reliable
// change and the risk flag read. Stored as jsonb on `instruments.definition`; checked here before it is stored.

/** Which way is worse: most symptom scales count symptoms (higher = worse); WHOQOL-BREF measures quality of life. */
export type ScoreDirection = 'higher_is_worse' | 'higher_is_better';
export const SCORE_DIRECTIONS: readonly ScoreDirection[] = ['higher_is_worse', 'higher_is_better'];

export interface InstrumentItem {
  min: number;
  max: number;
  label?: string;
}

export interface SeverityBand {
  min: number;
  max: number;
  label: string;
}

export interface InstrumentDefinition {
  /** in instrument order; the count is their number */
  items: InstrumentItem[];
  /** the total is the sum of the items, so this is [Σ min, Σ max] */
  total: { min: number; max: number };
  /** contiguous, ascending, covering the total range exactly */
  bands: SeverityBand[];
  direction: ScoreDirection;
  /** "caseness": at or beyond this total (≥ when higher is worse, ≤ when higher is better) is a clinical case */
  casenessThreshold: number | null;
  /** a change of at least this many points is reliable */
  reliableChange: number | null;
  /** 1-based items whose score above their minimum alerts the supervisor (e.g. PHQ-9 item 9) */
  riskItems: number[];
  /** LOINC code of the total score, where one is established */
  loincTotal: string | null;
  /** who holds the rights and under which terms it may be used */
  licence: string | null;
}

/** A published instrument as scoring sees it: its code (a measure's `instrument`), name and definition. */
export interface ScoredInstrument {
  code: string;
  name: string;
  definition: InstrumentDefinition;
}

export const INSTRUMENT_CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
const MAX_ITEMS = 100;
const MAX_ITEM_SCORE = 100;
// a measure's severity column is varchar(32)
const BAND_LABEL = /^[a-z0-9][a-z0-9_]{0,31}$/;
const LOINC = /^\d{1,7}-\d$/;

type Errors = Record<string, string[]>;
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a definition as sent (unknown JSON) and names every problem by field path. Empty result = valid.
 * `direction` may be left out (higher is worse); `normaliseDefinition` fills it in.
 */
export function validateInstrumentDefinition(raw: unknown): Errors {
  const errors: Errors = {};
  const add = (path: string, message: string) => (errors[path] ??= []).push(message);
  if (!isObject(raw)) return { definition: ['definition must be an object'] };
  const known = new Set([
    'items',
    'total',
    'bands',
    'direction',
    'casenessThreshold',
    'reliableChange',
    'riskItems',
    'loincTotal',
    'licence',
  ]);
  for (const k of Object.keys(raw)) if (!known.has(k)) add(k, `unknown field ${k}`);

  const items = checkItems(raw.items, add);
  const range = items ? { min: sum(items.map((i) => i.min)), max: sum(items.map((i) => i.max)) } : null;
  if (!isObject(raw.total) || !isInt(raw.total.min) || !isInt(raw.total.max)) add('total', 'total must be {min, max} with integers');
  else if (range && (raw.total.min !== range.min || raw.total.max !== range.max))
    add('total', `total must be ${range.min}–${range.max}: the total is the sum of the items`);
  if (range) checkBands(raw.bands, range, add);

  if (raw.direction !== undefined && !SCORE_DIRECTIONS.includes(raw.direction as ScoreDirection))
    add('direction', `direction must be one of ${SCORE_DIRECTIONS.join(', ')}`);
  const c = raw.casenessThreshold;
  if (c !== undefined && c !== null && (!isInt(c) || (range && (c < range.min || c > range.max))))
    add(
      'casenessThreshold',
      `casenessThreshold must be null or an integer within the total range${range ? ` ${range.min}–${range.max}` : ''}`,
    );
  const rc = raw.reliableChange;
  if (rc !== undefined && rc !== null && (!isInt(rc) || rc < 1 || (range && rc > range.max - range.min)))
    add('reliableChange', 'reliableChange must be null or a whole number of points, at least 1 and at most the width of the total range');
  checkRiskItems(raw.riskItems, items?.length ?? null, add);
  if (raw.loincTotal !== undefined && raw.loincTotal !== null && (typeof raw.loincTotal !== 'string' || !LOINC.test(raw.loincTotal)))
    add('loincTotal', 'loincTotal must be null or a LOINC code such as 44261-6');
  if (raw.licence !== undefined && raw.licence !== null && (typeof raw.licence !== 'string' || raw.licence.length > 2000))
    add('licence', 'licence must be null or text of at most 2000 characters');
  return errors;
}

function checkItems(raw: unknown, add: (path: string, message: string) => void): InstrumentItem[] | null {
  if (!Array.isArray(raw) || raw.length < 1 || raw.length > MAX_ITEMS) {
    add('items', `items must be a list of 1–${MAX_ITEMS} items, each {min, max, label?}`);
    return null;
  }
  let ok = true;
  raw.forEach((it: unknown, i) => {
    const path = `items.${i}`;
    if (!isObject(it) || !isInt(it.min) || !isInt(it.max) || it.min < 0 || it.max <= it.min || it.max > MAX_ITEM_SCORE) {
      add(path, `item ${i + 1} needs whole-number min and max with 0 ≤ min < max ≤ ${MAX_ITEM_SCORE}`);
      ok = false;
    } else if (it.label !== undefined && (typeof it.label !== 'string' || !it.label.trim() || it.label.length > 300)) {
      add(`${path}.label`, `item ${i + 1}'s label must be 1–300 characters`);
    }
  });
  return ok ? (raw as InstrumentItem[]) : null;
}

function checkBands(raw: unknown, range: { min: number; max: number }, add: (path: string, message: string) => void): void {
  if (!Array.isArray(raw) || raw.length < 1 || raw.length > 20)
    return add('bands', 'bands must be a list of 1–20 bands, each {min, max, label}');
  const labels = new Set<string>();
  let next = range.min;
  raw.forEach((b: unknown, i) => {
    const path = `bands.${i}`;
    if (!isObject(b) || !isInt(b.min) || !isInt(b.max) || b.max < b.min) return add(path, `band ${i + 1} needs whole-number min ≤ max`);
    if (typeof b.label !== 'string' || !BAND_LABEL.test(b.label))
      add(`${path}.label`, `band ${i + 1}'s label must be 1–32 lower-case letters, digits or _ (e.g. moderately_severe)`);
    else if (labels.has(b.label)) add(`${path}.label`, `band label ${b.label} is used twice`);
    else labels.add(b.label);
    if (b.min !== next) add(path, `band ${i + 1} must start at ${next}: bands are contiguous, in ascending order, from the lowest total`);
    next = b.max + 1;
  });
  if (next !== range.max + 1) add('bands', `the last band must end at the highest total, ${range.max}`);
}

function checkRiskItems(raw: unknown, count: number | null, add: (path: string, message: string) => void): void {
  if (raw === undefined) return;
  if (!Array.isArray(raw) || !raw.every(isInt)) return add('riskItems', 'riskItems must be a list of 1-based item numbers');
  if (new Set(raw).size !== raw.length) add('riskItems', 'riskItems names an item twice');
  if (count !== null && raw.some((n) => n < 1 || n > count)) add('riskItems', `riskItems must be item numbers 1–${count}`);
}

/** A valid definition with its defaults filled in (direction, nulls, risk items in order). */
export function normaliseDefinition(raw: Record<string, unknown>): InstrumentDefinition {
  const d = raw as Partial<InstrumentDefinition>;
  return {
    items: (d.items ?? []).map((i) => ({ min: i.min, max: i.max, ...(i.label ? { label: i.label.trim() } : {}) })),
    total: { min: d.total!.min, max: d.total!.max },
    bands: (d.bands ?? []).map((b) => ({ min: b.min, max: b.max, label: b.label })),
    direction: d.direction ?? 'higher_is_worse',
    casenessThreshold: d.casenessThreshold ?? null,
    reliableChange: d.reliableChange ?? null,
    riskItems: [...(d.riskItems ?? [])].sort((a, b) => a - b),
    loincTotal: d.loincTotal ?? null,
    licence: d.licence?.trim() || null,
  };
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/** Is a total a clinical case, given the instrument's direction? null = no caseness threshold configured. */
export function isCase(def: InstrumentDefinition, total: number): boolean | null {
  if (def.casenessThreshold === null) return null;
  return def.direction === 'higher_is_better' ? total <= def.casenessThreshold : total >= def.casenessThreshold;
}
