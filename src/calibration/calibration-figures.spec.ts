import type { RubricDefinition } from '../rubrics/rubric-scoring';
import { attemptFigures, calibratedRaterIds, calibrationStatus, validateCompleteScores } from './calibration-figures';

const def: RubricDefinition = {
  scale: { min: 1, max: 5 },
  items: ['inventory', 'focus', 'linking', 'roles', 'termination'].map((code) => ({ code, label: code })),
  aggregation: 'mean',
  passRule: { threshold: 3, requiredItems: ['inventory', 'focus'] },
  multiRater: { kind: 'single', disagreementThreshold: 1 },
};
const reference = { inventory: 2, focus: 3, linking: 4, roles: 3, termination: 5 };
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('validating calibration scores', () => {
  it('requires every item, not only the required ones, and keeps validateScores messages', () => {
    expect(validateCompleteScores(def, { inventory: 2, focus: 6 })).toEqual({
      'scores.focus': ['a score must lie between 1 and 5'],
      'scores.linking': ['linking must be scored'],
      'scores.roles': ['roles must be scored'],
      'scores.termination': ['termination must be scored'],
    });
    expect(validateCompleteScores(def, reference)).toEqual({});
    expect(validateCompleteScores(def, 'x')).toEqual({ scores: ['scores must map item codes to integer scores'] });
  });
});

describe('attempt figures', () => {
  it('a rater matching the reference exactly is within tolerance with zero bias and perfect agreement', () => {
    const f = attemptFigures(def, reference, reference, { maxMeanAbsDiff: 0.5, minIcc: 0.7 });
    expect(f).toMatchObject({ meanAbsDiff: 0, bias: 0, withinTolerance: true, outsideBecause: [] });
    expect(f.icc).toBeCloseTo(1, 10);
    expect(f.weightedKappa).toBeCloseTo(1, 10);
    expect(f.perItemAbsDiff).toEqual({ inventory: 0, focus: 0, linking: 0, roles: 0, termination: 0 });
  });

  it('a lenient rater one point above on most items shows positive bias and falls outside a 0.5 tolerance', () => {
    const f = attemptFigures(def, reference, { inventory: 3, focus: 4, linking: 5, roles: 4, termination: 5 }, { maxMeanAbsDiff: 0.5 });
    expect(f.bias).toBeCloseTo(0.8, 10);
    expect(f.meanAbsDiff).toBeCloseTo(0.8, 10);
    expect(f.perItemAbsDiff.termination).toBe(0);
    expect(f).toMatchObject({ withinTolerance: false, outsideBecause: ['mean_abs_diff'] });
  });

  it('a severe rater has negative bias', () => {
    expect(
      attemptFigures(def, reference, { inventory: 1, focus: 2, linking: 3, roles: 3, termination: 5 }, { maxMeanAbsDiff: 1 }).bias,
    ).toBeCloseTo(-0.6, 10);
  });

  it('a halo rater giving 3 everywhere uses one scale point and fails an ICC floor even inside the mean-difference tolerance', () => {
    const f = attemptFigures(
      def,
      reference,
      { inventory: 3, focus: 3, linking: 3, roles: 3, termination: 3 },
      { maxMeanAbsDiff: 1, minIcc: 0.5 },
    );
    expect(f.rangeUse).toMatchObject({ distinct: 1, width: 5, share: 0.2, sd: 0 });
    expect(f.meanAbsDiff).toBeCloseTo(0.8, 10);
    expect(f.withinTolerance).toBe(false);
    expect(f.outsideBecause).toEqual(['icc']);
  });

  it('a mean difference exactly at the tolerance counts as within', () => {
    const f = attemptFigures(def, reference, { inventory: 3, focus: 4, linking: 4, roles: 3, termination: 5 }, { maxMeanAbsDiff: 0.4 });
    expect(f.meanAbsDiff).toBeCloseTo(0.4, 10);
    expect(f.withinTolerance).toBe(true);
  });
});

describe('calibration status', () => {
  const asOf = day('2025-06-01');
  it('no attempts → no_attempts', () => {
    expect(calibrationStatus([], asOf)).toEqual({ status: 'no_attempts', reason: null, decidingAttemptAt: null, validUntil: null });
  });

  it('latest attempt within tolerance → calibrated until 24 months later, even after an earlier failure', () => {
    const d = calibrationStatus(
      [
        { submittedAt: day('2024-01-10'), withinTolerance: false },
        { submittedAt: day('2025-02-01'), withinTolerance: true },
      ],
      asOf,
    );
    expect(d).toEqual({ status: 'calibrated', reason: null, decidingAttemptAt: day('2025-02-01'), validUntil: day('2027-02-01') });
  });

  it('a later failed attempt undoes an earlier success', () => {
    const d = calibrationStatus(
      [
        { submittedAt: day('2025-05-01'), withinTolerance: false },
        { submittedAt: day('2025-01-01'), withinTolerance: true },
      ],
      asOf,
    );
    expect(d).toMatchObject({ status: 'not_calibrated', reason: 'outside_tolerance' });
  });

  it('a success older than 24 months has expired', () => {
    expect(calibrationStatus([{ submittedAt: day('2023-05-31'), withinTolerance: true }], asOf)).toMatchObject({
      status: 'not_calibrated',
      reason: 'expired',
    });
  });

  it('attempts after the as-of date are ignored', () => {
    expect(calibrationStatus([{ submittedAt: day('2025-07-01'), withinTolerance: true }], asOf).status).toBe('no_attempts');
  });

  it('lists only currently calibrated raters, sorted', () => {
    const ids = calibratedRaterIds(
      [
        { raterId: 'z', attempts: [{ submittedAt: day('2025-01-01'), withinTolerance: true }] },
        { raterId: 'b', attempts: [{ submittedAt: day('2025-01-01'), withinTolerance: false }] },
        { raterId: 'a', attempts: [{ submittedAt: day('2025-03-01'), withinTolerance: true }] },
        { raterId: 'c', attempts: [] },
      ],
      asOf,
    );
    expect(ids).toEqual(['a', 'z']);
  });
});
