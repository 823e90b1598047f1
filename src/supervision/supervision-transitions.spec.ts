import { SupervisionStatus as S } from './supervision-relationship.entity';
import { supervisionTransition } from './supervision-transitions';

describe('supervision transitions', () => {
  it('lets the supervisor accept or decline a pending request', () => {
    expect(supervisionTransition(S.Requested, 'accept', ['supervisor'])).toEqual({ ok: true, from: S.Requested, to: S.Active });
    expect(supervisionTransition(S.Requested, 'decline', ['supervisor'])).toMatchObject({ ok: true, to: S.Declined });
  });

  it('does not let the trainee accept their own request, nor a body admin answer for the supervisor', () => {
    expect(supervisionTransition(S.Requested, 'accept', ['trainee'])).toMatchObject({ ok: false, error: 'NOT_ALLOWED' });
    expect(supervisionTransition(S.Requested, 'decline', ['body_admin', 'admin'])).toMatchObject({ ok: false, error: 'NOT_ALLOWED' });
  });

  it('lets only the trainee withdraw a request, and only while it is pending', () => {
    expect(supervisionTransition(S.Requested, 'cancel', ['trainee'])).toMatchObject({ ok: true, to: S.Cancelled });
    expect(supervisionTransition(S.Requested, 'cancel', ['supervisor'])).toMatchObject({ ok: false, error: 'NOT_ALLOWED' });
    expect(supervisionTransition(S.Active, 'cancel', ['trainee'])).toMatchObject({ ok: false, error: 'WRONG_STATUS' });
  });

  it('lets either party or the administration end an active relationship', () => {
    for (const p of ['trainee', 'supervisor', 'body_admin', 'admin'] as const) {
      expect(supervisionTransition(S.Active, 'end', [p])).toMatchObject({ ok: true, to: S.Ended });
    }
  });

  it('never reopens a finished relationship', () => {
    for (const s of [S.Declined, S.Cancelled, S.Ended]) {
      for (const a of ['accept', 'decline', 'cancel', 'end'] as const) {
        expect(supervisionTransition(s, a, ['trainee', 'supervisor', 'body_admin', 'admin']).ok).toBe(false);
      }
    }
  });

  it('refuses accepting twice: the second accept sees an active relationship', () => {
    expect(supervisionTransition(S.Active, 'accept', ['supervisor'])).toMatchObject({ ok: false, error: 'WRONG_STATUS' });
  });
});
