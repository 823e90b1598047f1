import { quarterOf, reliabilityHistory } from './reliability';

const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
const v = (target: string, rater: string, value: number, date: string) => ({
  targetKey: target,
  raterId: rater,
  value,
  submittedAt: at(date),
});

describe('reliability over time', () => {
  it('names the calendar quarter and its last day, leap years included', () => {
    expect(quarterOf(at('2028-02-29'))).toEqual({ period: '2028-Q1', until: '2028-03-31' });
    expect(quarterOf(at('2026-12-31'))).toEqual({ period: '2026-Q4', until: '2026-12-31' });
    expect(quarterOf(at('2026-04-01'))).toEqual({ period: '2026-Q2', until: '2026-06-30' });
  });

  it('has no points without ratings', () => expect(reliabilityHistory([])).toEqual([]));

  it('is cumulative: a quarter counts every rating up to its end, empty quarters in between included', () => {
    const h = reliabilityHistory([
      v('t1', 'a', 2, '2026-01-10'),
      v('t1', 'b', 2, '2026-01-11'),
      v('t2', 'a', 4, '2026-07-01'),
      v('t2', 'b', 5, '2026-07-02'),
      v('t3', 'a', 3, '2026-07-03'),
      v('t3', 'b', 3, '2026-07-04'),
    ]);
    expect(h.map((p) => [p.period, p.targets, p.ratings])).toEqual([
      ['2026-Q1', 1, 2],
      ['2026-Q2', 1, 2],
      ['2026-Q3', 3, 6],
    ]);
    expect(h[0].icc).toBeNull(); // one target cannot give an ICC
    expect(h[2].icc?.value).toBeGreaterThan(0.5);
  });

  it('keeps only the most recent quarters when there are many', () => {
    const values = Array.from({ length: 20 }, (_, i) =>
      v(`t${i}`, 'a', i % 5, `${2020 + Math.floor(i / 4)}-${String((i % 4) * 3 + 1).padStart(2, '0')}-15`),
    );
    const h = reliabilityHistory(values, 12);
    expect(h).toHaveLength(12);
    expect(h[11].period).toBe('2024-Q4');
  });
});
