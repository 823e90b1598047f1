import type { LevelReport, RuleReport } from '../schemes/evaluate-level';
import { diffLevel, diffReports, emptySummary, ruleInWords, tally, type LevelSummary } from './what-if-diff';

const rule = (ruleId: string, met: boolean, over: Partial<RuleReport> = {}): RuleReport => ({
  ruleId,
  type: 'learning_hours',
  label: `rule ${ruleId}`,
  group: 'requirements',
  advisory: false,
  met,
  reached: met ? 50 : 40,
  required: 50,
  unit: 'hours',
  message: met ? '50 of 50 hours' : '40 of 50 hours',
  evidence: [],
  ...over,
});

const report = (levelCode: string, rules: RuleReport[]): LevelReport => {
  const binding = rules.filter((r) => !r.advisory);
  return {
    levelCode,
    levelName: `Level ${levelCode}`,
    noun: 'accredited',
    title: `Level ${levelCode}`,
    asOf: '2026-12-01',
    met: binding.every((r) => r.met),
    metCount: binding.filter((r) => r.met).length,
    ruleCount: binding.length,
    summary: '',
    rules,
  };
};

describe('the what-if of a draft, for one person', () => {
  it('a raised threshold turns met into not met, naming the rule with the draft message', () => {
    const before = report('B', [rule('hours', true), rule('cases', true)]);
    const after = report('B', [rule('hours', false, { message: '50 of 60 hours' }), rule('cases', true)]);
    expect(diffLevel(before, after)).toEqual({
      levelCode: 'B',
      levelName: 'Level B',
      before: true,
      after: false,
      change: 'lose',
      rules: [{ ruleId: 'hours', label: 'rule hours', before: true, after: false, message: '50 of 60 hours' }],
    });
  });

  it('a lowered threshold turns not met into met, naming the rule that no longer holds the person back', () => {
    const before = report('B', [rule('hours', false), rule('cases', true)]);
    const after = report('B', [rule('hours', true), rule('cases', true)]);
    const d = diffLevel(before, after);
    expect(d.change).toBe('gain');
    expect(d.rules.map((r) => [r.ruleId, r.before, r.after])).toEqual([['hours', false, true]]);
  });

  it('an unchanged verdict lists no rules, even when a rule flipped beneath it', () => {
    const before = report('B', [rule('hours', false), rule('cases', true)]);
    const after = report('B', [rule('hours', true), rule('cases', false)]);
    expect(diffLevel(before, after)).toMatchObject({ before: false, after: false, change: 'unchanged', rules: [] });
  });

  it('a rule the draft adds and the person fails is named with before = null', () => {
    const d = diffLevel(report('B', [rule('hours', true)]), report('B', [rule('hours', true), rule('refs', false)]));
    expect(d.change).toBe('lose');
    expect(d.rules).toEqual([expect.objectContaining({ ruleId: 'refs', before: null, after: false })]);
  });

  it('a dropped rule the person failed is named with after = null, with the current version message', () => {
    const d = diffLevel(
      report('B', [rule('hours', true), rule('refs', false, { message: 'no reference' })]),
      report('B', [rule('hours', true)]),
    );
    expect(d.change).toBe('gain');
    expect(d.rules).toEqual([{ ruleId: 'refs', label: 'rule refs', before: false, after: null, message: 'no reference' }]);
  });

  it('advisory rules never decide and are never named', () => {
    const before = report('B', [rule('hours', true), rule('rec', true, { advisory: true })]);
    const after = report('B', [rule('hours', false), rule('rec', false, { advisory: true })]);
    expect(diffLevel(before, after).rules.map((r) => r.ruleId)).toEqual(['hours']);
  });

  it('a level only in the draft is a gain when met, and a level the draft drops is a loss when it was met', () => {
    const changes = diffReports([report('A', [rule('x', true)])], [report('B', [rule('y', true)])]);
    expect(changes.map((c) => [c.levelCode, c.before, c.after, c.change])).toEqual([
      ['B', null, true, 'gain'],
      ['A', true, null, 'lose'],
    ]);
  });

  it('tallies gains, losses, unchanged and met counts per level, and words a rule for the table', () => {
    const summary = new Map<string, LevelSummary>([['B', emptySummary('B', 'Level B')]]);
    tally(summary, diffReports([report('B', [rule('hours', true)])], [report('B', [rule('hours', false)])]));
    tally(summary, diffReports([report('B', [rule('hours', true)])], [report('B', [rule('hours', true)])]));
    tally(summary, diffReports([report('B', [rule('hours', false)])], [report('B', [rule('hours', true)])]));
    expect(summary.get('B')).toEqual({ levelCode: 'B', levelName: 'Level B', gain: 1, lose: 1, unchanged: 1, metBefore: 2, metAfter: 2 });
    expect(ruleInWords({ ruleId: 'hours', label: 'Training hours', before: true, after: false, message: '50 of 60 hours' })).toBe(
      'Training hours (hours): 50 of 60 hours',
    );
  });
});
