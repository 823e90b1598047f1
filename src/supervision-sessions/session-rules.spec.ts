import { latestToday } from '../common/dates';
import { type SessionShape, sessionShapeProblems } from './session-rules';

const NOW = new Date('2025-03-14T10:00:00Z');
const SUPERVISOR = 'sup';
const valid: SessionShape = {
  date: '2025-03-14',
  minutes: 60,
  format: 'group',
  participantIds: ['t1', 't2'],
  caseReviews: [{ caseId: 'c1', minutes: 30 }, { caseId: 'c2' }],
};

describe('a supervision session as logged', () => {
  it('accepts a group session today with per-case minutes within the session', () => {
    expect(sessionShapeProblems(valid, SUPERVISOR, NOW)).toEqual({});
  });

  it('refuses a date in the future, but not today in the furthest-ahead time zone', () => {
    expect(latestToday(NOW)).toBe('2025-03-15');
    expect(sessionShapeProblems({ ...valid, date: '2025-03-15' }, SUPERVISOR, NOW)).toEqual({});
    expect(sessionShapeProblems({ ...valid, date: '2025-03-16' }, SUPERVISOR, NOW).date).toEqual(['date must not be in the future']);
  });

  it('refuses an individual session with two participants', () => {
    expect(sessionShapeProblems({ ...valid, format: 'individual' }, SUPERVISOR, NOW).participantIds).toEqual([
      'an individual session has exactly one participant',
    ]);
  });

  it('allows a group session that only one trainee attended', () => {
    expect(sessionShapeProblems({ ...valid, participantIds: ['t1'] }, SUPERVISOR, NOW)).toEqual({});
  });

  it('refuses the supervisor as a participant', () => {
    expect(sessionShapeProblems({ ...valid, participantIds: ['t1', SUPERVISOR] }, SUPERVISOR, NOW).participantIds).toEqual([
      'the supervisor cannot be a participant',
    ]);
  });

  it('refuses per-case minutes adding up to more than the session, and a case reviewed twice', () => {
    const p = sessionShapeProblems(
      {
        ...valid,
        caseReviews: [
          { caseId: 'c1', minutes: 40 },
          { caseId: 'c1', minutes: 30 },
        ],
      },
      SUPERVISOR,
      NOW,
    );
    expect(p.caseReviews).toEqual([
      'each case can be reviewed only once per session',
      "minutes per case add up to 70, more than the session's 60",
    ]);
  });

  it('accepts per-case minutes that use up exactly the session', () => {
    expect(
      sessionShapeProblems(
        {
          ...valid,
          caseReviews: [
            { caseId: 'c1', minutes: 30 },
            { caseId: 'c2', minutes: 30 },
          ],
        },
        SUPERVISOR,
        NOW,
      ),
    ).toEqual({});
  });

  it('refuses notes holding a client e-mail address or phone number', () => {
    expect(sessionShapeProblems({ ...valid, notes: 'mail jo@example.org or call 07700 900123' }, SUPERVISOR, NOW).notes).toEqual([
      'notes must not identify a client (found: email, phone)',
    ]);
  });
});
