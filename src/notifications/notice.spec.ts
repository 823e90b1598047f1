import { caseReviewNotice, riskFlagNotice } from './notice';

const c = { id: 'case-1', traineeId: 'trainee-1', supervisorId: 'supervisor-1', clientCode: 'C-AB12' };

describe('who is told about a case', () => {
  it('a submission goes to the case\'s supervisor', () => {
    expect(caseReviewNotice('submit', c)).toEqual({ recipientId: 'supervisor-1', kind: 'case.submitted', path: '/cases/case-1', clientCode: 'C-AB12' });
  });
  it('a return and a sign-off go to the trainee', () => {
    expect(caseReviewNotice('return', c)).toMatchObject({ recipientId: 'trainee-1', kind: 'case.returned' });
    expect(caseReviewNotice('sign_off', c)).toMatchObject({ recipientId: 'trainee-1', kind: 'case.signed_off' });
  });
  it('a risk flag goes to the supervisor, marked urgent (never held for a digest)', () => {
    expect(riskFlagNotice(c)).toEqual({ recipientId: 'supervisor-1', kind: 'case.risk_flag', path: '/cases/case-1', clientCode: 'C-AB12', urgent: true });
  });
});
