import type { LevelReport, RuleReport } from '../schemes/evaluate-level';

// The what-if of a draft scheme version, for one person: per level, met under the version in force and under the
// draft, and for a level whose verdict changed, the binding rules whose verdict changed (by rule id), with the
// draft's words. A level or rule that exists in one version only counts as not met (level) / absent (rule) in the
// other. Pure: no database, no clock.

export type Change = 'gain' | 'lose' | 'unchanged';

export interface FlippedRule {
  ruleId: string;
  label: string;
  /** the rule's verdict under the version in force (null: the rule is not in it) */
  before: boolean | null;
  /** its verdict under the draft (null: the draft dropped it) */
  after: boolean | null;
  /** the draft's message (the current version's when the draft dropped the rule) */
  message: string;
}

export interface LevelChange {
  levelCode: string;
  levelName: string;
  /** met under the version in force; null when that version has no such level */
  before: boolean | null;
  /** met under the draft; null when the draft has no such level */
  after: boolean | null;
  change: Change;
  /** for a gain or a loss: the rules that flipped (empty when unchanged) */
  rules: FlippedRule[];
}

/** What the diff reads of a level's report (a level identical in both versions needs its verdict only: no rules). */
export type LevelVerdict = Pick<LevelReport, 'levelCode' | 'levelName' | 'met' | 'rules'>;

const binding = (r: LevelVerdict | undefined): Map<string, RuleReport> =>
  new Map((r?.rules ?? []).filter((x) => !x.advisory).map((x) => [x.ruleId, x]));

/** Compares one level's reports under the version in force and under the draft. */
export function diffLevel(before: LevelVerdict | undefined, after: LevelVerdict | undefined): LevelChange {
  const was = before ? before.met : null;
  const is = after ? after.met : null;
  const change: Change = (was ?? false) === (is ?? false) ? 'unchanged' : is ? 'gain' : 'lose';
  const rules: FlippedRule[] = [];
  if (change !== 'unchanged') {
    const b = binding(before),
      a = binding(after);
    for (const id of new Set([...a.keys(), ...b.keys()])) {
      const x = b.get(id),
        y = a.get(id);
      const bm = x ? x.met : null,
        am = y ? y.met : null;
      // a gain names the rules that no longer hold the person back, a loss those that now do
      const relevant = change === 'lose' ? am === false && bm !== false : bm === false && am !== false;
      if (relevant) rules.push({ ruleId: id, label: (y ?? x)!.label, before: bm, after: am, message: (y ?? x)!.message });
    }
  }
  return {
    levelCode: (after ?? before)!.levelCode,
    levelName: (after ?? before)!.levelName,
    before: was,
    after: is,
    change,
    rules,
  };
}

/** Every level of either version, in the draft's order, then levels only the version in force has. */
export function diffReports(before: readonly LevelVerdict[], after: readonly LevelVerdict[]): LevelChange[] {
  const codes = [...new Set([...after.map((r) => r.levelCode), ...before.map((r) => r.levelCode)])];
  return codes.map((code) =>
    diffLevel(
      before.find((r) => r.levelCode === code),
      after.find((r) => r.levelCode === code),
    ),
  );
}

export interface LevelSummary {
  levelCode: string;
  levelName: string;
  gain: number;
  lose: number;
  unchanged: number;
  /** met under the version in force, and under the draft */
  metBefore: number;
  metAfter: number;
}

export const emptySummary = (levelCode: string, levelName: string): LevelSummary => ({
  levelCode,
  levelName,
  gain: 0,
  lose: 0,
  unchanged: 0,
  metBefore: 0,
  metAfter: 0,
});

/** Adds one person's level changes into the per-level summary (in place). */
export function tally(summary: Map<string, LevelSummary>, changes: readonly LevelChange[]): void {
  for (const c of changes) {
    let s = summary.get(c.levelCode);
    if (!s) summary.set(c.levelCode, (s = emptySummary(c.levelCode, c.levelName)));
    s[c.change]++;
    if (c.before) s.metBefore++;
    if (c.after) s.metAfter++;
  }
}

/** A flipped rule in words, for the table and the CSV: "hours (R2): 40 of 50 hours". */
export const ruleInWords = (r: FlippedRule): string => `${r.label} (${r.ruleId}): ${r.message}`;
