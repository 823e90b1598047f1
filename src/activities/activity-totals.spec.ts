import { activityTotals } from './activity-totals';
import { ActivityKind } from './training-activity.entity';

describe('activity totals', () => {
  it('lists every kind with zeros when nothing is logged', () => {
    const t = activityTotals([]);
    expect(t.byKind.map((k) => k.kind)).toEqual(Object.values(ActivityKind));
    expect(t.verified).toEqual({ hours: 0, count: 0 });
    expect(t.unverified).toEqual({ hours: 0, count: 0 });
  });

  it('splits a verified 16 h course from an unverified 8 h booster', () => {
    const t = activityTotals([
      { kind: ActivityKind.DidacticCourse, verified: true, count: 1, hours: '16.00' },
      { kind: ActivityKind.Booster, verified: false, count: 2, hours: '8.00' },
    ]);
    expect(t.byKind.find((k) => k.kind === ActivityKind.DidacticCourse)).toEqual({
      kind: 'didactic_course',
      verified: { hours: 16, count: 1 },
      unverified: { hours: 0, count: 0 },
    });
    expect(t.byKind.find((k) => k.kind === ActivityKind.Booster)?.unverified).toEqual({ hours: 8, count: 2 });
    expect(t.verified).toEqual({ hours: 16, count: 1 });
    expect(t.unverified).toEqual({ hours: 8, count: 2 });
  });

  it('adds fractional hours without floating-point drift', () => {
    const t = activityTotals([
      { kind: ActivityKind.Cpd, verified: false, count: 1, hours: '0.10' },
      { kind: ActivityKind.Workshop, verified: false, count: 1, hours: '0.20' },
    ]);
    expect(t.unverified.hours).toBe(0.3);
  });
});
