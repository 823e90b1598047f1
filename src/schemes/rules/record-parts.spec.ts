import type { LevelDef } from '../scheme-definition';
import { ALL_RECORD_PARTS, partsRead } from './record-parts';

const level = (types: string[], renewal: string[] = []): LevelDef =>
  ({
    code: 'B',
    prerequisites: [],
    requirements: types.map((type, i) => ({ id: `r${i}`, type, params: {} })),
    renewal: renewal.length ? { requirements: renewal.map((type, i) => ({ id: `n${i}`, type, params: {} })) } : undefined,
  }) as unknown as LevelDef;

describe('the record parts a what-if loads', () => {
  it('are those the rules of either version read, renewal rules included', () => {
    expect([...partsRead([level(['learning_hours', 'profession']), level(['case_recordings'], ['qualification'])])].sort()).toEqual([
      'activities',
      'cases',
      'qualifications',
      'ratings',
    ]);
  });

  it('include the outcome measures only for an outcome-measures rule', () => {
    expect(partsRead([level(['completed_cases'])]).has('measures')).toBe(false);
    expect(partsRead([level(['outcome_measures'])]).has('measures')).toBe(true);
  });

  it('are every part when a rule type is unknown (nothing is left out by mistake)', () => {
    expect([...partsRead([level(['some_future_rule'])])].sort()).toEqual([...ALL_RECORD_PARTS].sort());
  });
});
