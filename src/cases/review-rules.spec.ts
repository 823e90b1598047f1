import { decideReview, type ReviewFacts } from './review-rules';
import { CaseReviewState as S } from './supervised-case.entity';

const trainee = { isTrainee: true, isCaseSupervisor: false };
const supervisor = { isTrainee: false, isCaseSupervisor: true };
const other = { isTrainee: false, isCaseSupervisor: false };
const decide = (f: ReviewFacts) => decideReview(f);

describe('the review workflow of a case', () => {
  it('lets the trainee submit a draft and resubmit a returned case', () => {
    expect(decide({ ...trainee, state: S.Draft, action: 'submit' })).toEqual({ ok: true, next: S.Submitted });
    expect(decide({ ...trainee, state: S.Returned, action: 'submit' })).toEqual({ ok: true, next: S.Submitted });
  });

  it('does not resubmit a submitted or signed-off case', () => {
    expect(decide({ ...trainee, state: S.Submitted, action: 'submit' })).toMatchObject({
      ok: false,
      status: 409,
      code: 'INVALID_REVIEW_STATE',
    });
    expect(decide({ ...trainee, state: S.SignedOff, action: 'submit' })).toMatchObject({ ok: false, status: 409 });
  });

  it("lets only the case's supervisor return a submitted case", () => {
    expect(decide({ ...supervisor, state: S.Submitted, action: 'return' })).toEqual({ ok: true, next: S.Returned });
    expect(decide({ ...other, state: S.Submitted, action: 'return' })).toMatchObject({
      ok: false,
      status: 403,
      code: 'NOT_CASE_SUPERVISOR',
    });
  });

  it('signs off a submitted case only when the supervisor read the current content', () => {
    expect(decide({ ...supervisor, state: S.Submitted, action: 'sign_off', hashMatches: true })).toEqual({ ok: true, next: S.SignedOff });
    expect(decide({ ...supervisor, state: S.Submitted, action: 'sign_off', hashMatches: false })).toMatchObject({
      ok: false,
      status: 409,
      code: 'CONTENT_CHANGED',
    });
  });

  it('never signs off a draft, a returned or an already signed-off case', () => {
    for (const state of [S.Draft, S.Returned, S.SignedOff]) {
      expect(decide({ ...supervisor, state, action: 'sign_off', hashMatches: true })).toMatchObject({
        ok: false,
        code: 'INVALID_REVIEW_STATE',
      });
    }
  });

  it('refuses self-review even when the trainee is also named as supervisor', () => {
    expect(decide({ isTrainee: true, isCaseSupervisor: true, state: S.Submitted, action: 'sign_off', hashMatches: true })).toMatchObject({
      ok: false,
      status: 403,
      code: 'SELF_REVIEW',
    });
  });

  it('does not let anyone but the trainee submit', () => {
    expect(decide({ ...supervisor, state: S.Draft, action: 'submit' })).toMatchObject({ ok: false, status: 403, code: 'NOT_CASE_TRAINEE' });
  });
});
