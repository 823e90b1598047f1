import { summariseSupervision } from './supervision-summary';

const individual = (id: string, minutes: number, reviews: { caseId: string; minutes: number | null }[] = []) => ({
  sessionId: id,
  date: '2025-01-10',
  format: 'individual' as const,
  minutes,
  memberCount: 1,
  reviews,
});
const group = (id: string, minutes: number, memberCount: number, reviews: { caseId: string; minutes: number | null }[] = []) => ({
  sessionId: id,
  date: '2025-01-17',
  format: 'group' as const,
  minutes,
  memberCount,
  reviews,
});

describe("a trainee's supervision received", () => {
  it('keeps individual and group minutes apart, crediting groups by the default formula', () => {
    const s = summariseSupervision([
      individual('s1', 60, [{ caseId: 'c1', minutes: null }]),
      group('s2', 90, 3, [{ caseId: 'c1', minutes: 20 }]),
    ]);
    expect(s.totals).toEqual({
      sessionCount: 2,
      individualSessions: 1,
      groupSessions: 1,
      individualMinutes: 60,
      groupMinutes: 60,
      totalMinutes: 120,
    });
    expect(s.sessions.map((x) => x.creditedMinutes)).toEqual([60, 60]);
    expect(s.cases).toEqual([{ caseId: 'c1', minutes: 80, individualMinutes: 60, groupMinutes: 20, sessionCount: 2 }]);
  });

  it("totals per case across sessions and splits unrecorded time evenly among the trainee's cases", () => {
    const s = summariseSupervision([
      individual('s1', 50, [
        { caseId: 'c1', minutes: null },
        { caseId: 'c2', minutes: null },
      ]),
      individual('s2', 45, [{ caseId: 'c2', minutes: 45 }]),
    ]);
    expect(s.cases).toEqual([
      { caseId: 'c1', minutes: 25, individualMinutes: 25, groupMinutes: 0, sessionCount: 1 },
      { caseId: 'c2', minutes: 70, individualMinutes: 70, groupMinutes: 0, sessionCount: 2 },
    ]);
  });

  it('adds rounded group shares without drift', () => {
    const s = summariseSupervision([group('a', 60, 7), group('b', 60, 7), group('c', 60, 7)]);
    expect(s.totals.groupMinutes).toBe(51.42);
    expect(s.totals.totalMinutes).toBe(51.42);
  });

  it('applies the formula a scheme passes', () => {
    const s = summariseSupervision([group('a', 60, 4)], { kind: 'full' });
    expect(s.totals.groupMinutes).toBe(60);
  });

  it('is all zeros for a trainee with no supervision yet', () => {
    expect(summariseSupervision([])).toEqual({
      sessions: [],
      cases: [],
      totals: { sessionCount: 0, individualSessions: 0, groupSessions: 0, individualMinutes: 0, groupMinutes: 0, totalMinutes: 0 },
    });
  });
});
