import { scoreRating, validateRubricDefinition } from './rubric-scoring';
import { CTSR_SHAPED_DEFINITION, IPT_EXAMPLE_DEFINITION } from './rubric-seed';

const all = (score: number, codes: { code: string }[]) => Object.fromEntries(codes.map((i) => [i.code, score]));

describe('seed rubrics', () => {
  it('the IPT example (mean ≥ 3.0) passes at all-3s and fails at 2.9', () => {
    expect(validateRubricDefinition(IPT_EXAMPLE_DEFINITION)).toEqual({});
    expect(scoreRating(IPT_EXAMPLE_DEFINITION, all(3, IPT_EXAMPLE_DEFINITION.items)).passed).toBe(true);
    expect(scoreRating(IPT_EXAMPLE_DEFINITION, { ...all(3, IPT_EXAMPLE_DEFINITION.items), alliance: 2 }).passed).toBe(false);
  });

  it('the CTS-R-shaped rubric: 12 items 0–6, 36 with every item ≥ 2 passes, a 1 anywhere fails', () => {
    expect(validateRubricDefinition(CTSR_SHAPED_DEFINITION)).toEqual({});
    expect(CTSR_SHAPED_DEFINITION.items).toHaveLength(12);
    expect(scoreRating(CTSR_SHAPED_DEFINITION, all(3, CTSR_SHAPED_DEFINITION.items))).toMatchObject({ total: 36, passed: true });
    expect(scoreRating(CTSR_SHAPED_DEFINITION, { ...all(4, CTSR_SHAPED_DEFINITION.items), homework_setting: 1 }).passed).toBe(false);
  });
});
