import { checkCaseFields, type CaseFields } from './case-rules';
import { CaseStatus, ProblemArea } from './supervised-case.entity';

const base: CaseFields = {
  status: CaseStatus.Active, startDate: '2024-03-01', endDate: null, focusProblemArea: ProblemArea.Grief, secondaryProblemArea: null,
  presentingProblem: 'Low mood after the death of her father', formulation: null, course: null, techniques: null, outcome: null,
};
const today = '2024-07-01';

describe('case fields', () => {
  it('accepts an active case without an end date', () => {
    expect(checkCaseFields(base, today)).toEqual({});
  });

  it.each([CaseStatus.Completed, CaseStatus.DroppedOut, CaseStatus.Transferred])('requires an end date once the case is %s', (status) => {
    expect(checkCaseFields({ ...base, status }, today)).toEqual({ endDate: [`endDate is required when the case is ${status}`] });
    expect(checkCaseFields({ ...base, status, endDate: '2024-06-01' }, today)).toEqual({});
  });

  it('refuses an end before the start, and a closed case ending in the future', () => {
    expect(checkCaseFields({ ...base, endDate: '2024-02-01' }, today)).toEqual({ endDate: ['endDate must not be before startDate'] });
    expect(checkCaseFields({ ...base, status: CaseStatus.Completed, endDate: '2024-08-01' }, today)).toEqual({ endDate: ['a closed case cannot end in the future'] });
  });

  it('refuses a secondary problem area equal to the focus', () => {
    expect(checkCaseFields({ ...base, secondaryProblemArea: ProblemArea.Grief }, today)).toHaveProperty('secondaryProblemArea');
    expect(checkCaseFields({ ...base, secondaryProblemArea: ProblemArea.RoleDispute }, today)).toEqual({});
  });

  it('refuses e-mail addresses and phone numbers in the narrative', () => {
    expect(checkCaseFields({ ...base, formulation: 'ring her on 07700 900123', outcome: 'wrote to a.b@c.org' }, today)).toEqual({
      formulation: ['formulation must not contain a phone number'],
      outcome: ['outcome must not contain an e-mail address'],
    });
  });
});
