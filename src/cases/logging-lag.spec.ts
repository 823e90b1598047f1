import { lagDays, summariseLag } from './logging-lag';

describe('logging lag', () => {
  it('counts whole days from the session date to the day it was logged', () => {
    expect(lagDays('2024-03-01', new Date('2024-03-01T21:00:00Z'))).toBe(0);
    expect(lagDays('2024-03-01', new Date('2024-03-09T08:00:00Z'))).toBe(8);
    expect(lagDays('2024-02-28', new Date('2024-03-01T00:00:00Z'))).toBe(2); // leap year
  });

  it('never reports a negative lag', () => {
    expect(lagDays('2024-03-02', new Date('2024-03-01T10:00:00Z'))).toBe(0);
  });

  it('gives median, nearest-rank 90th percentile and the sessions logged more than 7 days late', () => {
    expect(summariseLag([0, 1, 1, 2, 3, 5, 7, 8, 20, 40])).toEqual({ sessions: 10, medianDays: 4, p90Days: 20, loggedLate: 3 });
    expect(summariseLag([3, 1, 2])).toEqual({ sessions: 3, medianDays: 2, p90Days: 3, loggedLate: 0 });
  });

  it('a lag of exactly 7 days is not late', () => {
    expect(summariseLag([7]).loggedLate).toBe(0);
    expect(summariseLag([8]).loggedLate).toBe(1);
  });

  it('reports nulls when nothing is logged', () => {
    expect(summariseLag([])).toEqual({ sessions: 0, medianDays: null, p90Days: null, loggedLate: 0 });
  });
});
