// A competency rubric as plain data, and the rules that score one rating and combine several raters'.
// No Nest, no database: the services load, call these, persist.

export type ScaleAggregation = 'sum' | 'mean';

export interface RubricItem {
  code: string;
  label: string;
  domain?: string;
  /** behavioural anchor text per score, keyed by the score ("1": "…") */
  anchors?: Record<string, string>;
}

export interface PassRule {
  /** minimum of the aggregation unit: the total for `sum`, the item mean for `mean` */
  threshold: number;
  /** every scored item must reach this (e.g. CTS-R: no item below 2) */
  itemFloor?: number;
  /** items that must be scored; when absent every item must be. Others may be left out as not applicable. */
  requiredItems?: string[];
  /** a higher bar for the required items only */
  requiredItemFloor?: number;
}

export type MultiRaterKind = 'single' | 'mean_of_n' | 'all_must_pass';

export interface MultiRaterPolicy {
  kind: MultiRaterKind;
  /** raters needed: 1 for `single`; n for the others */
  n?: number;
  /** largest allowed difference between two raters' results, in the aggregation unit; beyond it a second look is needed */
  disagreementThreshold: number;
}

export interface RubricDefinition {
  scale: { min: number; max: number };
  items: RubricItem[];
  aggregation: ScaleAggregation;
  passRule: PassRule;
  multiRater: MultiRaterPolicy;
}

export type FieldErrors = Record<string, string[]>;
export type Scores = Record<string, number>;

export interface FailedItem {
  code: string;
  reason: 'not_scored' | 'below_floor' | 'below_required_floor';
  score: number | null;
  floor?: number;
}

export interface RatingScore {
  total: number;
  mean: number | null;
  /** the value compared with the threshold: total for `sum`, mean for `mean` */
  value: number;
  passed: boolean;
  failedItems: FailedItem[];
}

const CODE = /^[A-Za-z0-9_.-]{1,40}$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

class Errors {
  readonly out: FieldErrors = {};
  add(field: string, message: string): void {
    (this.out[field] ??= []).push(message);
  }
  unknownKeys(path: string, value: Record<string, unknown>, allowed: readonly string[]): void {
    for (const key of Object.keys(value)) if (!allowed.includes(key)) this.add(`${path}.${key}`, `${key} is not an accepted field`);
  }
}

/** Field-keyed errors for a rubric definition (paths start with `prefix`); empty when valid. */
export function validateRubricDefinition(def: unknown, prefix = 'definition'): FieldErrors {
  const e = new Errors();
  if (!isObject(def)) {
    e.add(prefix, 'definition must be an object');
    return e.out;
  }
  e.unknownKeys(prefix, def, ['scale', 'items', 'aggregation', 'passRule', 'multiRater']);
  const scale = validateScale(e, prefix, def.scale);
  const codes = validateItems(e, prefix, def.items, scale);
  if (def.aggregation !== 'sum' && def.aggregation !== 'mean') e.add(`${prefix}.aggregation`, 'aggregation must be sum or mean');
  validatePassRule(e, prefix, def.passRule, scale, codes, def.aggregation);
  validatePolicy(e, prefix, def.multiRater);
  return e.out;
}

function validateScale(e: Errors, prefix: string, scale: unknown): { min: number; max: number } | null {
  if (!isObject(scale)) {
    e.add(`${prefix}.scale`, 'scale must be an object with integer min and max');
    return null;
  }
  e.unknownKeys(`${prefix}.scale`, scale, ['min', 'max']);
  if (!isInt(scale.min) || scale.min < 0) e.add(`${prefix}.scale.min`, 'scale.min must be an integer ≥ 0');
  if (!isInt(scale.max) || scale.max > 100) e.add(`${prefix}.scale.max`, 'scale.max must be an integer ≤ 100');
  if (!isInt(scale.min) || !isInt(scale.max)) return null;
  if (scale.max <= scale.min) {
    e.add(`${prefix}.scale.max`, 'scale.max must be greater than scale.min');
    return null;
  }
  return { min: scale.min, max: scale.max };
}

function validateItems(e: Errors, prefix: string, items: unknown, scale: { min: number; max: number } | null): string[] {
  if (!Array.isArray(items) || items.length === 0 || items.length > 100) {
    e.add(`${prefix}.items`, 'items must be a list of 1 to 100 items');
    return [];
  }
  const codes: string[] = [];
  items.forEach((item: unknown, i) => {
    const path = `${prefix}.items.${i}`;
    if (!isObject(item)) return e.add(path, 'each item must be an object');
    e.unknownKeys(path, item, ['code', 'label', 'domain', 'anchors']);
    if (typeof item.code !== 'string' || !CODE.test(item.code)) e.add(`${path}.code`, 'code must be 1–40 letters, digits, _ . or -');
    else if (codes.includes(item.code)) e.add(`${path}.code`, `code ${item.code} is used twice`);
    else codes.push(item.code);
    if (typeof item.label !== 'string' || !item.label.trim() || item.label.length > 200)
      e.add(`${path}.label`, 'label must be 1–200 characters');
    if (item.domain !== undefined && (typeof item.domain !== 'string' || item.domain.length > 100))
      e.add(`${path}.domain`, 'domain must be at most 100 characters');
    if (item.anchors === undefined) return;
    if (!isObject(item.anchors)) return e.add(`${path}.anchors`, 'anchors must map scores to text');
    for (const [score, text] of Object.entries(item.anchors)) {
      const n = Number(score);
      if (!/^\d+$/.test(score) || (scale && (n < scale.min || n > scale.max)))
        e.add(`${path}.anchors.${score}`, 'anchor keys must be scores on the scale');
      else if (typeof text !== 'string' || text.length > 1000)
        e.add(`${path}.anchors.${score}`, 'an anchor must be text of at most 1000 characters');
    }
  });
  return codes;
}

function validatePassRule(
  e: Errors,
  prefix: string,
  rule: unknown,
  scale: { min: number; max: number } | null,
  codes: string[],
  aggregation: unknown,
): void {
  const path = `${prefix}.passRule`;
  if (!isObject(rule)) return e.add(path, 'passRule must be an object');
  e.unknownKeys(path, rule, ['threshold', 'itemFloor', 'requiredItems', 'requiredItemFloor']);
  const onScale = (v: unknown) => isInt(v) && (!scale || (v >= scale.min && v <= scale.max));
  if (!isNum(rule.threshold)) e.add(`${path}.threshold`, 'threshold must be a number');
  else if (scale && codes.length) {
    const [lo, hi] = aggregation === 'sum' ? [scale.min * codes.length, scale.max * codes.length] : [scale.min, scale.max];
    if (rule.threshold < lo || rule.threshold > hi) e.add(`${path}.threshold`, `threshold must lie between ${lo} and ${hi}`);
  }
  if (rule.itemFloor !== undefined && !onScale(rule.itemFloor)) e.add(`${path}.itemFloor`, 'itemFloor must be a score on the scale');
  if (rule.requiredItemFloor !== undefined && !onScale(rule.requiredItemFloor))
    e.add(`${path}.requiredItemFloor`, 'requiredItemFloor must be a score on the scale');
  if (rule.requiredItems === undefined) return;
  if (!Array.isArray(rule.requiredItems) || rule.requiredItems.length === 0)
    return e.add(`${path}.requiredItems`, 'requiredItems must be a non-empty list of item codes');
  rule.requiredItems.forEach((code: unknown, i) => {
    if (typeof code !== 'string' || !codes.includes(code)) e.add(`${path}.requiredItems.${i}`, 'not an item code of this rubric');
    else if (rule.requiredItems && (rule.requiredItems as unknown[]).indexOf(code) !== i)
      e.add(`${path}.requiredItems.${i}`, 'listed twice');
  });
}

function validatePolicy(e: Errors, prefix: string, policy: unknown): void {
  const path = `${prefix}.multiRater`;
  if (!isObject(policy)) return e.add(path, 'multiRater must be an object');
  e.unknownKeys(path, policy, ['kind', 'n', 'disagreementThreshold']);
  if (policy.kind !== 'single' && policy.kind !== 'mean_of_n' && policy.kind !== 'all_must_pass')
    e.add(`${path}.kind`, 'kind must be single, mean_of_n or all_must_pass');
  if (policy.kind === 'single' && policy.n !== undefined && policy.n !== 1) e.add(`${path}.n`, 'a single-rater policy needs n = 1 or no n');
  if ((policy.kind === 'mean_of_n' || policy.kind === 'all_must_pass') && (!isInt(policy.n) || policy.n < 2 || policy.n > 10)) {
    e.add(`${path}.n`, 'n must be an integer from 2 to 10');
  }
  if (!isNum(policy.disagreementThreshold) || policy.disagreementThreshold < 0)
    e.add(`${path}.disagreementThreshold`, 'disagreementThreshold must be a number ≥ 0');
}

export const requiredItemCodes = (def: RubricDefinition): string[] => def.passRule.requiredItems ?? def.items.map((i) => i.code);

/**
 * Field errors (`scores.<code>`) for a set of scores: unknown items, non-integers, scores off the scale,
 * and — unless `partial` (a draft in progress) — required items left unscored.
 */
export function validateScores(def: RubricDefinition, scores: unknown, opts: { partial?: boolean } = {}): FieldErrors {
  const e = new Errors();
  if (!isObject(scores)) {
    e.add('scores', 'scores must map item codes to integer scores');
    return e.out;
  }
  const codes = new Set(def.items.map((i) => i.code));
  for (const [code, score] of Object.entries(scores)) {
    if (!codes.has(code)) e.add(`scores.${code}`, `${code} is not an item of this rubric`);
    else if (!isInt(score)) e.add(`scores.${code}`, 'a score must be an integer');
    else if (score < def.scale.min || score > def.scale.max)
      e.add(`scores.${code}`, `a score must lie between ${def.scale.min} and ${def.scale.max}`);
  }
  if (!opts.partial) for (const code of requiredItemCodes(def)) if (!(code in scores)) e.add(`scores.${code}`, `${code} must be scored`);
  return e.out;
}

/** Total, mean and pass/fail of one rater's (valid) scores; item scores may be fractional when they are averages. */
export function scoreRating(def: RubricDefinition, scores: Scores): RatingScore {
  const scored = def.items.filter((i) => typeof scores[i.code] === 'number');
  const total = scored.reduce((s, i) => s + scores[i.code], 0);
  const mean = scored.length ? total / scored.length : null;
  const value = def.aggregation === 'sum' ? total : (mean ?? 0);
  const failedItems: FailedItem[] = [];
  const required = new Set(requiredItemCodes(def));
  const { itemFloor, requiredItemFloor } = def.passRule;
  for (const item of def.items) {
    const score = typeof scores[item.code] === 'number' ? scores[item.code] : null;
    if (score === null) {
      if (required.has(item.code)) failedItems.push({ code: item.code, reason: 'not_scored', score: null });
    } else if (itemFloor !== undefined && score < itemFloor) {
      failedItems.push({ code: item.code, reason: 'below_floor', score, floor: itemFloor });
    } else if (requiredItemFloor !== undefined && required.has(item.code) && score < requiredItemFloor) {
      failedItems.push({ code: item.code, reason: 'below_required_floor', score, floor: requiredItemFloor });
    }
  }
  const passed = scored.length > 0 && value >= def.passRule.threshold - 1e-9 && failedItems.length === 0;
  return { total, mean, value, passed, failedItems };
}

export type RaterRole = 'supervisor' | 'independent' | 'self';

export interface RatingForAggregation {
  ratingId: string;
  raterId: string;
  raterRole: RaterRole;
  scores: Scores;
}

export type AggregateStatus = 'pass' | 'fail' | 'insufficient_raters' | 'disagreement';

export interface AggregateResult {
  status: AggregateStatus;
  requiredRaters: number;
  countedRaters: number;
  /** self-ratings are shown to the trainee but never count towards the result */
  selfRatingsIgnored: number;
  perRater: { ratingId: string; raterId: string; raterRole: RaterRole; value: number; passed: boolean }[];
  /** largest difference between two counted raters, in the aggregation unit; null with fewer than two */
  spread: number | null;
  secondLookNeeded: boolean;
  /** the combined result: item means across counted raters; null until enough raters */
  combined: { value: number; itemMeans: Record<string, number>; failedItems: FailedItem[] } | null;
}

/**
 * Combines raters under the rubric's policy. Self-ratings never count; one rating per rater (the last given
 * wins, so pass them oldest first). A spread beyond the disagreement threshold decides nothing: it flags a
 * second look instead of letting one rater's score become "the" result.
 */
export function aggregateRatings(def: RubricDefinition, ratings: readonly RatingForAggregation[]): AggregateResult {
  const policy = def.multiRater;
  const requiredRaters = policy.kind === 'single' ? 1 : (policy.n ?? 2);
  const byRater = new Map<string, RatingForAggregation>();
  for (const r of ratings) if (r.raterRole !== 'self') byRater.set(r.raterId, r);
  const counted = [...byRater.values()];
  const perRater = counted.map((r) => {
    const s = scoreRating(def, r.scores);
    return { ratingId: r.ratingId, raterId: r.raterId, raterRole: r.raterRole, value: s.value, passed: s.passed };
  });
  const values = perRater.map((p) => p.value);
  const spread = values.length >= 2 ? Math.max(...values) - Math.min(...values) : null;
  const secondLookNeeded = spread !== null && spread > policy.disagreementThreshold + 1e-9;
  const base = {
    requiredRaters,
    countedRaters: counted.length,
    selfRatingsIgnored: ratings.length - ratings.filter((r) => r.raterRole !== 'self').length,
    perRater,
    spread,
    secondLookNeeded,
  };
  if (counted.length < requiredRaters) return { ...base, status: 'insufficient_raters', combined: null };

  const itemMeans: Record<string, number> = {};
  for (const item of def.items) {
    const given = counted.map((r) => r.scores[item.code]).filter((s): s is number => typeof s === 'number');
    if (given.length) itemMeans[item.code] = given.reduce((s, x) => s + x, 0) / given.length;
  }
  const combinedScore = scoreRating(def, itemMeans);
  const combined = { value: combinedScore.value, itemMeans, failedItems: combinedScore.failedItems };
  if (secondLookNeeded) return { ...base, status: 'disagreement', combined };
  const passed = policy.kind === 'all_must_pass' ? perRater.every((p) => p.passed) : combinedScore.passed;
  return { ...base, status: passed ? 'pass' : 'fail', combined };
}
