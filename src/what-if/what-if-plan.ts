import { evaluateLevel, levelMet, lightVerdict } from '../schemes/evaluate-level';
import type { EvaluationContext, PersonRecord } from '../schemes/person-record';
import { BULK_PARTS, partsRead, type RecordPart, ruleReads } from '../schemes/rules/record-parts';
import type { LevelDef, RuleDef, SchemeDefinition } from '../schemes/scheme-definition';
import { diffReports, type LevelChange, type LevelVerdict } from './what-if-diff';

// How one person's record is compared under the version in force and under the draft, planned once for a whole body.
// Pure: no database, no clock.

export interface Versioned {
  definition: SchemeDefinition;
  /** in the scheme's order */
  levels: LevelDef[];
  ctx: EvaluationContext;
}

export interface WhatIfPlan {
  /** the record parts the two versions' rules read (all a record needs) */
  parts: ReadonlySet<RecordPart>;
  /** of those, the bulk of a record (cases, measures, ratings): empty when no rule reads it */
  bulk: ReadonlySet<RecordPart>;
  /** one person's level changes, every level of either version */
  compare(record: PersonRecord): LevelChange[];
  /**
   * What a record loaded without the bulk still needs of it: nothing when every level of either version has a verdict
   * the other rules decide (lightVerdict) and a level whose verdict changes reads no bulk part (so the rules named as
   * flipped are right too); otherwise the bulk parts the levels left open read. `compare` of the record with those
   * parts is that of the whole record (a level settled without them keeps its verdict: a light rule fails).
   */
  bulkNeeded(record: PersonRecord): ReadonlySet<RecordPart>;
}

const awardRules = (l: LevelDef) => [
  ...l.prerequisites.map((rule) => ['prerequisites', rule] as const),
  ...l.requirements.map((rule) => ['requirements', rule] as const),
];

export function planWhatIf(before: Versioned, after: Versioned): WhatIfPlan {
  // for each draft level, the index of the identical level of the version in force (if any)
  const key = (v: Versioned, i: number) =>
    JSON.stringify([v.levels[i], v.definition.noun, v.definition.phaseBoundaries, v.definition.groupCredit ?? null]);
  const beforeKeys = before.levels.map((_, i) => key(before, i));
  const same = after.levels.map((_, i) => {
    const j = beforeKeys.indexOf(key(after, i));
    return j < 0 ? undefined : j;
  });
  // within a draft level that changed, each rule identical to one of the version in force (same rule, same group, same
  // scheme settings the rules read from the context) has that rule's report: where it is, found once for all people
  const ruleKey = (v: Versioned, group: string, rule: RuleDef) =>
    JSON.stringify([group, rule, v.definition.phaseBoundaries, v.definition.groupCredit ?? null]);
  const beforeRuleAt = new Map<string, [level: number, rule: number]>();
  before.levels.forEach((l, j) =>
    awardRules(l).forEach(([group, rule], k) => {
      const rk = ruleKey(before, group, rule);
      if (!beforeRuleAt.has(rk)) beforeRuleAt.set(rk, [j, k]);
    }),
  );
  const verdictOnly = before.levels.map((_, j) => same.includes(j));
  const sameRule = new Map<RuleDef, [level: number, rule: number]>();
  after.levels.forEach((l, i) => {
    if (same[i] === undefined)
      for (const [group, rule] of awardRules(l)) {
        const at = beforeRuleAt.get(ruleKey(after, group, rule));
        if (at) sameRule.set(rule, at);
      }
  });

  const parts = partsRead([...before.levels, ...after.levels]);
  const bulk = new Set([...parts].filter((p) => BULK_PARTS.has(p)));
  // per level code, the bulk parts its binding rules read in either version
  const bulkOf = (l: LevelDef | undefined) =>
    (l ? awardRules(l) : []).filter(([, r]) => r.advisory !== true).flatMap(([, r]) => ruleReads(r).filter((p) => bulk.has(p)));
  const byCode = [...new Set([...after.levels, ...before.levels].map((l) => l.code))].map((code) => {
    const b = before.levels.find((l) => l.code === code),
      a = after.levels.find((l) => l.code === code);
    return { b, a, reads: new Set([...bulkOf(b), ...bulkOf(a)]) };
  });

  return {
    parts,
    bulk,
    compare(record) {
      // a level the draft keeps as it was cannot change: its verdict is all the summary needs (rules evaluated until the
      // first not met); the other levels are reported in full, their rules named if the verdict changes
      const reports: LevelVerdict[] = before.levels.map((l, j) =>
        verdictOnly[j]
          ? { levelCode: l.code, levelName: l.name, met: levelMet(l, record, before.ctx), rules: [] }
          : evaluateLevel(before.definition, l, record, before.ctx),
      );
      // a level the draft leaves as it was (same rules, same scheme settings) has the same report: not evaluated twice
      const draftReports = after.levels.map((l, i) =>
        same[i] !== undefined
          ? reports[same[i]]!
          : evaluateLevel(after.definition, l, record, after.ctx, 'award', (rule) => {
              const at = sameRule.get(rule);
              return at && reports[at[0]]!.rules[at[1]];
            }),
      );
      return diffReports(reports, draftReports);
    },
    bulkNeeded(record) {
      const needed = new Set<RecordPart>();
      for (const { b, a, reads } of byCode) {
        if (!reads.size) continue;
        const was = b ? lightVerdict(b, record, before.ctx, bulk) : false;
        const is = a ? lightVerdict(a, record, after.ctx, bulk) : false;
        if (was === undefined || is === undefined || was !== is) for (const p of reads) needed.add(p);
      }
      return needed;
    },
  };
}
