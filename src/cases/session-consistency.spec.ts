import { type CaseDates, checkSessions, issueDetails, type SessionFacts } from './session-consistency';

const c: CaseDates = { startDate: '2024-03-01', endDate: null };
// 09:00 UTC: the latest date anywhere on Earth (UTC+14) is still 2024-06-30
const now = new Date('2024-06-30T09:00:00Z');
const s = (number: number, date: string, phase = 'middle', durationMinutes = 50): SessionFacts => ({
  number,
  date,
  phase,
  durationMinutes,
});
const course = [s(1, '2024-03-01', 'initial'), s(2, '2024-03-08', 'initial'), s(3, '2024-03-15'), s(4, '2024-03-22', 'termination')];

describe('therapy sessions of a case', () => {
  it('accepts a weekly course that moves initial → middle → termination', () => {
    expect(checkSessions(c, course, now)).toEqual([]);
  });

  it('accepts two sessions on the same day and sessions logged out of number order', () => {
    expect(checkSessions(c, [s(2, '2024-03-08'), s(1, '2024-03-08', 'initial')], now)).toEqual([]);
  });

  it('refuses a number used twice', () => {
    expect(checkSessions(c, [...course, s(4, '2024-03-29', 'termination')], now)).toContainEqual({
      number: 4,
      field: 'number',
      message: 'session 4 is already logged for this case',
    });
  });

  it('refuses a session before the case started, after it ended, or in the future', () => {
    const fields = (list: SessionFacts[], dates = c) => checkSessions(dates, list, now).map((i) => i.message);
    expect(fields([s(1, '2024-02-28', 'initial')])).toEqual(['session 1 is before the case start (2024-03-01)']);
    expect(fields([s(1, '2024-05-02', 'initial')], { startDate: '2024-03-01', endDate: '2024-05-01' })).toEqual([
      'session 1 is after the case end (2024-05-01)',
    ]);
    expect(fields([s(1, '2024-07-01', 'initial')])).toEqual(['session 1 is in the future']);
  });

  it('accepts an auckland trainee logging this mornings session while utc is still yesterday', () => {
    // 2024-06-30 21:00 UTC is 2024-07-01 09:00 in Auckland (UTC+12)
    expect(checkSessions(c, [s(1, '2024-07-01', 'initial')], new Date('2024-06-30T21:00:00Z'))).toEqual([]);
    expect(checkSessions(c, [s(1, '2024-07-02', 'initial')], new Date('2024-06-30T21:00:00Z')).map((i) => i.message)).toEqual([
      'session 1 is in the future',
    ]);
  });

  it("refuses session N dated before session N-1 (which is also N-1's being after N)", () => {
    const issues = checkSessions(c, [s(1, '2024-03-10', 'initial'), s(2, '2024-03-05')], now);
    expect(issues).toEqual([
      { number: 2, field: 'date', message: 'session 2 (2024-03-05) is dated before session 1 (2024-03-10)', other: 1 },
    ]);
    expect(issueDetails(issues, 1)).toEqual({ date: ['session 2 (2024-03-05) is dated before session 1 (2024-03-10)'] });
  });

  it('refuses a phase that goes backwards, e.g. initial after middle', () => {
    const issues = checkSessions(c, [s(1, '2024-03-01'), s(2, '2024-03-08', 'initial')], now);
    expect(issues).toEqual([
      { number: 2, field: 'phase', message: 'session 2 is initial after session 1 was middle: phases cannot go backwards', other: 1 },
    ]);
  });

  it('refuses durations outside 10–180 minutes', () => {
    expect(checkSessions(c, [s(1, '2024-03-01', 'initial', 9), s(2, '2024-03-02', 'initial', 181)], now).map((i) => i.field)).toEqual([
      'durationMinutes',
      'durationMinutes',
    ]);
    expect(checkSessions(c, [s(1, '2024-03-01', 'initial', 10), s(2, '2024-03-02', 'initial', 180)], now)).toEqual([]);
  });

  it('keys the issues of the session being written by field, the others by session', () => {
    const issues = checkSessions(c, [s(1, '2024-03-10'), s(2, '2024-03-05', 'initial')], now);
    expect(issueDetails(issues, 2)).toEqual({ date: [expect.any(String)], phase: [expect.any(String)] });
    expect(Object.keys(issueDetails(issues, null))).toEqual(['sessions.2.date', 'sessions.2.phase']);
    expect(Object.keys(issueDetails(issues, 3))).toEqual(['sessions.2.date', 'sessions.2.phase']);
  });

  it("orders phases by the case taxonomy's list, not IPT's", () => {
    const phases = ['assessment', 'treatment', 'ending'];
    expect(checkSessions(c, [s(1, '2024-03-01', 'assessment'), s(2, '2024-03-08', 'ending')], now, phases)).toEqual([]);
    expect(checkSessions(c, [s(1, '2024-03-01', 'treatment'), s(2, '2024-03-08', 'assessment')], now, phases).map((i) => i.field)).toEqual([
      'phase',
    ]);
  });
});
