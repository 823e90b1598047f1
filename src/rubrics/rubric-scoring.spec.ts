import {
  aggregateRatings,
  type RatingForAggregation,
  type RubricDefinition,
  scoreRating,
  validateRubricDefinition,
  validateScores,
} from './rubric-scoring';

// A CTS-R-shaped rubric (12 items 0–6, pass = total ≥ 36 and no item below 2) and a 1–5 mean-based one.
const CTS_CODES = [
  'agenda',
  'feedback',
  'collaboration',
  'pacing',
  'interpersonal',
  'emotion',
  'cognitions',
  'behaviours',
  'discovery',
  'conceptual',
  'change',
  'homework',
];
const ctsr: RubricDefinition = {
  scale: { min: 0, max: 6 },
  items: CTS_CODES.map((code) => ({ code, label: code })),
  aggregation: 'sum',
  passRule: { threshold: 36, itemFloor: 2 },
  multiRater: { kind: 'single', disagreementThreshold: 12 },
};
const ipt: RubricDefinition = {
  scale: { min: 1, max: 5 },
  items: ['inventory', 'focus', 'linking', 'roles', 'termination'].map((code) => ({
    code,
    label: code,
    anchors: { '1': 'absent', '5': 'excellent' },
  })),
  aggregation: 'mean',
  passRule: { threshold: 3, requiredItems: ['inventory', 'focus', 'linking', 'roles'], requiredItemFloor: 2 },
  multiRater: { kind: 'mean_of_n', n: 2, disagreementThreshold: 1 },
};
const all = (def: RubricDefinition, score: number) => Object.fromEntries(def.items.map((i) => [i.code, score]));
const rating = (raterId: string, raterRole: RatingForAggregation['raterRole'], scores: Record<string, number>): RatingForAggregation => ({
  ratingId: `r-${raterId}`,
  raterId,
  raterRole,
  scores,
});

describe('validating a rubric definition', () => {
  it('accepts the CTS-R-shaped and the IPT example definitions', () => {
    expect(validateRubricDefinition(ctsr)).toEqual({});
    expect(validateRubricDefinition(ipt)).toEqual({});
  });

  it('reports every problem keyed by field: reversed scale, duplicate code, unreachable threshold, unknown required item, bad policy', () => {
    const errors = validateRubricDefinition({
      scale: { min: 5, max: 1 },
      items: [
        { code: 'a', label: 'A' },
        { code: 'a', label: '' },
      ],
      aggregation: 'median',
      passRule: { threshold: 'high', requiredItems: ['zzz'] },
      multiRater: { kind: 'mean_of_n', n: 1, disagreementThreshold: -1 },
      extra: true,
    });
    expect(Object.keys(errors).sort()).toEqual(
      [
        'definition.aggregation',
        'definition.extra',
        'definition.items.1.code',
        'definition.items.1.label',
        'definition.multiRater.disagreementThreshold',
        'definition.multiRater.n',
        'definition.passRule.requiredItems.0',
        'definition.passRule.threshold',
        'definition.scale.max',
      ].sort(),
    );
  });

  it('refuses a sum threshold above what the items can reach and anchors off the scale', () => {
    const errors = validateRubricDefinition({
      ...ctsr,
      passRule: { threshold: 73 },
      items: [{ code: 'x', label: 'X', anchors: { '7': 'too high' } }, ...ctsr.items.slice(1)],
    });
    expect(errors['definition.passRule.threshold']).toEqual(['threshold must lie between 0 and 72']);
    expect(errors['definition.items.0.anchors.7']).toBeDefined();
  });
});

describe('validating scores', () => {
  it('names the missing, unknown, non-integer and out-of-range items', () => {
    const scores = { ...all(ctsr, 3), agenda: 7, feedback: 2.5, wellbeing: 3 } as Record<string, unknown>;
    delete scores.homework;
    expect(validateScores(ctsr, scores)).toEqual({
      'scores.agenda': ['a score must lie between 0 and 6'],
      'scores.feedback': ['a score must be an integer'],
      'scores.wellbeing': ['wellbeing is not an item of this rubric'],
      'scores.homework': ['homework must be scored'],
    });
  });

  it('lets a draft leave items unscored but still refuses bad scores', () => {
    expect(validateScores(ctsr, { agenda: 3 }, { partial: true })).toEqual({});
    expect(validateScores(ctsr, { agenda: -1 }, { partial: true })).toHaveProperty(['scores.agenda']);
  });

  it('with requiredItems, only those must be scored (the rest may be not applicable)', () => {
    const { termination: _, ...rest } = all(ipt, 3);
    expect(validateScores(ipt, rest)).toEqual({});
  });
});

describe('scoring one rating', () => {
  it('CTS-R: total 36 with every item ≥ 2 passes', () => {
    expect(scoreRating(ctsr, all(ctsr, 3))).toMatchObject({ total: 36, mean: 3, value: 36, passed: true, failedItems: [] });
  });

  it('CTS-R: total 40 fails when one item is below the floor of 2, naming it', () => {
    const scores = { ...all(ctsr, 3), agenda: 1, feedback: 6, pacing: 6 };
    const r = scoreRating(ctsr, scores);
    expect(r.total).toBe(40);
    expect(r.passed).toBe(false);
    expect(r.failedItems).toEqual([{ code: 'agenda', reason: 'below_floor', score: 1, floor: 2 }]);
  });

  it('CTS-R: total 35 fails on the threshold alone', () => {
    expect(scoreRating(ctsr, { ...all(ctsr, 3), agenda: 2 })).toMatchObject({ total: 35, passed: false, failedItems: [] });
  });

  it('IPT: mean of exactly 3.0 passes; a required item below its floor fails it', () => {
    expect(scoreRating(ipt, { inventory: 3, focus: 3, linking: 3, roles: 3, termination: 3 })).toMatchObject({ mean: 3, passed: true });
    expect(scoreRating(ipt, { inventory: 1, focus: 4, linking: 4, roles: 4, termination: 3 })).toMatchObject({
      mean: 3.2,
      passed: false,
      failedItems: [{ code: 'inventory', reason: 'below_required_floor', score: 1, floor: 2 }],
    });
  });

  it('IPT: a required item left unscored fails as not_scored', () => {
    expect(scoreRating(ipt, { focus: 5, linking: 5, roles: 5 }).failedItems).toEqual([
      { code: 'inventory', reason: 'not_scored', score: null },
    ]);
  });
});

describe('combining raters', () => {
  it('mean of 2: supervisor 3.0 and independent 3.4 → pass on the mean 3.2', () => {
    const r = aggregateRatings(ipt, [rating('sup', 'supervisor', all(ipt, 3)), rating('ind', 'independent', { ...all(ipt, 3), focus: 5 })]);
    expect(r.status).toBe('pass');
    expect(r.combined?.value).toBeCloseTo(3.2, 10);
    expect(r.spread).toBeCloseTo(0.4, 10);
    expect(r.secondLookNeeded).toBe(false);
  });

  it('a self-rating never counts: supervisor + self is still one rater short of mean of 2', () => {
    const r = aggregateRatings(ipt, [rating('sup', 'supervisor', all(ipt, 4)), rating('me', 'self', all(ipt, 5))]);
    expect(r).toMatchObject({ status: 'insufficient_raters', countedRaters: 1, selfRatingsIgnored: 1, combined: null });
  });

  it('a self-rating cannot turn a failing single rating into a pass', () => {
    const single = { ...ipt, multiRater: { kind: 'single' as const, disagreementThreshold: 1 } };
    const r = aggregateRatings(single, [rating('sup', 'supervisor', all(ipt, 2)), rating('me', 'self', all(ipt, 5))]);
    expect(r.status).toBe('fail');
  });

  it('raters 2.0 and 4.0 on a threshold of 1 point → disagreement, second look, no winner picked', () => {
    const r = aggregateRatings(ipt, [rating('sup', 'supervisor', all(ipt, 2)), rating('ind', 'independent', all(ipt, 4))]);
    expect(r).toMatchObject({ status: 'disagreement', secondLookNeeded: true, spread: 2 });
  });

  it('all must pass: one of two raters failing fails the whole, even when the mean would pass', () => {
    const strict = { ...ipt, multiRater: { kind: 'all_must_pass' as const, n: 2, disagreementThreshold: 2 } };
    const r = aggregateRatings(strict, [rating('a', 'supervisor', all(ipt, 4)), rating('b', 'independent', { ...all(ipt, 3), focus: 2 })]);
    expect(r.combined?.value).toBeGreaterThanOrEqual(3);
    expect(r.status).toBe('fail');
  });

  it('one rating per rater: the later of two by the same rater is the one counted', () => {
    const r = aggregateRatings(ipt, [
      rating('a', 'supervisor', all(ipt, 1)),
      rating('a', 'supervisor', all(ipt, 4)),
      rating('b', 'independent', all(ipt, 4)),
    ]);
    expect(r).toMatchObject({ status: 'pass', countedRaters: 2 });
  });

  it('CTS-R disagreement is measured in totals', () => {
    const tight = { ...ctsr, multiRater: { kind: 'mean_of_n' as const, n: 2, disagreementThreshold: 6 } };
    const r = aggregateRatings(tight, [
      rating('a', 'supervisor', all(ctsr, 3)),
      rating('b', 'independent', { ...all(ctsr, 3), agenda: 6, feedback: 6, pacing: 5 }),
    ]);
    expect(r.spread).toBe(8);
    expect(r.status).toBe('disagreement');
  });
});
