import { directionOf, figure } from './param-directions';

// Compares two scheme levels (A against B) rule by rule: each pair says whether A asks more (stricter), less
// (looser), the same (equal), something not comparable (different), or has no rule where B has one (missing) or
// one B lacks (extra), in words and figures. The overall `implies` says whether meeting A's requirements means
// meeting B's, only where the rules decide it: 'yes' when every B rule is met by an equal-or-stricter A rule on
// comparable parameters, 'no' when a B rule is missing from A or A asks less on a comparable parameter, and
// 'unknown' otherwise (different filters, parameters without a known direction). Pure: no database, no clock.

export type Verdict = 'stricter' | 'looser' | 'equal' | 'different' | 'missing' | 'extra';
export type Implication = 'yes' | 'no' | 'unknown';

export interface ComparedRule {
  id: string;
  type: string;
  label?: string;
  params: Record<string, unknown>;
}

/** The part of a level the comparison reads (a LevelDef satisfies it). */
export interface ComparedLevel {
  code: string;
  name: string;
  validity?: { kind: string; months?: number };
  renewal?: { requirements: ComparedRule[]; graceDays: number; reminderDaysBefore: number; auditSharePercent: number };
  prerequisites: ComparedRule[];
  requirements: ComparedRule[];
}

/** Scheme-level settings that change how a level's rules count (from the scheme definition). */
export interface LevelContext {
  /** e.g. "DE Practitioner v2" — used in the words */
  title: string;
  groupCredit?: Record<string, unknown>;
  phaseBoundaries?: Record<string, unknown>;
}

export interface ParamDiff {
  param: string;
  a: unknown;
  b: unknown;
  verdict: Exclude<Verdict, 'missing' | 'extra'>;
  words: string;
}

export interface ComparisonItem {
  section: 'scheme' | 'prerequisites' | 'requirements' | 'renewal';
  /** what the item is about: a rule type, or groupCredit / phaseBoundaries / validity / renewal */
  subject: string;
  ruleIdA?: string;
  ruleIdB?: string;
  labelA?: string;
  labelB?: string;
  verdict: Verdict;
  words: string;
  params: ParamDiff[];
  /** false for items about keeping a level (validity, renewal), which do not bear on the requirements */
  bearsOnImplication: boolean;
}

export interface LevelComparison {
  a: string;
  b: string;
  items: ComparisonItem[];
  implies: Implication;
  reasons: string[];
  counts: Record<Verdict, number>;
}

const RULE_NOUNS: Record<string, string> = {
  outcome_measures: 'outcome-measure',
  completed_cases: 'completed-cases',
  case_supervision: 'case-supervision',
  case_recordings: 'recording',
  learning_hours: 'learning-hours',
  level_held: 'level-held',
  sign_offs: 'sign-off',
  supervision_given: 'supervision-given',
  supervision_received: 'supervision-received',
  teaching_given: 'teaching',
  practice_hours: 'practice-hours',
  distinct_case_attribute: 'distinct-case-attribute',
};
const noun = (type: string) => RULE_NOUNS[type] ?? type.replace(/_/g, '-');

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (isObject(v))
    return Object.fromEntries(
      Object.keys(v)
        .filter((k) => v[k] !== undefined)
        .sort()
        .map((k) => [k, canonical(v[k])]),
    );
  return v;
}

/** "3 cases vs 2": the unit once when both sides share it. */
function sideBySide(name: string, a: unknown, b: unknown): string {
  const fa = figure(name, a);
  const fb = figure(name, b);
  if (typeof a === 'number' && typeof b === 'number' && fa.startsWith(String(a)) && fb.startsWith(String(b))) {
    if (fa.slice(String(a).length) === fb.slice(String(b).length)) return `${fa} vs ${b}`;
  }
  // "someSetting 5 vs 3": the parameter's name once
  if (fa.startsWith(`${name} `) && fb.startsWith(`${name} `)) return `${fa} vs ${fb.slice(name.length + 1)}`;
  return `${fa} vs ${fb}`;
}

/** One parameter of A against the same parameter of B (absent = asks nothing of that kind). */
export function compareParam(name: string, a: unknown, b: unknown): ParamDiff | undefined {
  if (a === undefined && b === undefined) return undefined;
  const diff = (verdict: ParamDiff['verdict'], why?: string): ParamDiff => ({
    param: name,
    a,
    b,
    verdict,
    words: `${sideBySide(name, a, b)}${why ? ` (${why})` : ''}`,
  });
  if (same(a, b)) return diff('equal');
  const dir = directionOf(name);
  if (dir === 'info') return diff('equal', 'wording only');
  // nested settings without a direction of their own (trainerLevel, phaseCoverage, caps …): compare inside
  if (dir === undefined && (isObject(a) || isObject(b)) && (a === undefined || isObject(a)) && (b === undefined || isObject(b))) {
    const inner = compareParams((a ?? {}) as Record<string, unknown>, (b ?? {}) as Record<string, unknown>).map((d) => ({
      ...d,
      param: `${name}.${d.param}`,
      words: `${name}: ${d.words}`,
    }));
    const verdict = combine(inner.map((d) => d.verdict));
    if (verdict === 'equal') return diff('equal');
    if (a === undefined || b === undefined) {
      // a whole setting on one side only: stricter or looser only if each of its parts says so
      if (verdict === 'stricter' || verdict === 'looser') return { ...diff(verdict), words: inner.map((d) => d.words).join('; ') };
      return diff('different', 'not decidable from the rules');
    }
    return { param: name, a, b, verdict, words: inner.map((d) => d.words).join('; ') };
  }
  switch (dir) {
    case 'higher':
    case 'lower': {
      const na = typeof a === 'number' ? a : undefined;
      const nb = typeof b === 'number' ? b : undefined;
      if (na === undefined && nb === undefined) return diff('different', 'not decidable from the rules');
      if (na === undefined) return diff('looser', 'no such limit');
      if (nb === undefined) return diff('stricter', 'an added limit');
      const aAsksMore = dir === 'higher' ? na > nb : na < nb;
      return diff(aAsksMore ? 'stricter' : 'looser');
    }
    case 'true': {
      const ba = a === true;
      const bb = b === true;
      if (ba === bb) return diff('equal');
      return diff(ba ? 'stricter' : 'looser');
    }
    case 'subset':
    case 'superset': {
      // an absent list counts everything (subset lists) or requires nothing (superset lists)
      const la = Array.isArray(a) ? a.map(String) : undefined;
      const lb = Array.isArray(b) ? b.map(String) : undefined;
      if (dir === 'subset') {
        if (la === undefined) return diff('looser', 'any counts');
        if (lb === undefined) return diff('stricter', 'only these count');
        if (la.every((x) => lb.includes(x))) return diff('stricter', 'fewer count');
        if (lb.every((x) => la.includes(x))) return diff('looser', 'more count');
        return diff('different', 'neither list contains the other');
      }
      const ea = la ?? [];
      const eb = lb ?? [];
      if (eb.every((x) => ea.includes(x))) return diff('stricter', 'more required');
      if (ea.every((x) => eb.includes(x))) return diff('looser', 'fewer required');
      return diff('different', 'neither list contains the other');
    }
    case 'filter':
      if (a === undefined) return diff('looser', 'no filter: every case counts');
      if (b === undefined) return diff('stricter', 'only filtered cases count');
      return diff('different', 'different filters: not decidable from the rules');
    default:
      return diff('different', 'not decidable from the rules');
  }
}

export function compareParams(a: Record<string, unknown>, b: Record<string, unknown>): ParamDiff[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names.map((n) => compareParam(n, a[n], b[n])).filter((d): d is ParamDiff => d !== undefined);
}

/** The verdict of several parameter verdicts: equal when all are; stricter/looser when all non-equal agree. */
function combine(verdicts: ParamDiff['verdict'][]): ParamDiff['verdict'] {
  const moving = verdicts.filter((v) => v !== 'equal');
  if (moving.length === 0) return 'equal';
  if (moving.every((v) => v === 'stricter')) return 'stricter';
  if (moving.every((v) => v === 'looser')) return 'looser';
  return 'different';
}

/** Pairs the rules of a section: by type; when a type appears several times, by id, then label, then order. */
function pairRules(as: ComparedRule[], bs: ComparedRule[]): [ComparedRule | undefined, ComparedRule | undefined][] {
  const pairs: [ComparedRule | undefined, ComparedRule | undefined][] = [];
  const types = [...new Set([...as.map((r) => r.type), ...bs.map((r) => r.type)])];
  for (const type of types) {
    const restA = as.filter((r) => r.type === type);
    const restB = bs.filter((r) => r.type === type);
    if (restA.length > 1 || restB.length > 1) {
      for (const key of ['id', 'label'] as const) {
        for (const ra of [...restA]) {
          const rb = restB.find((r) => r[key] !== undefined && r[key] === ra[key]);
          if (!rb) continue;
          pairs.push([ra, rb]);
          restA.splice(restA.indexOf(ra), 1);
          restB.splice(restB.indexOf(rb), 1);
        }
      }
    }
    while (restA.length || restB.length) pairs.push([restA.shift(), restB.shift()]);
  }
  return pairs;
}

const ruleName = (r: ComparedRule) => r.label ?? r.id;

function compareRules(section: ComparisonItem['section'], as: ComparedRule[], bs: ComparedRule[]): ComparisonItem[] {
  return pairRules(as, bs).map(([ra, rb]) => {
    const base = {
      section,
      subject: (ra ?? rb)!.type,
      ruleIdA: ra?.id,
      ruleIdB: rb?.id,
      labelA: ra?.label,
      labelB: rb?.label,
      bearsOnImplication: section !== 'renewal',
    };
    if (!ra)
      return { ...base, verdict: 'missing' as const, words: `no ${noun(rb!.type)} rule (the other asks: ${ruleName(rb!)})`, params: [] };
    if (!rb)
      return {
        ...base,
        verdict: 'extra' as const,
        words: `an extra ${noun(ra.type)} rule: ${ruleName(ra)} (the other has none)`,
        params: [],
      };
    const params = compareParams(ra.params ?? {}, rb.params ?? {});
    const verdict = combine(params.map((p) => p.verdict));
    const moving = params.filter((p) => p.verdict !== 'equal');
    const words = moving.length ? moving.map((p) => p.words).join('; ') : `the same ${noun(ra.type)} rule`;
    return { ...base, verdict, words, params };
  });
}

const validityMonths = (v: ComparedLevel['validity']): number | undefined =>
  v?.kind === 'annual' ? 12 : v?.kind === 'fixed_term' ? v.months : undefined;

function schemeItems(a: ComparedLevel, b: ComparedLevel, ca: LevelContext, cb: LevelContext): ComparisonItem[] {
  const items: ComparisonItem[] = [];
  const settings: [string, Record<string, unknown> | undefined, Record<string, unknown> | undefined, string][] = [
    ['groupCredit', ca.groupCredit, cb.groupCredit, 'group credit'],
    ['phaseBoundaries', ca.phaseBoundaries, cb.phaseBoundaries, 'phase boundaries'],
  ];
  for (const [subject, sa, sb, words] of settings) {
    const params = compareParams(sa ?? {}, sb ?? {});
    // group credit of different kinds (share vs fixed fraction) does not compare
    const verdict = combine(params.map((p) => p.verdict));
    const moving = params.filter((p) => p.verdict !== 'equal');
    items.push({
      section: 'scheme',
      subject,
      verdict,
      words: moving.length ? `${words} ${moving.map((p) => p.words).join('; ')}` : `the same ${words}`,
      params,
      bearsOnImplication: true,
    });
  }
  // validity: a shorter period before renewal asks more; held until revoked asks least
  const ma = validityMonths(a.validity);
  const mb = validityMonths(b.validity);
  const vWords = (m: number | undefined) => (m === undefined ? 'held until revoked' : `renewed every ${m} months`);
  const vVerdict: Verdict = ma === mb ? 'equal' : mb === undefined || (ma !== undefined && ma < mb) ? 'stricter' : 'looser';
  items.push({
    section: 'scheme',
    subject: 'validity',
    verdict: vVerdict,
    words: vVerdict === 'equal' ? `the same validity (${vWords(ma)})` : `validity ${vWords(ma)} vs ${vWords(mb)}`,
    params: [],
    bearsOnImplication: false,
  });
  if (a.renewal || b.renewal) {
    const pick = (r: ComparedLevel['renewal']) =>
      r ? { graceDays: r.graceDays, reminderDaysBefore: r.reminderDaysBefore, auditSharePercent: r.auditSharePercent } : {};
    const params = compareParams(pick(a.renewal), pick(b.renewal));
    const verdict = !a.renewal ? 'missing' : !b.renewal ? 'extra' : combine(params.map((p) => p.verdict));
    const moving = params.filter((p) => p.verdict !== 'equal');
    items.push({
      section: 'scheme',
      subject: 'renewal',
      verdict,
      words:
        verdict === 'missing'
          ? 'no renewal rules'
          : verdict === 'extra'
            ? 'renewal rules the other does not have'
            : moving.length
              ? `renewal ${moving.map((p) => p.words).join('; ')}`
              : 'the same renewal terms',
      params,
      bearsOnImplication: false,
    });
  }
  return items;
}

export function compareLevels(a: ComparedLevel, b: ComparedLevel, ctxA: LevelContext, ctxB: LevelContext): LevelComparison {
  const items = [
    ...schemeItems(a, b, ctxA, ctxB),
    ...compareRules('prerequisites', a.prerequisites ?? [], b.prerequisites ?? []),
    ...compareRules('requirements', a.requirements ?? [], b.requirements ?? []),
    ...compareRules('renewal', a.renewal?.requirements ?? [], b.renewal?.requirements ?? []),
  ];
  const counts = { stricter: 0, looser: 0, equal: 0, different: 0, missing: 0, extra: 0 } as Record<Verdict, number>;
  for (const i of items) counts[i.verdict]++;

  const reasons: string[] = [];
  let no = false;
  let unknown = false;
  const what = (i: ComparisonItem) =>
    i.section === 'scheme' ? i.subject : `${i.section} ${i.labelB ?? i.labelA ?? i.ruleIdB ?? i.subject}`;
  for (const i of items.filter((x) => x.bearsOnImplication)) {
    if (i.verdict === 'missing') {
      no = true;
      reasons.push(`${ctxA.title} has no rule for: ${what(i)}`);
    } else if (i.verdict === 'looser') {
      no = true;
      reasons.push(`${ctxA.title} asks less on ${what(i)}: ${i.words}`);
    } else if (i.verdict === 'different') {
      // a pair that asks less on a comparable parameter is decided; otherwise it is not decidable
      const looser = i.params.filter((p) => p.verdict === 'looser');
      if (looser.length) {
        no = true;
        reasons.push(`${ctxA.title} asks less on ${what(i)}: ${looser.map((p) => p.words).join('; ')}`);
      }
      if (i.params.some((p) => p.verdict === 'different') || !looser.length) {
        unknown = true;
        reasons.push(`cannot be decided from the rules for ${what(i)}: ${i.words}`);
      }
    }
  }
  const implies: Implication = no ? 'no' : unknown ? 'unknown' : 'yes';
  if (implies === 'yes') reasons.push(`every requirement of ${ctxB.title} is matched by an equal or stricter requirement of ${ctxA.title}`);
  return { a: ctxA.title, b: ctxB.title, items, implies, reasons, counts };
}
