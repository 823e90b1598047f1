import { jest } from '@jest/globals';
import { evaluateLevel, levelMet } from './evaluate-level';
import { RULE_TYPES } from './rules';
import { aCase, aRecord, CTX } from './rules/record-builder.fixture';
import type { LevelDef, SchemeDefinition } from './scheme-definition';

const level = (over: Partial<LevelDef> = {}): LevelDef =>
  ({
    code: 'B',
    name: 'Practitioner',
    kind: 'practitioner',
    order: 1,
    validity: { kind: 'none' },
    prerequisites: [],
    requirements: [
      { id: 'cases', type: 'completed_cases', params: { minCount: 1 } },
      { id: 'recordings', type: 'case_recordings', advisory: true, params: { minCases: 1, allSessionsRecorded: true } },
    ],
    ...over,
  }) as LevelDef;

const scheme = (l: LevelDef) => ({ noun: 'accredited', levels: [l] }) as unknown as SchemeDefinition;

describe('evaluating a level', () => {
  it('shows an unmet advisory rule with its verdict but stays eligible', () => {
    const l = level();
    const report = evaluateLevel(scheme(l), l, aRecord({ cases: [aCase()] }), CTX);
    expect(report.met).toBe(true);
    expect(report.rules.map((r) => [r.ruleId, r.met, r.advisory])).toEqual([
      ['cases', true, false],
      ['recordings', false, true],
    ]);
    expect(report).toMatchObject({ metCount: 1, ruleCount: 1, summary: 'The requirement is met; 1 advisory rule not met (not blocking)' });
  });

  it('is not eligible when a binding rule fails, whatever the advisory ones say', () => {
    const l = level();
    const report = evaluateLevel(scheme(l), l, aRecord(), CTX);
    expect(report).toMatchObject({ met: false, summary: '0 of 1 requirements met; 1 advisory rule not met (not blocking)' });
  });

  it('carries the level noun and title, falling back to the scheme noun and the level name', () => {
    const plain = level();
    expect(evaluateLevel(scheme(plain), plain, aRecord(), CTX)).toMatchObject({ noun: 'accredited', title: 'Practitioner' });
    const labelled = level({ noun: 'certified', title: 'Certified IPT Practitioner' });
    expect(evaluateLevel(scheme(labelled), labelled, aRecord(), CTX)).toMatchObject({
      noun: 'certified',
      title: 'Certified IPT Practitioner',
    });
  });

  it('gives the verdict alone, as the full report would, ignoring advisory rules and stopping at the first binding rule not met', () => {
    const l = level({
      prerequisites: [{ id: 'none-yet', type: 'completed_cases', params: { minCount: 2 } }] as LevelDef['prerequisites'],
    });
    const plain = level();
    for (const record of [aRecord(), aRecord({ cases: [aCase()] }), aRecord({ cases: [aCase(), aCase({ clientCode: 'C2' })] })])
      for (const x of [l, plain]) expect(levelMet(x, record, CTX)).toBe(evaluateLevel(scheme(x), x, record, CTX).met);
    expect(levelMet(plain, aRecord({ cases: [aCase()] }), CTX)).toBe(true);
    // the prerequisite fails first: the requirements are not evaluated
    const spy = jest.spyOn(RULE_TYPES.completed_cases, 'evaluate');
    expect(levelMet(l, aRecord({ cases: [aCase()] }), CTX)).toBe(false);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });
});
