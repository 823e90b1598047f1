// What the case rules (one file per rule type beside this one) share: the case filter and window, a case as
// evidence, and the shape of the per-case rules.
import { plainToInstance, Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import type { CaseRecord, EvaluationContext, PersonRecord } from '../../person-record';
import { CaseFilter, caseDate, CaseWindow, filterReferences, matchCases, plural, windowBounds, windowReferences } from '../common';
import type { Evidence, RuleReference, RuleResult } from '../rule-types';

export class CaseRuleBase {
  @IsOptional()
  @ValidateNested()
  @Type(() => CaseFilter)
  filter?: CaseFilter;

  // only cases completed since an event (a level awarded) or within N months before the application
  @IsOptional()
  @ValidateNested()
  @Type(() => CaseWindow)
  window?: CaseWindow;
}

/** The references every case rule makes through its filter and window. */
export const caseRuleReferences = (p: CaseRuleBase): RuleReference[] => [
  ...filterReferences(p.filter, 'filter'),
  ...windowReferences(p.window, 'window'),
];

export const caseEvidence = (cases: CaseRecord[]): Evidence[] => cases.map((c) => ({ kind: 'case', id: c.id, note: c.clientCode }));

export interface CaseCheck {
  met: boolean;
  message: string;
  /** records that count when the case meets the requirement */
  evidence: Evidence[];
}

type Breakdown = NonNullable<RuleResult['breakdown']>;

function checkAll<P>(cases: CaseRecord[], params: P, check: (p: P, c: CaseRecord) => CaseCheck, evidence: Evidence[], prefix = '') {
  const lines: Breakdown = cases.map((c) => {
    const r = check(params, c);
    if (r.met) evidence.push({ kind: 'case', id: c.id, note: c.clientCode }, ...r.evidence);
    return { id: c.id, met: r.met, message: `${c.clientCode}: ${prefix}${r.message}` };
  });
  return { lines, ok: lines.filter((b) => b.met).length };
}

const gapText = (ok: number, min: number, what: string) => (ok < min ? `; ${plural(min - ok, what)} needed` : '');

/**
 * The shape shared by per-case rules: check each matching case, count those that meet it, explain the rest.
 * With a window, only cases completed in it count (the others are listed as not counted); with
 * `window.earlier`, the cases completed before the event are held to their own params and count.
 */
export function perCaseRule<P extends CaseRuleBase & { minCases: number }>(
  p: P,
  paramsClass: new () => P,
  record: PersonRecord,
  ctx: EvaluationContext,
  what: string,
  check: (params: P, c: CaseRecord) => CaseCheck,
): RuleResult {
  const bounds = windowBounds(p.window, record, ctx);
  const evidence: Evidence[] = [];
  const earlier = p.window?.earlier;
  if (!bounds || !p.window?.since || !earlier) {
    const { matched, excluded } = matchCases(record.cases, p.filter, record.othersLevels, ctx, bounds);
    const { lines, ok } = checkAll(matched, p, check, evidence);
    // cases the window leaves out are named; cases the filter leaves out are not this rule's subject
    const outside = excluded.filter((e) => e.byWindow);
    return {
      met: ok >= p.minCases,
      reached: ok,
      required: p.minCases,
      unit: 'cases',
      message: `${ok} of ${p.minCases} cases${bounds ? ` ${bounds.text}` : ''} ${what}` + gapText(ok, p.minCases, 'more case'),
      evidence,
      breakdown: [...lines, ...outside.map((e) => ({ id: e.id, met: false, message: `${e.clientCode}: not counted, ${e.reason}` }))],
    };
  }
  // per-subset thresholds: the cases since the event under this rule's params, the earlier ones under theirs
  const { matched } = matchCases(record.cases, p.filter, record.othersLevels, ctx);
  const since = bounds.closed ? [] : matched.filter((c) => bounds.after === null || caseDate(c) > bounds.after);
  const before = matched.filter((c) => !since.includes(c));
  const earlierParams = plainToInstance(paramsClass, { ...p, window: undefined, ...(earlier.params ?? {}) } as object);
  const recent = checkAll(since, p, check, evidence);
  const old = checkAll(before, earlierParams, check, evidence, 'earlier case, ');
  const met = recent.ok >= p.minCases && old.ok >= earlier.minCases;
  return {
    met,
    reached: Math.min(recent.ok, p.minCases) + Math.min(old.ok, earlier.minCases),
    required: p.minCases + earlier.minCases,
    unit: 'cases',
    message:
      `${recent.ok} of ${p.minCases} cases ${bounds.text} ${what}` +
      gapText(recent.ok, p.minCases, 'more case') +
      `; ${old.ok} of ${earlier.minCases} earlier cases meet their own requirement` +
      gapText(old.ok, earlier.minCases, 'more earlier case'),
    evidence,
    breakdown: [...recent.lines, ...old.lines],
  };
}
